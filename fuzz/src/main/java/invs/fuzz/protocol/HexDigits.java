package invs.fuzz.protocol;

import invs.conformance.trace.ByteSearch;
import invs.spec.Bytes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The hexadecimal digits of a buffer in the bytes of a message's line, two a byte, up to the quote that
 * ends the string: read by both readers of plain replies ({@link PlainReply}, {@link LineDecoder}), each
 * with the digits it vouches for, and written by {@link LineEncoder} in lower case.
 */
final class HexDigits {
    /** Writes two bytes of an array at once, the first at the lower index. */
    private static final VarHandle PAIR = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    /** The two lower-case digits of each byte value, as {@link #PAIR} writes them: the high digit first. */
    private static final short[] PAIRS = pairs();
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

    /**
     * Writes the lower-case digits of {@code data}, two a byte, into {@code out} from {@code at}, which has
     * room for them: the index after the last digit.
     */
    static int encode(Bytes data, byte[] out, int at) {
        int count = data.length();
        for (int index = 0; index < count; index++, at += 2) {
            PAIR.set(out, at, PAIRS[data.get(index) & 0xFF]);
        }
        return at;
    }

    private static short[] pairs() {
        byte[] digits = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        short[] pairs = new short[256];
        for (int value = 0; value < 256; value++) {
            pairs[value] = (short) (digits[value >> 4] | digits[value & 0xF] << 8);
        }
        return pairs;
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
