package invs.impl.storage;

/**
 * What the storage layer knows about its two journal pages: the newest valid commit record (the only
 * one that can be pending), which page receives records, the next free slot and the next sequence
 * number.
 *
 * <p>Records are appended to the active page; when it is full, the other page is erased and becomes
 * active. The active page is the one holding the valid record with the highest sequence number, so a
 * torn erase of the other page (which could make an old record look pending again) is harmless: every
 * record it held is older than the newest record of the active page. The next free slot is the one
 * after the last slot that is not entirely erased, so a torn record is never programmed over.
 */
final class Journal {
    private final StorageLayout layout;
    private int activePage;
    private int nextSlot;
    private long nextSequence;
    private CommitRecord newest;
    private int newestAddress;

    private Journal(StorageLayout layout) {
        this.layout = layout;
    }

    /** The journal as found in the images of journal pages 0 and 1. */
    static Journal scan(StorageLayout layout, byte[] page0, byte[] page1) {
        Journal journal = new Journal(layout);
        byte[][] pages = {page0, page1};
        int slots = layout.slotsPerJournalPage();
        int newestPage = 0;
        for (int index = 0; index < 2; index++) {
            for (int slot = 0; slot < slots; slot++) {
                CommitRecord record = CommitRecord.decode(pages[index], slot * CommitRecord.SLOT_SIZE);
                if (record != null && (journal.newest == null || record.sequence() > journal.newest.sequence())) {
                    journal.newest = record;
                    journal.newestAddress = layout.journalPage(index) * layout.pageSize() + slot * CommitRecord.SLOT_SIZE;
                    newestPage = index;
                }
            }
        }
        journal.activePage = newestPage;
        int next = 0;
        for (int slot = slots - 1; slot >= 0; slot--) {
            if (!CommitRecord.isErased(pages[newestPage], slot * CommitRecord.SLOT_SIZE)) {
                next = slot + 1;
                break;
            }
        }
        journal.nextSlot = next;
        journal.nextSequence = journal.newest == null ? 1 : (journal.newest.sequence() + 1) & 0xFFFFFFFFL;
        return journal;
    }

    /** The newest valid record, or {@code null}. */
    CommitRecord newest() {
        return newest;
    }

    /** Whether the newest record is an update that has not finished (to roll forward). */
    boolean hasPendingUpdate() {
        return newest != null && !newest.done();
    }

    /** Whether the active page is full, so the other one must be erased before the next record. */
    boolean needsSwitch() {
        return nextSlot == layout.slotsPerJournalPage();
    }

    /** The page to erase before switching. */
    int inactivePage() {
        return layout.journalPage(1 - activePage);
    }

    /** The inactive page has been erased: it becomes the active one. */
    void switched() {
        activePage = 1 - activePage;
        nextSlot = 0;
    }

    /** Flash address of the slot the next record goes to. */
    int appendAddress() {
        return layout.journalPage(activePage) * layout.pageSize() + nextSlot * CommitRecord.SLOT_SIZE;
    }

    /** The record for the next update of {@code targetPage}; call {@link #appended} once it is programmed. */
    CommitRecord nextRecord(int targetPage, int imageCrc) {
        return new CommitRecord(nextSequence, targetPage, imageCrc, false);
    }

    /** {@code record} was programmed at {@link #appendAddress()}. */
    void appended(CommitRecord record) {
        newest = record;
        newestAddress = appendAddress();
        nextSlot++;
        nextSequence = (nextSequence + 1) & 0xFFFFFFFFL;
    }

    /** Flash address of the newest record's done word. */
    int doneWordAddress() {
        return newestAddress + CommitRecord.DONE_OFFSET;
    }

    /** The newest record's done word has been programmed. */
    void markedDone() {
        newest = new CommitRecord(newest.sequence(), newest.targetPage(), newest.imageCrc(), true);
    }
}
