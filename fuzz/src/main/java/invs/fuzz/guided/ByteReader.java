package invs.fuzz.guided;

/**
 * Reads a fuzzer's bytes front to back; past the end every read is 0, so that any byte string decodes.
 */
final class ByteReader {
    private final byte[] data;
    private int position;

    ByteReader(byte[] data) {
        this.data = data;
    }

    /** Whether every byte has been read. */
    boolean exhausted() {
        return position >= data.length;
    }

    /** The next byte, unsigned (0 past the end). */
    int next() {
        return position < data.length ? data[position++] & 0xFF : 0;
    }

    /** The next byte modulo {@code bound}. */
    int below(int bound) {
        return next() % bound;
    }

    /** The next {@code count} bytes as an unsigned big-endian number ({@code count} at most 8). */
    long number(int count) {
        long value = 0;
        for (int i = 0; i < count; i++) {
            value = (value << 8) | next();
        }
        return value;
    }
}
