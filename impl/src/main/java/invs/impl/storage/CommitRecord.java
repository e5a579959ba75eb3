package invs.impl.storage;

import java.util.zip.CRC32;

/**
 * A commit record: "the scratch page holds the new image of {@code targetPage}, whose CRC-32 is
 * {@code imageCrc}". It occupies one 32-byte slot of a journal page, little-endian:
 * <pre>
 *  0  magic 0x4A564E49 ("INVJ")     4  sequence number
 *  8  target page                   12 CRC-32 of the page image
 *  16 CRC-32 of bytes 0..15         20 eight bytes left erased (0xFF)
 *  28 done word: 0xFFFFFFFF while the update is pending, programmed to 0 once the target page holds the image
 * </pre>
 * The body (bytes 0..19) is programmed in one operation, the done word later in another. A record is
 * valid iff its magic and check match; a torn or failed body is invalid. It is done iff its done word
 * is not all ones (any cleared bit counts: the done word is only ever programmed after the target page
 * is complete, so a torn done word still means done).
 *
 * @param sequence   increasing number of the update
 * @param targetPage storage page being updated
 * @param imageCrc   CRC-32 of the new page image
 * @param done       whether the update finished
 */
public record CommitRecord(long sequence, int targetPage, int imageCrc, boolean done) {

    /** Bytes per journal slot. */
    public static final int SLOT_SIZE = 32;
    /** Bytes of the body, programmed first. */
    public static final int BODY_SIZE = 20;
    /** Offset of the done word in the slot. */
    public static final int DONE_OFFSET = 28;
    /** The magic word. */
    public static final int MAGIC = 0x4A564E49;

    /** Writes the body of this record into {@code out[0..BODY_SIZE)}. */
    public void encodeBody(byte[] out) {
        putInt(out, 0, MAGIC);
        putInt(out, 4, (int) sequence);
        putInt(out, 8, targetPage);
        putInt(out, 12, imageCrc);
        putInt(out, 16, check(out, 0));
    }

    /**
     * Decodes the slot at {@code offset} of a journal page image.
     *
     * @return the record, or {@code null} if the slot does not hold a valid one
     */
    public static CommitRecord decode(byte[] page, int offset) {
        if (getInt(page, offset) != MAGIC || getInt(page, offset + 16) != check(page, offset)) {
            return null;
        }
        return new CommitRecord(getInt(page, offset + 4) & 0xFFFFFFFFL, getInt(page, offset + 8),
                getInt(page, offset + 12), getInt(page, offset + DONE_OFFSET) != -1);
    }

    /** Whether the slot at {@code offset} is entirely erased (0xFF), so it can take a new record. */
    public static boolean isErased(byte[] page, int offset) {
        for (int i = 0; i < SLOT_SIZE; i++) {
            if (page[offset + i] != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }

    private static int check(byte[] bytes, int offset) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, 16);
        return (int) crc.getValue();
    }

    static void putInt(byte[] out, int at, int value) {
        out[at] = (byte) value;
        out[at + 1] = (byte) (value >>> 8);
        out[at + 2] = (byte) (value >>> 16);
        out[at + 3] = (byte) (value >>> 24);
    }

    static int getInt(byte[] in, int at) {
        return (in[at] & 0xFF) | (in[at + 1] & 0xFF) << 8 | (in[at + 2] & 0xFF) << 16 | (in[at + 3] & 0xFF) << 24;
    }
}
