package invs.fuzz.protocol;

import invs.conformance.trace.ByteSearch;

import java.util.Arrays;

/**
 * The hexadecimal digits of a buffer in the bytes of a message's line, two a byte, up to the quote that
 * ends the string: read by both readers of plain replies ({@link PlainReply}, {@link LineDecoder}), each
 * with the digits it vouches for.
 */
final class HexDigits {
    /** The value of each hexadecimal digit of either case (as {@code HexFormat} reads them), -1 for any other byte. */
    static final byte[] EITHER_CASE = values(true);
    /** The value of each lower-case hexadecimal digit, as invs writes them, -1 for any other byte. */
    static final byte[] LOWER_CASE = values(false);

    private HexDigits() {
    }

    /**
     * The bytes the digits of {@code line} from {@code from} up to the next quote hold, each digit valued
     * by {@code values}: null when no quote follows, the digits are odd in number, or one is not a digit.
     * The quote is at {@code from} plus twice the length of the bytes.
     */
    static byte[] decode(byte[] line, int from, byte[] values) {
        int quote = ByteSearch.indexOf(line, from, line.length, (byte) '"');
        if (quote == line.length || (quote - from) % 2 != 0) {
            return null;
        }
        byte[] bytes = new byte[(quote - from) / 2];
        for (int index = 0, digit = from; index < bytes.length; index++, digit += 2) {
            int high = values[line[digit] & 0xFF];
            int low = values[line[digit + 1] & 0xFF];
            if ((high | low) < 0) {
                return null;
            }
            bytes[index] = (byte) (high << 4 | low);
        }
        return bytes;
    }

    private static byte[] values(boolean upperCaseToo) {
        byte[] values = new byte[256];
        Arrays.fill(values, (byte) -1);
        for (int digit = 0; digit < 16; digit++) {
            values[Character.forDigit(digit, 16)] = (byte) digit;
            if (upperCaseToo) {
                values[Character.toUpperCase(Character.forDigit(digit, 16))] = (byte) digit;
            }
        }
        return values;
    }
}
