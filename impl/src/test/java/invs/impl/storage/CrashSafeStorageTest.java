package invs.impl.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CrashSafeStorageTest {

    private static byte[] bytes(int length, int seed) {
        byte[] out = new byte[length];
        new Random(seed).nextBytes(out);
        return out;
    }

    private static byte[] filled(int length, int value) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) value);
        return out;
    }

    @Test
    void aWriteReadsBack() {
        StorageRig rig = new StorageRig(256, 1024);
        byte[] data = bytes(300, 1);
        assertTrue(rig.write(100, data));
        assertArrayEquals(data, rig.read(100, 300));
        assertArrayEquals(filled(100, 0xFF), rig.read(0, 100));
    }

    @Test
    void theFirstRequestRecoversFirstByReadingTheJournal() {
        StorageRig rig = new StorageRig(256, 1024);
        assertFalse(rig.storage.isRecovered());
        rig.read(0, 4);
        assertTrue(rig.storage.isRecovered());
        assertEquals(3, rig.flash.wear().operations(), "journal page 0, journal page 1, then the read");
        rig.read(0, 4);
        assertEquals(4, rig.flash.wear().operations());
    }

    @Test
    void aWriteThatOnlyClearsBitsProgramsInPlaceWithoutErasing() {
        StorageRig rig = new StorageRig(256, 1024);
        rig.read(0, 1);
        long programmedBefore = rig.flash.wear().bytesProgrammed();
        assertTrue(rig.write(10, new byte[] {0x0F, -1, 0x0F}));
        assertTrue(rig.write(10, new byte[] {0x03, 0x7F, 0x0F}), "clears more bits of the same bytes");
        assertEquals(0, rig.flash.wear().erases());
        assertEquals(3 + 2, rig.flash.wear().bytesProgrammed() - programmedBefore, "only the differing span");
        assertArrayEquals(new byte[] {0x03, 0x7F, 0x0F}, rig.read(10, 3));
    }

    @Test
    void aWriteThatSetsBitsGoesThroughTheScratchPageAndKeepsTheRestOfThePage() {
        StorageRig rig = new StorageRig(256, 1024);
        byte[] before = bytes(256, 2);
        rig.flash.imprint(256, before);
        byte[] data = bytes(40, 3);
        assertTrue(rig.write(256 + 100, data));
        byte[] expected = before.clone();
        System.arraycopy(data, 0, expected, 100, 40);
        assertArrayEquals(expected, rig.read(256, 256));
        long[] erases = rig.flash.wear().erasesPerPage();
        assertEquals(1, erases[1], "the target page");
        assertEquals(1, erases[rig.layout.scratchPage()], "the scratch page");
        assertEquals(0, erases[0] + erases[2] + erases[3]);
        assertEquals(0, rig.flash.wear().erasesPerPage()[rig.layout.journalPage(0)]);
    }

    @Test
    void aWriteAcrossPagesUpdatesEachPage() {
        StorageRig rig = new StorageRig(128, 512);
        rig.flash.imprint(0, bytes(512, 4));
        byte[] data = bytes(300, 5);
        assertTrue(rig.write(50, data));
        assertArrayEquals(data, rig.read(50, 300));
        byte[] all = rig.read(0, 512);
        assertArrayEquals(Arrays.copyOf(bytes(512, 4), 50), Arrays.copyOf(all, 50));
        assertArrayEquals(Arrays.copyOfRange(bytes(512, 4), 350, 512), Arrays.copyOfRange(all, 350, 512));
    }

    @Test
    void fillSetsTheRangeToErasedAndNothingElse() {
        StorageRig rig = new StorageRig(128, 512);
        rig.flash.imprint(0, filled(512, 0x00));
        assertTrue(rig.fill(100, 200));
        byte[] all = rig.read(0, 512);
        for (int i = 0; i < 512; i++) {
            assertEquals(i >= 100 && i < 300 ? (byte) 0xFF : 0, all[i], "byte " + i);
        }
    }

    @Test
    void aFillOfErasedBytesCostsNothingButReads() {
        StorageRig rig = new StorageRig(128, 512);
        assertTrue(rig.fill(0, 512));
        assertEquals(0, rig.flash.wear().erases());
        assertEquals(0, rig.flash.wear().bytesProgrammed());
    }

    @Test
    void theJournalSwitchesPagesWhenFullAndStaysConsistent() {
        StorageRig rig = new StorageRig(64, 128); // 2 slots per journal page
        byte[] expected = filled(128, 0xFF);
        Random random = new Random(6);
        for (int i = 0; i < 25; i++) {
            int at = random.nextInt(120);
            byte[] data = bytes(1 + random.nextInt(8), i);
            assertTrue(rig.write(at, data));
            System.arraycopy(data, 0, expected, at, data.length);
            if (i % 5 == 4) {
                rig.boot();
            }
            assertArrayEquals(expected, rig.read(0, 128), "after write " + i);
        }
        long[] erases = rig.flash.wear().erasesPerPage();
        assertTrue(erases[rig.layout.journalPage(0)] > 0 && erases[rig.layout.journalPage(1)] > 0,
                "both journal pages were recycled: " + Arrays.toString(erases));
    }

    /** A workload over a small chip (4 storage pages, 2 journal slots per page, so the journal cycles). */
    private static final class Workload {
        static final int PAGE = 64;
        static final int LENGTH = 4 * PAGE;
        final int[] addresses = {3, 60, 10, 130, 0, 100, 200, 5, 64, 190, 40, 70};
        final byte[][] data = new byte[addresses.length][];

        Workload() {
            for (int i = 0; i < addresses.length; i++) {
                data[i] = bytes(1 + (i * 37) % 90, 100 + i);
                data[i] = Arrays.copyOf(data[i], Math.min(data[i].length, LENGTH - addresses[i]));
            }
        }

        static StorageRig rig() {
            StorageRig rig = new StorageRig(PAGE, LENGTH);
            rig.flash.imprint(0, initial());
            return rig;
        }

        static byte[] initial() {
            return bytes(LENGTH, 99);
        }
    }

    /**
     * Runs the workload and cuts power after {@code crashTick} flash operations with {@code tornBytes}
     * bytes of the operation in progress; then checks every byte after reboot: bytes of writes that had
     * completed are the new ones, bytes outside the interrupted write are what they were.
     */
    private static void crashAndCheck(int crashTick, int tornBytes, int secondCrashTick) {
        Workload workload = new Workload();
        StorageRig rig = Workload.rig();
        byte[] expected = Workload.initial();
        boolean[] unknown = new boolean[Workload.LENGTH];
        boolean crashed = false;
        for (int i = 0; i < workload.addresses.length && !crashed; i++) {
            int results = rig.results.size();
            rig.storage.write(workload.addresses[i], workload.data[i], 0, workload.data[i].length);
            while (rig.results.size() == results) {
                if (rig.ticks == crashTick) {
                    rig.powerCycle(tornBytes);
                    Arrays.fill(unknown, workload.addresses[i], workload.addresses[i] + workload.data[i].length, true);
                    crashed = true;
                    break;
                }
                rig.tick();
            }
            if (!crashed) {
                assertTrue(rig.results.get(results));
                System.arraycopy(workload.data[i], 0, expected, workload.addresses[i], workload.data[i].length);
            }
        }
        if (secondCrashTick >= 0) {
            // Crash again while recovering.
            rig.storage.read(0, new byte[1], 0, 1);
            for (int t = 0; t < secondCrashTick && rig.flash.isBusy(); t++) {
                rig.tick();
            }
            rig.powerCycle(tornBytes / 2);
        }
        byte[] after = rig.read(0, Workload.LENGTH);
        for (int a = 0; a < Workload.LENGTH; a++) {
            if (!unknown[a]) {
                assertEquals(expected[a], after[a], "byte " + a + " after a crash at tick " + crashTick
                        + " with " + tornBytes + " torn bytes, second crash " + secondCrashTick);
            }
        }
        // The storage works after recovery: a new write sticks.
        byte[] probe = bytes(50, crashTick);
        assertTrue(rig.write(77, probe));
        rig.boot();
        assertArrayEquals(probe, rig.read(77, 50));
    }

    @Test
    void powerLossAtEveryFlashOperationKeepsEverythingOutsideTheInterruptedWrite() {
        StorageRig reference = Workload.rig();
        Workload workload = new Workload();
        for (int i = 0; i < workload.addresses.length; i++) {
            assertTrue(reference.write(workload.addresses[i], workload.data[i]));
        }
        long totalTicks = reference.ticks;
        assertTrue(totalTicks > 60, "the workload exercises many operations: " + totalTicks);
        for (int crash = 0; crash <= totalTicks; crash++) {
            for (int torn : new int[] {0, 1, 5, 13, 31, 47, 64}) {
                crashAndCheck(crash, torn, -1);
            }
        }
    }

    @Test
    void powerLossDuringRecoveryIsAlsoSafe() {
        StorageRig reference = Workload.rig();
        Workload workload = new Workload();
        for (int i = 0; i < workload.addresses.length; i++) {
            reference.write(workload.addresses[i], workload.data[i]);
        }
        for (int crash = 0; crash <= reference.ticks; crash++) {
            for (int second = 0; second < 7; second++) {
                crashAndCheck(crash, 9, second);
            }
        }
    }

    @Test
    void aFaultAtEveryFlashOperationOnlyAffectsTheFailedWrite() {
        StorageRig reference = Workload.rig();
        Workload workload = new Workload();
        for (int i = 0; i < workload.addresses.length; i++) {
            reference.write(workload.addresses[i], workload.data[i]);
        }
        for (int faultAt = 0; faultAt < reference.ticks; faultAt++) {
            StorageRig rig = Workload.rig();
            byte[] expected = Workload.initial();
            boolean[] unknown = new boolean[Workload.LENGTH];
            int failures = 0;
            for (int i = 0; i < workload.addresses.length; i++) {
                int at = workload.addresses[i];
                byte[] data = workload.data[i];
                int results = rig.results.size();
                rig.storage.write(at, data, 0, data.length);
                while (rig.results.size() == results) {
                    if (rig.ticks == faultAt) {
                        rig.flash.failNextOperation();
                    }
                    rig.tick();
                }
                if (rig.results.get(results)) {
                    System.arraycopy(data, 0, expected, at, data.length);
                    Arrays.fill(unknown, at, at + data.length, false);
                } else {
                    failures++;
                    Arrays.fill(unknown, at, at + data.length, true);
                }
                // Right after the request, even a failed one, the flash itself is consistent.
                byte[] image = rig.flash.peek(0, Workload.LENGTH);
                for (int a = 0; a < Workload.LENGTH; a++) {
                    if (!unknown[a]) {
                        assertEquals(expected[a], image[a], "byte " + a + ", fault at tick " + faultAt + ", write " + i);
                    }
                }
            }
            assertEquals(1, failures, "the fault at tick " + faultAt + " fails exactly one write");
            rig.boot();
            byte[] after = rig.read(0, Workload.LENGTH);
            for (int a = 0; a < Workload.LENGTH; a++) {
                if (!unknown[a]) {
                    assertEquals(expected[a], after[a], "byte " + a + " after reboot, fault at tick " + faultAt);
                }
            }
        }
    }
}
