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
}
