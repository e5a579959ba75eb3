package invs.impl.driver;

/**
 * A region of the storage area: its header at {@code headerAddress}, then {@code length} usable bytes.
 *
 * @param owner         the ShortId (write id) that owns it
 * @param headerAddress storage address of its header
 * @param length        usable bytes
 */
public record Region(int owner, int headerAddress, int length) {

    /** Storage address of the first usable byte (offset 0 for the app). */
    public int start() {
        return headerAddress + RegionHeader.SIZE;
    }

    /** Storage address just past the last usable byte (where the next header goes). */
    public int end() {
        return start() + length;
    }

    /** This region's header. */
    public RegionHeader header() {
        return new RegionHeader(length, owner);
    }
}
