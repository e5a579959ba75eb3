package invs.impl.storage;

import org.apache.commons.lang3.Validate;

/**
 * Where things are on the chip: the storage area {@code [0, storageLength)} occupies the first
 * {@link #storagePages()} whole pages; then come three reserved pages outside it: the scratch page and
 * the two journal pages. A dump of the storage area is therefore exactly what a real board holds.
 *
 * @param pageSize      flash page size in bytes
 * @param storageLength length of the storage area in bytes
 */
public record StorageLayout(int pageSize, int storageLength) {

    /** Pages reserved after the storage area: scratch, journal 0, journal 1. */
    public static final int RESERVED_PAGES = 3;

    /** Validates the layout. */
    public StorageLayout {
        Validate.isTrue(pageSize >= 2 * CommitRecord.SLOT_SIZE && pageSize % CommitRecord.SLOT_SIZE == 0,
                "pageSize must be a multiple of %d and at least %d: %d",
                CommitRecord.SLOT_SIZE, 2 * CommitRecord.SLOT_SIZE, pageSize);
        Validate.isTrue(storageLength >= 0, "storageLength must not be negative: %d", storageLength);
        long pages = ((long) storageLength + pageSize - 1) / pageSize + RESERVED_PAGES;
        Validate.isTrue(pages * pageSize <= Integer.MAX_VALUE, "flash larger than 2 GiB");
    }

    /** Pages of the storage area (the last one may be partly unused). */
    public int storagePages() {
        return (storageLength + pageSize - 1) / pageSize;
    }

    /** Pages of the whole chip. */
    public int flashPages() {
        return storagePages() + RESERVED_PAGES;
    }

    /** The scratch page: holds the new image of the page being updated. */
    public int scratchPage() {
        return storagePages();
    }

    /** Journal page 0 or 1: commit records. */
    public int journalPage(int index) {
        Validate.isTrue(index == 0 || index == 1, "journal index %d", index);
        return storagePages() + 1 + index;
    }

    /** Commit records per journal page. */
    public int slotsPerJournalPage() {
        return pageSize / CommitRecord.SLOT_SIZE;
    }
}
