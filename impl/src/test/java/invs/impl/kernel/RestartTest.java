package invs.impl.kernel;

import invs.impl.board.Board;
import invs.impl.board.BoardConfiguration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import invs.impl.driver.Region;

class RestartTest {
    private final Userspace user = new Userspace(BoardConfiguration.defaults());
    private final Board board = user.board;

    @Test
    void aRestartedAppFindsItsOwnRegionAgain() {
        byte[] data = Userspace.bytes(300, 1);
        user.write(0, 0, data);
        user.regionSize(1);
        board.restart(0);
        assertArrayEquals(data, user.readBytes(0, 0, 300));
        assertEquals(List.of(new Region(1, 0, 2048), new Region(2, 2060, 2048)), StorageChain.of(board.storageImage()),
                "no second region");
    }

    @Test
    void aRestartForgetsAllowsSubscriptionsAndQueuedUpcalls() {
        board.subscribe(0, 0);
        board.allowReadWrite(0, 0, 4);
        board.command(0, 1, 0, 0);
        board.drain();
        board.restart(0);
        assertEquals(Optional.empty(), board.yieldNoWait(0), "the queued upcall is gone");
        assertArrayEquals(new byte[0], board.readWriteBuffer(0));
        board.command(0, 1, 0, 0);
        board.drain();
        board.subscribe(0, 0);
        assertEquals(Optional.empty(), board.yieldNoWait(0), "no longer subscribed when it completed");
        assertEquals(new Upcall(1, 5, 0, 0), user.call(0, 1, 2, 0, 0), "the read-write allow is gone");
    }

    @Test
    void aQueuedOperationIsDroppedAndNeverRuns() {
        user.regionSize(0);
        user.regionSize(1);
        byte[] data = Userspace.bytes(100, 2);
        board.allowReadOnly(0, 0, new byte[2048]);
        board.command(0, 3, 0, 0); // runs first
        board.allowReadOnly(1, 0, data);
        board.command(1, 3, 0, 0); // waits
        board.restart(1);
        board.subscribe(1, 2);
        board.drain();
        assertEquals(Optional.empty(), board.yieldNoWait(1));
        byte[] erased = new byte[100];
        Arrays.fill(erased, (byte) 0xFF);
        assertArrayEquals(erased, user.readBytes(1, 0, 100), "the dropped write never happened");
    }

    @Test
    void aRunningOperationFinishesItsFlashWorkButItsUpcallIsDropped() {
        user.regionSize(0);
        byte[] old = Userspace.bytes(2048, 3);
        user.write(0, 0, old);
        byte[] data = Userspace.bytes(2048, 4);
        board.allowReadOnly(0, 0, data);
        board.command(0, 3, 0, 0);
        for (int i = 0; i < 12; i++) {
            board.tick();
        }
        assertTrue(board.hasWork());
        board.restart(0);
        board.subscribe(0, 2);
        assertEquals(SyscallResult.SUCCESS, board.command(0, 1, 0, 0), "the new run is not BUSY");
        board.subscribe(0, 0);
        board.drain();
        assertEquals(Optional.of(new Upcall(0, 0, 2048, 0)), board.yieldNoWait(0), "only the new run's upcall");
        assertEquals(Optional.empty(), board.yieldNoWait(0));
        byte[] now = user.readBytes(0, 0, 2048);
        int changed = 0;
        for (int i = 0; i < 2048; i++) {
            assertTrue(now[i] == old[i] || now[i] == data[i], "byte " + i + " is old or new");
            changed += now[i] != old[i] ? 1 : 0;
        }
        assertTrue(changed > 0 && changed < 2048, "stopped at a chunk boundary: " + changed);
    }

    @Test
    void otherAppsAreNotAffected() {
        board.subscribe(1, 0);
        board.command(1, 1, 0, 0);
        board.restart(0);
        board.drain();
        assertEquals(Optional.of(new Upcall(0, 0, 2048, 0)), board.yieldNoWait(1));
    }
}
