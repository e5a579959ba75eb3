package invs.conformance.trace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds a byte in an array eight bytes at a time: the line feed ending a line of a trace or a peer's
 * message, the quote ending a long string of hexadecimal digits. Each step reads eight bytes as one
 * {@code long} and tells at once whether one of them is the byte looked for (the classic "has a zero byte"
 * test on the word XOR the byte repeated), so a buffer of kilobytes costs a few hundred steps.
 */
public final class ByteSearch {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGHS = 0x8080_8080_8080_8080L;

    private ByteSearch() {
    }

    /** The index of the first {@code b} in {@code bytes} from {@code from} to {@code to} (exclusive), or {@code to}. */
    public static int indexOf(byte[] bytes, int from, int to, byte b) {
        long repeated = (b & 0xFFL) * ONES;
        int at = from;
        for (; at + Long.BYTES <= to; at += Long.BYTES) {
            long word = (long) LONGS.get(bytes, at) ^ repeated;
            // a byte of word is zero where bytes holds b; the lowest flagged byte is always one of them
            long zeros = (word - ONES) & ~word & HIGHS;
            if (zeros != 0) {
                return at + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        while (at < to && bytes[at] != b) {
            at++;
        }
        return at;
    }
}
