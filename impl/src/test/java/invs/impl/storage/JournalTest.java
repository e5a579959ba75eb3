package invs.impl.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class JournalTest {
    private final StorageLayout layout = new StorageLayout(128, 256); // 4 slots per journal page

    private static byte[] erased() {
        byte[] page = new byte[128];
        Arrays.fill(page, (byte) 0xFF);
        return page;
    }

    private static void put(byte[] page, int slot, CommitRecord record) {
        byte[] body = new byte[CommitRecord.BODY_SIZE];
        record.encodeBody(body);
        System.arraycopy(body, 0, page, slot * CommitRecord.SLOT_SIZE, body.length);
        if (record.done()) {
            Arrays.fill(page, slot * 32 + CommitRecord.DONE_OFFSET, slot * 32 + 32, (byte) 0);
        }
    }

    @Test
    void anEmptyJournalStartsAtSlotZeroOfPageZero() {
        Journal journal = Journal.scan(layout, erased(), erased());
        assertNull(journal.newest());
        assertFalse(journal.hasPendingUpdate());
        assertEquals(layout.journalPage(0) * 128, journal.appendAddress());
        assertEquals(1, journal.nextRecord(0, 0).sequence());
    }

    @Test
    void theNewestRecordDecidesTheActivePageAndIsTheOnlyOnePending() {
        byte[] page0 = erased();
        byte[] page1 = erased();
        put(page0, 0, new CommitRecord(5, 1, 11, false)); // old, looks pending (torn erase leftover)
        put(page1, 0, new CommitRecord(8, 0, 22, true));
        put(page1, 1, new CommitRecord(9, 1, 33, false));
        Journal journal = Journal.scan(layout, page0, page1);
        assertEquals(new CommitRecord(9, 1, 33, false), journal.newest());
        assertTrue(journal.hasPendingUpdate());
        assertEquals(layout.journalPage(1) * 128 + 32 + CommitRecord.DONE_OFFSET, journal.doneWordAddress());
        assertEquals(layout.journalPage(1) * 128 + 64, journal.appendAddress());
        assertEquals(10, journal.nextRecord(0, 0).sequence());
    }

    @Test
    void aTornSlotIsSkipped() {
        byte[] page0 = erased();
        put(page0, 0, new CommitRecord(3, 1, 11, true));
        page0[32] = 0x12; // a torn record in slot 1
        Journal journal = Journal.scan(layout, page0, erased());
        assertEquals(layout.journalPage(0) * 128 + 64, journal.appendAddress());
        assertFalse(journal.hasPendingUpdate());
    }

    @Test
    void aFullPageSwitchesToTheOther() {
        byte[] page0 = erased();
        for (int slot = 0; slot < 4; slot++) {
            put(page0, slot, new CommitRecord(slot + 1, 0, slot, true));
        }
        Journal journal = Journal.scan(layout, page0, erased());
        assertTrue(journal.needsSwitch());
        assertEquals(layout.journalPage(1), journal.inactivePage());
        journal.switched();
        assertFalse(journal.needsSwitch());
        assertEquals(layout.journalPage(1) * 128, journal.appendAddress());
        CommitRecord next = journal.nextRecord(2, 99);
        assertEquals(5, next.sequence());
        journal.appended(next);
        assertTrue(journal.hasPendingUpdate());
        journal.markedDone();
        assertFalse(journal.hasPendingUpdate());
    }
}
