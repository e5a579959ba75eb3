package invs.conformance.trace;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding of one line: a byte that is not valid UTF-8 is reported with its place instead of
 * being replaced, so that a binary file or a garbled reply reads {@code not valid UTF-8 at byte 17}.
 */
public final class Utf8Text {
    /** The byte-order mark some editors put at the start of a UTF-8 file. */
    public static final char BYTE_ORDER_MARK = '\uFEFF';

    private Utf8Text() {
    }

    /** The text {@code bytes} encode. @throws TraceFormatException naming the 1-based byte that is not valid UTF-8 */
    public static String decode(byte[] bytes) {
        boolean ascii = true;
        for (byte b : bytes) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new TraceFormatException("", "not valid UTF-8 at byte " + (in.position() + 1));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** {@code text} without a byte-order mark at its start. */
    public static String withoutByteOrderMark(String text) {
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    /**
     * {@code text} as a message quotes a value read from a file or a peer: between double quotes, made
     * {@link #printable printable} and cut after 60 characters (a field of megabytes is not echoed whole).
     */
    public static String quoted(String text) {
        return "\"" + printable(text, 60) + "\"";
    }

    /**
     * {@code text} safe to print on a terminal in one line: control characters (and the byte-order mark)
     * are written as escapes such as {@code \u001b}, line feeds as {@code \n}, and the text is cut after
     * {@code maxChars} characters with an ellipsis.
     */
    public static String printable(String text, int maxChars) {
        StringBuilder shown = new StringBuilder(Math.min(text.length(), maxChars) + 8);
        for (int index = 0; index < text.length(); index++) {
            if (shown.length() >= maxChars) {
                return shown.append('…').toString();
            }
            char c = text.charAt(index);
            switch (c) {
                case '\n' -> shown.append("\\n");
                case '\r' -> shown.append("\\r");
                case '\t' -> shown.append("\\t");
                default -> {
                    if (shownAsEscape(c)) {
                        shown.append(String.format("\\u%04x", (int) c));
                    } else {
                        shown.append(c);
                    }
                }
            }
        }
        return shown.toString();
    }

    /**
     * Whether {@link #printable} writes {@code c} as an escape: a control character, the byte-order mark, a line
     * or paragraph separator, or a format character such as a bidirectional override (which would reorder what
     * a terminal or a page shows), but the zero-width joiner.
     */
    public static boolean shownAsEscape(char c) {
        return Character.isISOControl(c) || c == BYTE_ORDER_MARK || c == '\u2028' || c == '\u2029'
                || Character.getType(c) == Character.FORMAT && c != '\u200d';
    }
}
