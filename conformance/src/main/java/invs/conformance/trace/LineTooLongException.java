package invs.conformance.trace;

import java.io.IOException;

/** A line went on past the limit of a {@link LineReader}: a flood, or a file that is not JSON lines. */
public final class LineTooLongException extends IOException {
    private final long line;
    private final int limit;

    /** Line {@code line} (1-based) is longer than {@code limit} bytes. */
    public LineTooLongException(long line, int limit) {
        super("line " + line + " is longer than " + limit + " bytes");
        this.line = line;
        this.limit = limit;
    }

    /** The 1-based number of the line. */
    public long line() {
        return line;
    }

    /** The limit it went past, in bytes. */
    public int limit() {
        return limit;
    }
}
