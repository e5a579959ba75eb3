package invs.impl.kernel;

import invs.impl.board.Board;
import invs.impl.board.BoardConfiguration;
import invs.impl.board.BoardStatistics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** TRD104 syscall semantics around the driver: command numbers, allow, subscribe, yield. */
class SyscallTest {
    private final Board board = new Board(BoardConfiguration.defaults());

    @Test
    void commandZeroSucceedsWithoutAnyPermissionAndAllocatesNothing() {
        Board noPermission = new Board(BoardConfiguration.defaults().withApps(ProcessConfiguration.withoutShortId(Permissions.none())));
        assertEquals(SyscallResult.SUCCESS, noPermission.command(0, 0, 7, 7));
        noPermission.drain();
        assertEquals(0, noPermission.statistics().flashOperations(), "nothing touched the flash");
    }

    @Test
    void unknownCommandsAreNotSupported() {
        for (int number : new int[] {4, 5, 99, -1}) {
            assertEquals(SyscallResult.failure(10), board.command(0, number, 0, 0));
        }
    }

    @Test
    void onlyAllowNumberZeroExists() {
        assertEquals(SyscallResult.failure(ErrorCode.NOSUPPORT), board.allowReadOnly(0, 1, new byte[3]));
        assertEquals(SyscallResult.failure(ErrorCode.NOSUPPORT), board.allowReadWrite(0, 1, 3));
        assertEquals(SyscallResult.SUCCESS, board.allowReadOnly(0, 0, new byte[3]));
        assertEquals(SyscallResult.SUCCESS, board.allowReadWrite(0, 0, 3));
    }

    @Test
    void onlySubscribeNumbersZeroToTwoExist() {
        for (int number = 0; number < 3; number++) {
            assertEquals(SyscallResult.SUCCESS, board.subscribe(0, number));
            assertEquals(SyscallResult.SUCCESS, board.unsubscribe(0, number));
        }
        assertEquals(SyscallResult.failure(ErrorCode.NOSUPPORT), board.subscribe(0, 3));
        assertEquals(SyscallResult.failure(ErrorCode.NOSUPPORT), board.unsubscribe(0, 3));
    }

    @Test
    void aReadWriteAllowIsAFreshZeroedBufferAndZeroLengthUnallows() {
        board.allowReadWrite(0, 0, 4);
        assertArrayEquals(new byte[4], board.readWriteBuffer(0));
        board.allowReadWrite(0, 0, 0);
        assertArrayEquals(new byte[0], board.readWriteBuffer(0));
    }

    @Test
    void upcallsWaitForYieldAndComeOutFirstInFirstOut() {
        board.subscribe(0, 0);
        board.subscribe(0, 2);
        board.command(0, 1, 0, 0);
        board.drain();
        board.allowReadOnly(0, 0, new byte[] {1});
        board.command(0, 3, 0, 0);
        board.drain();
        assertEquals(Optional.of(new Upcall(0, 0, 2048, 0)), board.yieldNoWait(0));
        assertEquals(Optional.of(new Upcall(2, 0, 1, 0)), board.yieldNoWait(0));
        assertEquals(Optional.empty(), board.yieldNoWait(0));
    }

    @Test
    void anUpcallWithoutSubscriptionIsDropped() {
        assertEquals(SyscallResult.SUCCESS, board.command(0, 1, 0, 0));
        board.drain();
        board.subscribe(0, 0);
        assertEquals(Optional.empty(), board.yieldNoWait(0));
    }

    @Test
    void subscribingAgainDropsQueuedUpcallsOfThatNumberOnly() {
        board.subscribe(0, 0);
        board.subscribe(0, 1);
        board.allowReadWrite(0, 0, 1);
        board.command(0, 1, 0, 0);
        board.drain();
        board.command(0, 2, 0, 0);
        board.drain();
        board.subscribe(0, 0);
        assertEquals(Optional.of(new Upcall(1, 0, 1, 0)), board.yieldNoWait(0));
        assertEquals(Optional.empty(), board.yieldNoWait(0));
    }

    @Test
    void unsubscribingDropsQueuedUpcalls() {
        board.subscribe(0, 0);
        board.command(0, 1, 0, 0);
        board.drain();
        board.unsubscribe(0, 0);
        board.subscribe(0, 0);
        assertEquals(Optional.empty(), board.yieldNoWait(0));
    }

    @Test
    void upcallsAreQueuedOnATickNotDuringTheCommand() {
        board.subscribe(0, 0);
        board.command(0, 1, 0, 0);
        assertEquals(Optional.empty(), board.yieldNoWait(0));
        board.drain();
        assertEquals(0, board.yieldNoWait(0).orElseThrow().arg0());
    }

    @Test
    void theReadOnlyAllowIsACopy() {
        byte[] data = {1, 2, 3};
        board.allowReadOnly(0, 0, data);
        data[0] = 9;
        board.subscribe(0, 2);
        board.command(0, 3, 0, 0);
        board.drain();
        assertEquals(Optional.of(new Upcall(2, 0, 3, 0)), board.yieldNoWait(0));
        Userspace user = new Userspace(board);
        assertArrayEquals(new byte[] {1, 2, 3}, user.readBytes(0, 0, 3));
    }

    @Test
    void drainSettlesAndCountsTicksAndSyscalls() {
        board.subscribe(0, 0);
        board.command(0, 1, 0, 0);
        board.drain();
        BoardStatistics statistics = board.statistics();
        assertEquals(2, statistics.syscalls());
        assertEquals(false, board.hasWork());
        assertEquals(true, statistics.ticks() > 2);
    }
}
