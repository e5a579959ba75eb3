package invs.impl.kernel;

import invs.impl.board.Board;
import invs.impl.board.BoardConfiguration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class QueueingTest {
    private static final SyscallResult BUSY = SyscallResult.failure(ErrorCode.BUSY);

    private static BoardConfiguration threeApps() {
        return BoardConfiguration.defaults().withApps(ProcessConfiguration.selfOnly(1), ProcessConfiguration.selfOnly(2), ProcessConfiguration.selfOnly(3));
    }

    @Test
    void busyIsPerAppWhileQueuedOrRunning() {
        Board board = new Board(threeApps());
        assertEquals(SyscallResult.SUCCESS, board.command(0, 1, 0, 0));
        assertEquals(BUSY, board.command(0, 1, 0, 0), "queued");
        assertEquals(BUSY, board.command(0, 2, 0, 0));
        assertEquals(SyscallResult.SUCCESS, board.command(1, 1, 0, 0), "another app is accepted");
        board.tick();
        board.tick();
        assertTrue(board.hasWork());
        assertEquals(BUSY, board.command(0, 3, 0, 0), "running");
    }

    @Test
    void theOutstandingOperationIsClearedBeforeItsUpcallSoTheNextCommandNeedsNoYield() {
        Board board = new Board(threeApps());
        board.subscribe(0, 0);
        board.command(0, 1, 0, 0);
        board.drain();
        assertEquals(SyscallResult.SUCCESS, board.command(0, 1, 0, 0), "accepted before yielding");
        board.drain();
        assertEquals(2, drainUpcalls(board, 0).size());
    }

    private static List<Upcall> drainUpcalls(Board board, int app) {
        List<Upcall> upcalls = new ArrayList<>();
        for (Optional<Upcall> u = board.yieldNoWait(app); u.isPresent(); u = board.yieldNoWait(app)) {
            upcalls.add(u.get());
        }
        return upcalls;
    }

    /** The order in which the apps' size upcalls appear, ticking one step at a time. */
    private static List<Integer> completionOrder(BoardConfiguration config, int... apps) {
        Board board = new Board(config);
        for (int app : apps) {
            board.subscribe(app, 0);
            assertEquals(SyscallResult.SUCCESS, board.command(app, 1, 0, 0));
        }
        List<Integer> order = new ArrayList<>();
        while (board.hasWork()) {
            board.tick();
            for (int app : apps) {
                if (board.yieldNoWait(app).isPresent()) {
                    order.add(app);
                }
            }
        }
        return order;
    }

    @Test
    void docServesInArrivalOrder() {
        assertEquals(List.of(2, 0, 1), completionOrder(threeApps(), 2, 0, 1));
    }

    @Test
    void tockServesInProcessSlotOrder() {
        assertEquals(List.of(0, 1, 2), completionOrder(threeApps().withTockCompatible(true), 2, 0, 1));
    }

    @Test
    void oneStorageOperationAtATime() {
        Board board = new Board(threeApps());
        for (int app = 0; app < 3; app++) {
            board.subscribe(app, 0);
            board.command(app, 1, 0, 0);
        }
        int ticksForOne;
        {
            Board single = new Board(threeApps());
            single.command(0, 1, 0, 0);
            single.drain();
            ticksForOne = (int) single.statistics().ticks();
        }
        board.drain();
        assertTrue(board.statistics().ticks() > ticksForOne, "three allocations take longer than one");
        for (int app = 0; app < 3; app++) {
            assertEquals(Optional.of(new Upcall(0, 0, 2048, 0)), board.yieldNoWait(app));
        }
    }
}
