package invs.impl.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class CommitRecordTest {
    private static byte[] slotWith(CommitRecord record) {
        byte[] slot = new byte[CommitRecord.SLOT_SIZE];
        Arrays.fill(slot, (byte) 0xFF);
        record.encodeBody(slot);
        return slot;
    }

    @Test
    void aBodyDecodesAsAPendingRecord() {
        byte[] slot = slotWith(new CommitRecord(7, 3, 0xCAFEBABE, false));
        assertEquals(new CommitRecord(7, 3, 0xCAFEBABE, false), CommitRecord.decode(slot, 0));
        assertEquals(0x49, slot[0], "magic, little-endian");
        assertEquals(7, slot[4]);
    }

    @Test
    void anyClearedBitOfTheDoneWordMeansDone() {
        byte[] slot = slotWith(new CommitRecord(1, 0, 5, false));
        slot[CommitRecord.DONE_OFFSET + 2] = (byte) 0xF7;
        assertTrue(CommitRecord.decode(slot, 0).done());
    }

    @Test
    void everyTornBodyIsInvalid() {
        byte[] full = slotWith(new CommitRecord(42, 2, 0x12345678, false));
        for (int done = 0; done < CommitRecord.BODY_SIZE; done++) {
            byte[] torn = new byte[CommitRecord.SLOT_SIZE];
            Arrays.fill(torn, (byte) 0xFF);
            System.arraycopy(full, 0, torn, 0, done);
            assertNull(CommitRecord.decode(torn, 0), "torn after " + done + " bytes");
        }
    }

    @Test
    void erasedAndZeroedSlotsAreInvalid() {
        byte[] erased = new byte[CommitRecord.SLOT_SIZE];
        assertNull(CommitRecord.decode(erased, 0));
        assertFalse(CommitRecord.isErased(erased, 0));
        Arrays.fill(erased, (byte) 0xFF);
        assertNull(CommitRecord.decode(erased, 0));
        assertTrue(CommitRecord.isErased(erased, 0));
    }
}
