package invs.spec;

/**
 * A process's fixed 32-bit ShortId, the identity that owns a storage region. Held as the raw 32 bits;
 * shown as unsigned hexadecimal.
 *
 * @param value the 32 bits of the id
 */
public record ShortId(int value) {
    /** The id with these 32 bits. */
    public static ShortId of(long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a ShortId is 32 bits, got " + value);
        }
        return new ShortId((int) value);
    }

    /** The id as an unsigned number. */
    public long unsigned() {
        return Integer.toUnsignedLong(value);
    }

    @Override
    public String toString() {
        return String.format("0x%08x", value);
    }
}
