package invs.fuzz.protocol;

import invs.conformance.trace.LineTooLongException;
import invs.conformance.trace.TraceLimits;

import java.nio.charset.StandardCharsets;

/**
 * What invs knows of a reply line before decoding it: whether it is blank (both sides ignore blank lines),
 * how long one may be, how its start is shown in a message, and what a line too long or one that never
 * came says.
 */
final class ReplyLines {
    /**
     * What a reply that never came says: most often the server wrote it and never flushed its standard output
     * (Rust's and C's buffered output, Python's when not a terminal).
     */
    static final String UNFLUSHED = " (a reply reaches invs only once the server flushes its standard output:"
            + " flush after each reply, or after each batch of replies)";

    private ReplyLines() {
    }

    /** Whether {@code line} holds nothing but spaces, tabs and carriage returns. */
    static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The longest reply line that may show a buffer of {@code buffer} bytes: its hexadecimal and 64 KiB more. */
    static int longest(int buffer) {
        return (int) Math.min(Integer.MAX_VALUE - 8, 2L * buffer + 64 * 1024);
    }

    /** The start of {@code line} for a message (decoding only what is shown). */
    static String shown(byte[] line) {
        return JsonFields.shown(new String(line, 0, Math.min(line.length, 256), StandardCharsets.UTF_8));
    }

    /**
     * The problem of a server that answered {@code request} with {@code line}, which is not a reply for the
     * reason {@code why}: a line that does not even begin as a JSON object is most likely the server's own
     * log, which belongs on its standard error, and the message says so.
     */
    static String malformed(String request, byte[] line, String why) {
        String hint = beginsAsObject(line) ? "" : LOG_HINT;
        return "the server answered " + request + " with a malformed reply (" + why + ")" + hint + ": " + shown(line);
    }

    /** What a line that is no reply most likely is: the server's log, which belongs on its standard error. */
    private static final String LOG_HINT =
            " (a reply is one JSON object a line; a server writes anything else, its logs say, to its standard error)";

    /**
     * The problem of a server that wrote {@code line} before {@code request} was sent, when no request asked
     * for it: a second reply to an earlier request if it begins as a JSON object, else most likely a log line
     * (a banner written at start).
     */
    static String unasked(String request, byte[] line) {
        return "the server wrote a line no request asked for before " + request
                + (beginsAsObject(line) ? " (a second reply?)" : LOG_HINT) + ": " + shown(line);
    }

    /** Whether {@code line}, after spaces and tabs, begins with {@code {}. */
    private static boolean beginsAsObject(byte[] line) {
        int first = 0;
        while (first < line.length && (line[first] == ' ' || line[first] == '\t')) {
            first++;
        }
        return first < line.length && line[first] == '{';
    }

    /** The problem of a server whose line went on past the limit {@code e} names, {@code when} (answering a request). */
    static String flooded(LineTooLongException e, String when) {
        return "the server flooded its standard output: more than " + TraceLimits.size(e.limit()) + " without a line feed, "
                + when + "; invs stopped it";
    }
}
