package invs.spec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The bounds rule exactly as docs/spec.md D9 writes it, {@code offset >= size || len > size ||
 * offset + len > size} with the offset unsigned, on every case near the edges, the empty access included
 * (the driver reports RESERVE before it asks, D11, but the rule itself must not be bent by that).
 */
class BoundsTest {
    private static final int SIZE = 2048;

    private static boolean rule(long offset, int length, int size) {
        return !(Long.compareUnsigned(offset, size) >= 0 || length > size
                || Long.compareUnsigned(offset + length, size) > 0);
    }

    @Test
    void withinMatchesTheDocumentedRuleNearEveryEdge() {
        long[] offsets = {0, 1, SIZE - 11, SIZE - 10, SIZE - 2, SIZE - 1, SIZE, SIZE + 1, 0xFFFF_FFFFL, 1L << 32,
            Long.MAX_VALUE, Long.MIN_VALUE, -2, -1};
        int[] lengths = {0, 1, 2, 10, 11, SIZE - 1, SIZE, SIZE + 1, Integer.MAX_VALUE};
        for (long offset : offsets) {
            for (int length : lengths) {
                assertEquals(rule(offset, length, SIZE), Bounds.within(offset, length, SIZE),
                        "offset " + Long.toUnsignedString(offset) + ", length " + length);
            }
        }
    }

    @Test
    void anAccessEndingAtTheEndIsWithinAndNothingStartsThere() {
        assertEquals(true, Bounds.within(SIZE - 10, 10, SIZE));
        assertEquals(true, Bounds.within(0, SIZE, SIZE));
        assertEquals(false, Bounds.within(SIZE - 9, 10, SIZE));
        assertEquals(false, Bounds.within(SIZE, 0, SIZE));
        assertEquals(true, Bounds.within(SIZE - 1, 0, SIZE));
        assertEquals(false, Bounds.within(-1, 2, SIZE));
    }
}
