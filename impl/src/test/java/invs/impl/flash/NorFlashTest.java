package invs.impl.flash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NorFlashTest {
    private NorFlash flash;
    private RecordingFlashClient client;

    @BeforeEach
    void setUp() {
        flash = NorFlash.erased(64, 4);
        client = new RecordingFlashClient();
        flash.setClient(client);
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    @Test
    void aFreshChipIsErased() {
        assertArrayEquals(filled(256, 0xFF), flash.image());
    }

    @Test
    void operationsCompleteOnTheNextTickThroughTheCallback() {
        flash.program(10, new byte[] {0x12, 0x34}, 0, 2);
        assertTrue(flash.isBusy());
        assertEquals(List.of(), client.completions);
        assertArrayEquals(filled(2, 0xFF), flash.peek(10, 2), "nothing changes before completion");
        assertTrue(flash.tick());
        assertFalse(flash.isBusy());
        assertEquals(List.of("program OK"), client.completions);
        assertArrayEquals(new byte[] {0x12, 0x34}, flash.peek(10, 2));
        assertFalse(flash.tick(), "nothing left to complete");
    }

    @Test
    void readsCopyIntoTheDestinationAtCompletion() {
        flash.imprint(60, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        byte[] destination = new byte[10];
        flash.read(60, destination, 1, 8);
        flash.tick();
        assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 0}, destination, "a read may span pages");
        assertEquals(List.of("read OK"), client.completions);
    }

    @Test
    void programmingOnlyClearsBits() {
        flash.imprint(0, new byte[] {(byte) 0xF0});
        flash.program(0, new byte[] {(byte) 0x3C}, 0, 1);
        flash.tick();
        assertEquals(List.of("program ILLEGAL_PROGRAM"), client.completions, "0 -> 1 is reported");
        assertEquals((byte) 0x30, flash.peek(0, 1)[0], "only the clearable bits were cleared");
    }

    @Test
    void programmingOverItselfIsLegal() {
        flash.imprint(0, new byte[] {0x5A});
        flash.program(0, new byte[] {0x5A}, 0, 1);
        flash.tick();
        assertEquals(List.of("program OK"), client.completions);
    }

    @Test
    void eraseSetsTheWholePageAndCountsIt() {
        flash.imprint(64, filled(64, 0));
        flash.imprint(128, filled(1, 0));
        flash.erase(1);
        flash.tick();
        assertArrayEquals(filled(64, 0xFF), flash.peek(64, 64));
        assertEquals(0, flash.peek(128, 1)[0], "the next page is untouched");
        assertArrayEquals(new long[] {0, 1, 0, 0}, flash.wear().erasesPerPage());
        assertEquals(1, flash.wear().erases());
    }

    @Test
    void countsProgrammedAndReadBytes() {
        flash.program(0, new byte[5], 0, 5);
        flash.tick();
        flash.read(0, new byte[7], 0, 7);
        flash.tick();
        assertEquals(5, flash.wear().bytesProgrammed());
        assertEquals(7, flash.wear().bytesRead());
        assertEquals(2, flash.wear().operations());
    }

    @Test
    void oneOperationAtATime() {
        flash.erase(0);
        assertThrows(IllegalStateException.class, () -> flash.erase(1));
    }

    @Test
    void aProgramMustStayInOnePage() {
        assertThrows(IllegalArgumentException.class, () -> flash.program(60, new byte[8], 0, 8));
        assertThrows(IndexOutOfBoundsException.class, () -> flash.read(250, new byte[8], 0, 8));
    }

    @Test
    void anInjectedFaultFailsTheNextReadWithoutData() {
        flash.failNextOperation();
        byte[] destination = new byte[4];
        flash.read(0, destination, 0, 4);
        flash.tick();
        assertEquals(List.of("read FAULT"), client.completions);
        assertArrayEquals(new byte[4], destination);
        assertEquals(1, flash.wear().faults());
        flash.read(0, destination, 0, 4);
        flash.tick();
        assertEquals("read OK", client.completions.get(1), "the fault hits one operation only");
    }

    @Test
    void aFailedProgramIsHalfDone() {
        flash.failNextOperation();
        flash.program(0, filled(8, 0x00), 0, 8);
        flash.tick();
        assertEquals(List.of("program FAULT"), client.completions);
        assertArrayEquals(new byte[] {0, 0, 0, 0, (byte) 0xF0, -1, -1, -1}, flash.peek(0, 8));
    }

    @Test
    void aFailedEraseIsHalfDone() {
        flash.imprint(0, filled(64, 0));
        flash.failNextOperation();
        flash.erase(0);
        flash.tick();
        assertEquals(List.of("erase FAULT"), client.completions);
        byte[] page = flash.peek(0, 64);
        assertArrayEquals(filled(32, 0xFF), Arrays.copyOfRange(page, 0, 32));
        assertEquals(0x0F, page[32]);
        assertArrayEquals(filled(31, 0), Arrays.copyOfRange(page, 33, 64));
    }

    @Test
    void powerLossTearsAProgramAfterNBytes() {
        flash.program(0, filled(6, 0x00), 0, 6);
        flash.powerLoss(2);
        assertFalse(flash.isBusy());
        assertEquals(List.of(), client.completions, "no callback after power loss");
        assertArrayEquals(new byte[] {0, 0, (byte) 0xF0, -1, -1, -1}, flash.peek(0, 6));
    }

    @Test
    void powerLossTearsAnEraseAfterNBytes() {
        flash.imprint(64, filled(64, 0));
        flash.erase(1);
        flash.powerLoss(10);
        byte[] page = flash.peek(64, 64);
        assertArrayEquals(filled(10, 0xFF), Arrays.copyOfRange(page, 0, 10));
        assertEquals(0x0F, page[10]);
        assertArrayEquals(filled(53, 0), Arrays.copyOfRange(page, 11, 64));
    }

    @Test
    void powerLossBeyondTheOperationCompletesItSilently() {
        flash.program(0, filled(4, 0x11), 0, 4);
        flash.powerLoss(1000);
        assertArrayEquals(filled(4, 0x11), flash.peek(0, 4));
        assertEquals(List.of(), client.completions);
    }

    @Test
    void powerLossForgetsAnArmedFault() {
        flash.failNextOperation();
        flash.powerLoss(0);
        assertFalse(flash.isFaultArmed());
        flash.read(0, new byte[1], 0, 1);
        flash.tick();
        assertEquals(List.of("read OK"), client.completions);
    }
}
