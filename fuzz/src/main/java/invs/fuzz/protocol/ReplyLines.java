package invs.fuzz.protocol;

import java.nio.charset.StandardCharsets;

/**
 * What invs knows of a reply line before decoding it: whether it is blank (both sides ignore blank lines),
 * how long one may be, and how its start is shown in a message.
 */
final class ReplyLines {
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
}
