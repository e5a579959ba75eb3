package invs.conformance.trace;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads lines of bytes from a stream, each at most a given number of bytes, so that a file or a peer that
 * never ends a line cannot use up the memory. A line ends at a line feed; a carriage return just before
 * it is dropped; the last line of the stream needs no line feed. Not thread-safe.
 */
public final class LineReader {
    private static final int KEPT_BUFFER = 64 * 1024;
    private final InputStream in;
    private int maxBytes;
    /** What was read from the stream: large enough to hold many replies showing a buffer (a few KiB each). */
    private final byte[] chunk = new byte[64 * 1024];
    private int next;
    private int filled;
    private boolean ended;
    private byte[] line = new byte[256];
    private int length;
    private long lines;

    /** Lines of {@code in}, each at most {@code maxBytes} bytes long (without its end). */
    public LineReader(InputStream in, int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("a line limit must be positive: " + maxBytes);
        }
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The longest line this reader accepts, in bytes. */
    public int maxBytes() {
        return maxBytes;
    }

    /** Accepts lines of up to {@code bytes} bytes from now on, if that is more than before. */
    public void raiseLimit(int bytes) {
        if (bytes > maxBytes) {
            maxBytes = bytes;
        }
    }

    /** How many bytes were read from the stream and not yet returned in a line. */
    public int buffered() {
        return filled - next;
    }

    /** How many lines were read so far, including the one over the limit: the 1-based number of the last line. */
    public long lineNumber() {
        return lines;
    }

    /**
     * The next line's bytes without its end, or {@code null} at the end of the stream.
     *
     * @throws LineTooLongException when the line goes on past the limit; its start has been consumed, and
     *                              {@link #skipRest()} consumes the rest so that reading can go on
     * @throws IOException          when the stream fails
     */
    public byte[] next() throws IOException {
        length = 0;
        boolean any = false;
        while (true) {
            if (next == filled && !fill()) {
                if (!any) {
                    return null;
                }
                lines++;
                return finished();
            }
            any = true;
            int at = ByteSearch.indexOf(chunk, next, filled, (byte) '\n');
            if (!append(next, at - next)) {
                lines++;
                next = at;
                throw new LineTooLongException(lines, maxBytes);
            }
            if (at < filled) {
                next = at + 1;
                lines++;
                return finished();
            }
            next = filled;
        }
    }

    /**
     * Whether the next line is the first {@code length} bytes of {@code expected} and has been read from the
     * stream whole, with its line feed: then it is consumed and counted as {@link #next} would, without
     * searching for its end or copying it. Otherwise nothing is consumed and {@link #next} reads the line as
     * ever (a line not read whole yet, one that ends in a carriage return, one longer than the limit). This
     * never reads the stream. {@code expected}'s bytes must hold no line feed.
     */
    public boolean skipIfNext(byte[] expected, int length) {
        if (length < 0 || length > maxBytes || length >= filled - next) {
            return false;
        }
        int end = next + length;
        if (chunk[end] != '\n' || !Arrays.equals(chunk, next, end, expected, 0, length)) {
            return false;
        }
        next = end + 1;
        lines++;
        return true;
    }

    /** Consumes the rest of the current line, up to and including its line feed (or the end of the stream). */
    public void skipRest() throws IOException {
        while (next < filled || fill()) {
            while (next < filled) {
                if (chunk[next++] == '\n') {
                    return;
                }
            }
        }
    }

    private boolean append(int from, int count) {
        // a carriage return that ends the line does not count against the limit
        int limit = maxBytes + 1;
        if (limit <= 0) {
            limit = Integer.MAX_VALUE - 8;
        }
        if (length + count > limit) {
            return false;
        }
        if (length + count > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(limit, Math.max((long) line.length * 2, length + count)));
        }
        System.arraycopy(chunk, from, line, length, count);
        length += count;
        return length <= maxBytes || line[length - 1] == '\r';
    }

    private byte[] finished() throws LineTooLongException {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        if (end > maxBytes) {
            throw new LineTooLongException(lines, maxBytes);
        }
        byte[] result = Arrays.copyOf(line, end);
        if (line.length > KEPT_BUFFER) {
            line = new byte[256]; // a long line does not keep its memory
        }
        return result;
    }

    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        int read = in.read(chunk, 0, chunk.length);
        if (read < 0) {
            ended = true;
            return false;
        }
        next = 0;
        filled = read;
        return true;
    }
}
