package invs.fuzz.protocol;

import java.io.InputStream;

/**
 * A stream that never says it holds anything, counts how often it is asked, and whose reads take
 * {@code readMillis} each and give one byte, {@code x}: a pipe whose next line is always still to come.
 */
final class SlowStream extends InputStream {
    /** How often the stream was asked how many bytes it holds. */
    int looks;
    /** How long each read takes. */
    long readMillis;

    @Override
    public int available() {
        looks++;
        return 0;
    }

    @Override
    public int read() {
        throw new UnsupportedOperationException("read in blocks");
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        try {
            Thread.sleep(readMillis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        buffer[offset] = 'x';
        return 1;
    }
}
