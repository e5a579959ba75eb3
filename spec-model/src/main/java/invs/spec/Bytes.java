package invs.spec;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable sequence of bytes with value equality: a buffer an app allows, or what it observes.
 */
public final class Bytes {
    private static final Bytes EMPTY = new Bytes(new byte[0]);
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] data;
    private final int hash;

    private Bytes(byte[] data) {
        this.data = data;
        this.hash = Arrays.hashCode(data);
    }

    /** A copy of {@code data}. */
    public static Bytes of(byte... data) {
        return data.length == 0 ? EMPTY : new Bytes(data.clone());
    }

    /** A copy of {@code length} bytes of {@code data} from {@code from}. */
    public static Bytes of(byte[] data, int from, int length) {
        return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(data, from, from + length));
    }

    /** No bytes. */
    public static Bytes empty() {
        return EMPTY;
    }

    /** {@code length} bytes of value {@code value}. */
    public static Bytes filled(int length, int value) {
        byte[] data = new byte[length];
        Arrays.fill(data, (byte) value);
        return length == 0 ? EMPTY : new Bytes(data);
    }

    /** The bytes of a hexadecimal string (two digits a byte, no separators). */
    public static Bytes fromHex(String hex) {
        return hex.isEmpty() ? EMPTY : new Bytes(HEX.parseHex(hex));
    }

    /** How many bytes. */
    public int length() {
        return data.length;
    }

    /** Whether there are no bytes. */
    public boolean isEmpty() {
        return data.length == 0;
    }

    /** The byte at {@code index}. */
    public byte get(int index) {
        return data[index];
    }

    /** A copy of the bytes. */
    public byte[] toArray() {
        return data.clone();
    }

    /** Copies {@code length} bytes from {@code from} into {@code target} at {@code at}. */
    public void copyTo(int from, byte[] target, int at, int length) {
        System.arraycopy(data, from, target, at, length);
    }

    /** Whether the {@code length} bytes from {@code from} equal {@code other[otherFrom, otherFrom + length)}. */
    public boolean equalsRange(int from, byte[] other, int otherFrom, int length) {
        return Arrays.equals(data, from, from + length, other, otherFrom, otherFrom + length);
    }

    /** The bytes in lower-case hexadecimal. */
    public String toHex() {
        return HEX.formatHex(data);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes that && hash == that.hash && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** A short form: the length and, for up to 16 bytes, the bytes; otherwise the first 16 and an ellipsis. */
    @Override
    public String toString() {
        if (data.length <= 16) {
            return data.length + ":" + toHex();
        }
        return data.length + ":" + HEX.formatHex(data, 0, 16) + "…";
    }
}
