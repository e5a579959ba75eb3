package invs.spec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.spec.Bytes;
import org.junit.jupiter.api.Test;

class CellsTest {
    @Test
    void unknownBytesAdmitAnyValueAndKnownOnesOnlyTheirOwn() {
        Cells cells = Cells.filled(4, 0xFF).forget(1, 2);
        assertTrue(cells.admits(Bytes.fromHex("ff0001ff")));
        assertTrue(cells.admits(Bytes.fromHex("ffabcdff")));
        assertFalse(cells.admits(Bytes.fromHex("00abcdff")));
        assertFalse(cells.admits(Bytes.fromHex("ffabcd")));
        assertThrows(IllegalStateException.class, () -> cells.value(1));
    }

    @Test
    void learningMakesUnknownBytesKnownAndEqualToFreshKnownCells() {
        Cells learned = Cells.filled(4, 0xFF).forget(1, 2).learn(0, Bytes.fromHex("ff1234ff"), 0, 4);
        assertTrue(learned.allKnown());
        assertEquals(Cells.known(Bytes.fromHex("ff1234ff")), learned);
        assertEquals(Cells.known(Bytes.fromHex("ff1234ff")).hashCode(), learned.hashCode());
    }

    @Test
    void copyCarriesUnknownnessAndWriteClearsIt() {
        Cells source = Cells.filled(4, 0x11).forget(2, 1);
        Cells target = Cells.filled(3, 0).copyFrom(0, source, 1, 3);
        assertTrue(target.isKnown(0));
        assertFalse(target.isKnown(1));
        assertTrue(target.isKnown(2));
        Cells written = target.write(1, Bytes.fromHex("aa"), 0, 1);
        assertTrue(written.allKnown());
        assertEquals(Bytes.fromHex("11aa11"), written.concretise(0));
        assertNotEquals(target, written);
    }

    @Test
    void anyUnknownLooksOnlyInsideTheRange() {
        Cells cells = Cells.filled(6, 0xFF).forget(3, 1);
        assertFalse(Cells.filled(6, 0xFF).anyUnknown(0, 6));
        assertFalse(cells.anyUnknown(0, 3));
        assertTrue(cells.anyUnknown(0, 4));
        assertTrue(cells.anyUnknown(3, 1));
        assertFalse(cells.anyUnknown(4, 2));
        assertFalse(cells.anyUnknown(3, 0));
    }

    @Test
    void concretiseFillsEveryUnknownByteAndOnlyThose() {
        Cells cells = Cells.known(Bytes.fromHex("01020304")).forget(0, 1).forget(2, 1);
        assertEquals(Bytes.fromHex("aa02aa04"), cells.concretise(0xAA));
        assertEquals(Bytes.fromHex("01020304"), Cells.known(Bytes.fromHex("01020304")).concretise(0xAA));
    }

    @Test
    void unknownBytesCarryNoValue() {
        // Two runs that differ only where bytes are unknown are the same cells.
        Cells one = Cells.known(Bytes.fromHex("010203")).forget(0, 2);
        Cells other = Cells.known(Bytes.fromHex("aabb03")).forget(0, 2);
        assertEquals(one, other);
        assertEquals(one.hashCode(), other.hashCode());
        assertNotEquals(one, Cells.known(Bytes.fromHex("010204")).forget(0, 2));
        assertEquals(one, one.forget(1, 0));
    }

    @Test
    void copyingKnownBytesOverUnknownOnesMakesThemKnown() {
        Cells target = Cells.filled(4, 0).forget(0, 4);
        Cells copied = target.copyFrom(1, Cells.known(Bytes.fromHex("0102")), 0, 2);
        assertFalse(copied.isKnown(0));
        assertTrue(copied.isKnown(1) && copied.isKnown(2));
        assertFalse(copied.isKnown(3));
        assertEquals(2, copied.value(2));
        assertEquals(target, target.copyFrom(0, Cells.known(Bytes.fromHex("0102")), 0, 0));
    }

    @Test
    void emptyWritesAndLearningNothingChangeNothing() {
        Cells cells = Cells.known(Bytes.fromHex("0102"));
        assertEquals(0, Cells.empty().length());
        assertEquals(Cells.empty(), Cells.known(Bytes.empty()));
        assertEquals(Cells.empty(), Cells.filled(0, 7));
        assertEquals(cells, cells.write(0, Bytes.fromHex("ff"), 0, 0));
        assertEquals(cells, cells.learn(0, Bytes.fromHex("ffff"), 0, 2));
        assertEquals(1, cells.value(0));
        assertTrue(cells.allKnown());
        assertFalse(cells.forget(1, 1).allKnown());
        assertEquals("2:0102", cells.toString());
        assertEquals("2:01??", cells.forget(1, 1).toString());
    }

    @Test
    void copyingCarriesUnknownnessOnlyFromInsideTheRange() {
        Cells source = Cells.filled(4, 0x11).forget(2, 1);
        Cells copied = Cells.filled(4, 0).copyFrom(0, source, 0, 2);
        assertTrue(copied.allKnown());
        assertEquals(Bytes.fromHex("11110000"), copied.concretise(0xEE));
        Cells shifted = Cells.filled(4, 0).copyFrom(1, source, 1, 2);
        assertTrue(shifted.isKnown(1));
        assertFalse(shifted.isKnown(2));
        assertTrue(shifted.isKnown(3));
    }

    @Test
    void learningAtAnOffsetTakesTheMatchingObservedBytes() {
        Cells cells = Cells.filled(6, 0xFF).forget(2, 2);
        Cells learned = cells.learn(2, Bytes.fromHex("aabbccdd"), 1, 2);
        assertEquals(Cells.known(Bytes.fromHex("ffffbbccffff")), learned);
    }

    @Test
    void learningFillsEveryRunOfUnknownBytesInItsRangeAndNothingElse() {
        // Unknown: 1-2, 4, 6-8; learning [0, 7) leaves byte 7 and 8 unknown and known bytes as they were.
        Cells cells = Cells.filled(9, 0x11).forget(1, 2).forget(4, 1).forget(6, 3);
        Cells learned = cells.learn(0, Bytes.fromHex("a0a1a2a3a4a5a6a7a8"), 0, 7);
        assertFalse(learned.isKnown(7));
        assertFalse(learned.isKnown(8));
        assertEquals(Cells.filled(9, 0x11).forget(7, 2).write(1, Bytes.fromHex("a1a2"), 0, 2)
                .write(4, Bytes.fromHex("a4"), 0, 1).write(6, Bytes.fromHex("a6"), 0, 1), learned);
    }

    @Test
    void aRegionCountsItsChanges() {
        Region fresh = Region.fresh(invs.spec.ShortId.of(1), 4);
        assertEquals(0, fresh.epoch());
        Region changed = fresh.withContents(fresh.contents().forget(0, 1)).withContents(fresh.contents());
        assertEquals(2, changed.epoch());
        assertEquals(2, changed.learned(fresh.contents()).epoch());
    }

    @Test
    void cellsKnowNoMoreThanOthersWhenEachOfTheOthersUnknownRunsIsUnknownInThemAndTheirKnownBytesAgree() {
        // zero-filled: unknown bytes hold 0 as well, so only which bytes are known tells them apart
        Cells other = Cells.filled(16, 0).forget(2, 3).forget(9, 4);
        Cells wider = Cells.filled(16, 0).forget(1, 5).forget(8, 6);
        assertTrue(wider.knowsNoMoreThan(other));
        assertFalse(other.knowsNoMoreThan(wider));
        // the second run only partly covered: byte 12 is known here and unknown in other
        assertFalse(Cells.filled(16, 0).forget(1, 5).forget(8, 4).knowsNoMoreThan(other));
        // the first run covered, the second not at all
        assertFalse(Cells.filled(16, 0).forget(1, 5).knowsNoMoreThan(other));
        // runs covered, a known byte differs
        assertFalse(wider.write(15, Bytes.fromHex("23"), 0, 1).knowsNoMoreThan(other));
        assertTrue(Cells.filled(16, 0).forget(0, 16).knowsNoMoreThan(other));
        assertFalse(Cells.filled(16, 0).knowsNoMoreThan(other));
        assertTrue(other.knowsNoMoreThan(Cells.filled(16, 0)));
        assertFalse(other.knowsNoMoreThan(Cells.filled(15, 0)));
    }
}
