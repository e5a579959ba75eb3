package invs.impl.kernel;

import invs.impl.board.Board;
import invs.impl.board.BoardConfiguration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import invs.impl.driver.Region;

/** A failed flash operation completes the operation with FAIL and leaves everything else intact. */
class FaultTest {
    private static final long FAIL = 1;

    private final Userspace user = new Userspace(BoardConfiguration.defaults());
    private final Board board = user.board;

    @Test
    void aFaultDuringAWriteFailsItAndTheNextWriteWorks() {
        byte[] old = Userspace.bytes(2048, 1);
        user.write(0, 0, old);
        user.write(1, 0, Userspace.bytes(10, 2));
        board.injectFault();
        assertEquals(new Upcall(2, FAIL, 0, 0), user.write(0, 100, Userspace.bytes(50, 3)));
        byte[] now = user.readBytes(0, 0, 2048);
        assertArrayEquals(Arrays.copyOf(old, 100), Arrays.copyOf(now, 100));
        assertArrayEquals(Arrays.copyOfRange(old, 150, 2048), Arrays.copyOfRange(now, 150, 2048));
        assertArrayEquals(Userspace.bytes(10, 2), user.readBytes(1, 0, 10));
        byte[] again = Userspace.bytes(50, 4);
        assertEquals(new Upcall(2, 0, 50, 0), user.write(0, 100, again));
        assertArrayEquals(again, user.readBytes(0, 100, 50));
    }

    @Test
    void aFaultDuringAReadFailsIt() {
        user.regionSize(0);
        board.injectFault();
        assertEquals(new Upcall(1, FAIL, 0, 0), user.read(0, 0, 10));
        assertEquals(new Upcall(1, 0, 10, 0), user.read(0, 0, 10));
    }

    @Test
    void aFaultDuringTheBootScanFailsTheOperationAndTheNextOneScansAgain() {
        user.regionSize(0);
        board.reboot(0);
        board.injectFault();
        assertEquals(new Upcall(0, FAIL, 0, 0), user.size(0));
        assertEquals(2048, user.regionSize(0));
        assertEquals(List.of(new Region(1, 0, 2048)), StorageChain.of(board.storageImage()));
    }

    @Test
    void aFaultAtAnyStepOfAnAllocationLeavesAtMostOneRegion() {
        int failures = 0;
        for (int step = 0; ; step++) {
            Userspace fresh = new Userspace(BoardConfiguration.defaults());
            fresh.regionSize(1);
            fresh.board.subscribe(0, 0);
            fresh.board.command(0, 1, 0, 0);
            for (int t = 0; t < step; t++) {
                fresh.board.tick();
            }
            if (!fresh.board.hasWork()) {
                assertEquals(true, step >= 3, "an allocation takes a few flash operations");
                break;
            }
            fresh.board.injectFault();
            fresh.board.drain();
            Upcall first = fresh.board.yieldNoWait(0).orElseThrow();
            assertEquals(true, first.arg0() == 0 || first.arg0() == FAIL, "step " + step + ": " + first);
            failures += first.arg0() == FAIL ? 1 : 0;
            assertEquals(2048, fresh.regionSize(0), "step " + step);
            byte[] erased = new byte[2048];
            Arrays.fill(erased, (byte) 0xFF);
            assertArrayEquals(erased, fresh.readBytes(0, 0, 2048), "step " + step);
            assertEquals(List.of(new Region(2, 0, 2048), new Region(1, 2060, 2048)),
                    StorageChain.of(fresh.board.storageImage()), "step " + step);
        }
        assertEquals(true, failures >= 3, "most steps failed the allocation: " + failures);
    }

    @Test
    void aFaultStaysArmedUntilAFlashOperationHappens() {
        user.regionSize(0);
        board.injectFault();
        assertEquals(2048, user.regionSize(0), "a known region's size needs no flash");
        assertEquals(new Upcall(1, FAIL, 0, 0), user.read(0, 0, 1));
    }
}
