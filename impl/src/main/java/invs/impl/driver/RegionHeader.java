package invs.impl.driver;

import java.util.Optional;

import org.apache.commons.lang3.Validate;

/**
 * The 12-byte header in front of every region, byte-compatible with the real capsule: three
 * little-endian 32-bit words, {@code (version << 24) | length}, the owner's ShortId, and the XOR of the
 * first two as a check. A header is valid iff its version is {@value #VERSION} and the check matches.
 * Version 1, length 2048, ShortId 0x12345678 is {@code 00 08 00 01 78 56 34 12 78 5E 34 13}.
 *
 * @param length  usable bytes of the region (24 bits), header not included
 * @param shortId the owner's id
 */
public record RegionHeader(int length, int shortId) {

    /** Bytes of a header. */
    public static final int SIZE = 12;
    /** The only version there is. */
    public static final int VERSION = 0x01;
    /** Largest length a header can hold. */
    public static final int MAX_LENGTH = 0xFFFFFF;

    /** Validates the length. */
    public RegionHeader {
        Validate.isTrue(length >= 0 && length <= MAX_LENGTH, "region length out of range: %d", length);
    }

    /** Writes the header into {@code out[at..at+12)}. */
    public void encode(byte[] out, int at) {
        int word = VERSION << 24 | length;
        putInt(out, at, word);
        putInt(out, at + 4, shortId);
        putInt(out, at + 8, word ^ shortId);
    }

    /** The header's 12 bytes. */
    public byte[] bytes() {
        byte[] out = new byte[SIZE];
        encode(out, 0);
        return out;
    }

    /** Decodes {@code in[at..at+12)}: the header, or empty if it is not a valid one. */
    public static Optional<RegionHeader> decode(byte[] in, int at) {
        int word = getInt(in, at);
        int shortId = getInt(in, at + 4);
        if (word >>> 24 != VERSION || getInt(in, at + 8) != (word ^ shortId)) {
            return Optional.empty();
        }
        return Optional.of(new RegionHeader(word & MAX_LENGTH, shortId));
    }

    private static void putInt(byte[] out, int at, int value) {
        out[at] = (byte) value;
        out[at + 1] = (byte) (value >>> 8);
        out[at + 2] = (byte) (value >>> 16);
        out[at + 3] = (byte) (value >>> 24);
    }

    private static int getInt(byte[] in, int at) {
        return (in[at] & 0xFF) | (in[at + 1] & 0xFF) << 8 | (in[at + 2] & 0xFF) << 16 | (in[at + 3] & 0xFF) << 24;
    }
}
