package invs.spec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.spec.Bytes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Cells longer than a page, against a plain model of them (an array of values and one of unknown flags):
 * random changes across page boundaries, and every question asked of the result.
 */
class PagedCellsTest {
    private static final int LENGTH = 3 * Cells.PAGE + 123;

    /** The plain model: what the cells must hold. */
    private record Plain(byte[] values, boolean[] unknown) {
        static Plain filled(int length, int value) {
            byte[] values = new byte[length];
            Arrays.fill(values, (byte) value);
            return new Plain(values, new boolean[length]);
        }

        Plain copy() {
            return new Plain(values.clone(), unknown.clone());
        }

        Bytes concretise(int fill) {
            byte[] whole = values.clone();
            for (int i = 0; i < whole.length; i++) {
                whole[i] = unknown[i] ? (byte) fill : whole[i];
            }
            return Bytes.of(whole);
        }
    }

    @Test
    void randomChangesAcrossPageBoundariesAgreeWithPlainArrays() {
        Random random = new Random(0x50004);
        for (int walk = 0; walk < 40; walk++) {
            Cells cells = Cells.filled(LENGTH, 0xFF);
            Plain plain = Plain.filled(LENGTH, 0xFF);
            List<Cells> seen = new ArrayList<>();
            List<Plain> seenPlain = new ArrayList<>();
            for (int change = 0; change < 30; change++) {
                int at = random.nextInt(LENGTH);
                int count = random.nextInt(Math.min(LENGTH - at, 2 * Cells.PAGE) + 1);
                Plain next = plain.copy();
                Cells made;
                switch (random.nextInt(4)) {
                    case 0 -> {
                        byte[] data = new byte[count + 5];
                        random.nextBytes(data);
                        made = cells.write(at, Bytes.of(data), 5, count);
                        System.arraycopy(data, 5, next.values, at, count);
                        Arrays.fill(next.unknown, at, at + count, false);
                    }
                    case 1 -> {
                        made = cells.forget(at, count);
                        Arrays.fill(next.values, at, at + count, (byte) 0);
                        Arrays.fill(next.unknown, at, at + count, true);
                    }
                    case 2 -> {
                        int from = random.nextInt(LENGTH - count + 1);
                        made = cells.copyFrom(at, cells, from, count); // from itself, at another offset
                        System.arraycopy(plain.values, from, next.values, at, count);
                        System.arraycopy(plain.unknown, from, next.unknown, at, count);
                    }
                    default -> {
                        byte[] observed = new byte[count];
                        random.nextBytes(observed);
                        made = cells.learn(at, Bytes.of(observed), 0, count);
                        for (int i = 0; i < count; i++) {
                            if (next.unknown[at + i]) {
                                next.values[at + i] = observed[i];
                                next.unknown[at + i] = false;
                            }
                        }
                    }
                }
                cells = made;
                plain = next;
                assertAgree(plain, cells);
                seen.add(cells);
                seenPlain.add(plain);
            }
            for (int one = 0; one < seen.size(); one++) {
                for (int other = 0; other < seen.size(); other++) {
                    boolean same = Arrays.equals(seenPlain.get(one).values, seenPlain.get(other).values)
                            && Arrays.equals(seenPlain.get(one).unknown, seenPlain.get(other).unknown);
                    assertEquals(same, seen.get(one).equals(seen.get(other)));
                    assertEquals(knowsNoMore(seenPlain.get(one), seenPlain.get(other)),
                            seen.get(one).knowsNoMoreThan(seen.get(other)));
                    if (same) {
                        assertEquals(seen.get(one).hashCode(), seen.get(other).hashCode());
                    }
                }
            }
        }
    }

    private static void assertAgree(Plain plain, Cells cells) {
        assertEquals(plain.values.length, cells.length());
        int unknownCount = 0;
        for (int i = 0; i < plain.values.length; i++) {
            assertEquals(!plain.unknown[i], cells.isKnown(i), "byte " + i);
            if (!plain.unknown[i]) {
                assertEquals(plain.values[i], cells.value(i), "byte " + i);
            }
            unknownCount += plain.unknown[i] ? 1 : 0;
        }
        assertEquals(unknownCount, cells.unknownCount());
        assertEquals(unknownCount == 0, cells.allKnown());
        assertEquals(plain.concretise(0x5A), cells.concretise(0x5A));
        assertTrue(cells.admits(plain.concretise(0x33)));
        // the same bytes made whole, in one piece, are equal cells with the same hash
        Cells whole = Cells.known(plain.concretise(0));
        for (int i = 0; i < plain.values.length; i++) {
            whole = plain.unknown[i] ? whole.forget(i, 1) : whole;
        }
        assertEquals(whole, cells);
        assertEquals(whole.hashCode(), cells.hashCode());
        assertTrue(cells.sameUnknownAs(whole));
        assertEquals(whole.unknownHash(), cells.unknownHash());
        int from = LENGTH / 3;
        boolean anyUnknown = false;
        for (int i = from; i < from + Cells.PAGE + 7; i++) {
            anyUnknown |= plain.unknown[i];
        }
        assertEquals(anyUnknown, cells.anyUnknown(from, Cells.PAGE + 7));
    }

    private static boolean knowsNoMore(Plain mine, Plain other) {
        for (int i = 0; i < mine.values.length; i++) {
            if (!mine.unknown[i] && (other.unknown[i] || mine.values[i] != other.values[i])) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aRangePastTheEndIsAnErrorNotALoopThatNeverEnds() {
        Cells cells = Cells.filled(10, 1).forget(2, 1);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThrows(IndexOutOfBoundsException.class, () -> cells.forget(5, 10));
            assertThrows(IndexOutOfBoundsException.class, () -> cells.write(5, Bytes.filled(10, 0), 0, 10));
            assertThrows(IndexOutOfBoundsException.class, () -> cells.copyFrom(5, Cells.filled(20, 0), 0, 10));
            assertThrows(IndexOutOfBoundsException.class, () -> cells.copyFrom(0, Cells.filled(4, 0), 0, 5));
            assertThrows(IndexOutOfBoundsException.class, () -> cells.learn(0, Bytes.filled(20, 0), 0, 20));
            // past the end with no unknown byte in range: still an error, not an answer that depends on the data
            assertThrows(IndexOutOfBoundsException.class, () -> cells.learn(5, Bytes.filled(20, 0), 0, 10));
        });
        assertTrue(cells.anyUnknown(0, 100));
        assertFalse(cells.anyUnknown(3, 100));
    }

    @Test
    void aWriteCopiesOnlyThePagesItTouchesAndUnknownBytesOnlyWhereTheyAre() {
        Cells region = Cells.filled(16 * 1024 * 1024, 0xFF);
        Cells written = region.write(Cells.PAGE - 2, Bytes.fromHex("01020304"), 0, 4);
        assertEquals(2, region.pagesNotSharedWith(written));
        Cells forgotten = written.forget(10 * Cells.PAGE, 1);
        assertEquals(1, written.pagesNotSharedWith(forgotten));
        BitSet expected = new BitSet();
        expected.set(10 * Cells.PAGE);
        assertEquals(expected, written.unknownOnlyIn(forgotten));
        assertNotEquals(region, written);
        assertSame(written, written.learn(0, Bytes.filled(16, 0), 0, 16)); // nothing unknown there
    }
}
