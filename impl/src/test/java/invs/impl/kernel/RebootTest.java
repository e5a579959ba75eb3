package invs.impl.kernel;

import invs.impl.board.Board;
import invs.impl.board.BoardConfiguration;
import invs.impl.board.BoardStatistics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class RebootTest {
    private final Userspace user = new Userspace(BoardConfiguration.defaults());
    private final Board board = user.board;

    @Test
    void dataAndRegionsSurviveAReboot() {
        byte[] zero = Userspace.bytes(2048, 1);
        byte[] one = Userspace.bytes(700, 2);
        user.regionSize(1);
        user.write(0, 0, zero);
        user.write(1, 1000, one);
        board.reboot(0);
        assertArrayEquals(one, user.readBytes(1, 1000, 700));
        assertArrayEquals(zero, user.readBytes(0, 0, 2048));
    }

    @Test
    void aRebootLosesAllRamState() {
        board.subscribe(0, 0);
        board.command(0, 1, 0, 0);
        board.drain();
        board.subscribe(1, 0);
        board.command(1, 1, 0, 0);
        board.reboot(0);
        assertEquals(Optional.empty(), board.yieldNoWait(0), "queued upcalls are gone");
        assertEquals(SyscallResult.SUCCESS, board.command(1, 1, 0, 0), "the outstanding operation is gone");
        board.drain();
        assertEquals(Optional.empty(), board.yieldNoWait(1), "and so is the subscription");
    }

    @Test
    void aRebootClearsAnArmedFault() {
        user.regionSize(0);
        board.injectFault();
        board.reboot(0);
        assertEquals(0, user.size(0).arg0());
        assertEquals(0, board.statistics().flashFaults());
    }

    @Test
    void theStatisticsSurviveAReboot() {
        user.write(0, 0, new byte[10]);
        BoardStatistics before = board.statistics();
        board.reboot(0);
        assertEquals(before, board.statistics());
        assertEquals(10, before.appBytesWritten());
    }
}
