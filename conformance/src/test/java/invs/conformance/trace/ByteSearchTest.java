package invs.conformance.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Searching eight bytes at a time finds what a byte-by-byte search finds. */
class ByteSearchTest {

    @Test
    void findsTheFirstOccurrenceAsAPlainLoopDoes() {
        SplittableRandom random = new SplittableRandom(0x5EA2C4L);
        for (int trial = 0; trial < 100_000; trial++) {
            byte[] bytes = new byte[random.nextInt(70)];
            byte wanted = (byte) random.nextInt(256);
            for (int at = 0; at < bytes.length; at++) {
                // every value of a byte, the one looked for often, and its neighbours (borrows across bytes)
                int kind = random.nextInt(4);
                bytes[at] = (byte) (kind == 0 ? wanted : kind == 1 ? wanted + random.nextInt(3) - 1 : random.nextInt(256));
            }
            int from = random.nextInt(bytes.length + 1);
            int to = from + random.nextInt(bytes.length - from + 1);
            assertEquals(plain(bytes, from, to, wanted), ByteSearch.indexOf(bytes, from, to, wanted));
        }
    }

    @Test
    void findsItAtEveryPlaceOfAWordAndPastTheLastWhole() {
        for (int length = 0; length < 40; length++) {
            for (int place = 0; place < length; place++) {
                byte[] bytes = new byte[length];
                java.util.Arrays.fill(bytes, (byte) 0x8A); // the byte looked for with its high bit set
                bytes[place] = '\n';
                assertEquals(place, ByteSearch.indexOf(bytes, 0, length, (byte) '\n'));
                assertEquals(length, ByteSearch.indexOf(bytes, place + 1, length, (byte) '\n'), "none after it");
            }
        }
    }

    private static int plain(byte[] bytes, int from, int to, byte b) {
        int at = from;
        while (at < to && bytes[at] != b) {
            at++;
        }
        return at;
    }
}
