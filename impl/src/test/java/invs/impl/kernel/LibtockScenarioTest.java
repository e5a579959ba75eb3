package invs.impl.kernel;

import invs.impl.board.Board;
import invs.impl.board.BoardConfiguration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The three upstream libtock-c test apps, as scenarios. */
class LibtockScenarioTest {
    private static final Upcall RESERVE = new Upcall(1, 5, 0, 0);

    private final Userspace user = new Userspace(BoardConfiguration.defaults());

    private static Upcall inval(int subscribeNumber) {
        return new Upcall(subscribeNumber, 6, 0, 0);
    }

    @Test
    void invsSingle() {
        Board board = user.board;
        assertEquals(SyscallResult.SUCCESS, board.command(0, 0, 0, 0), "the driver exists");
        long size = user.regionSize(0);
        assertTrue(size > 0);
        assertEquals(new Upcall(1, 0, 10, 0), user.read(0, 0, 10));
        assertEquals(RESERVE, user.read(0, 0, 0), "zero-length allow");
        board.allowReadWrite(0, 0, 0);
        assertEquals(RESERVE, user.call(0, 1, 2, 0, 0), "no allow");
        assertEquals(inval(1), user.read(0, size - 5, 10));
        assertEquals(inval(1), user.read(0, size + 10, 10));
        assertEquals(inval(1), user.read(0, 0, (int) size + 1));
        assertEquals(inval(1), user.read(0, size - 1, 2));
        assertEquals(new Upcall(2, 0, 10, 0), user.write(0, 0, Userspace.bytes(10, 1)));
        board.allowReadOnly(0, 0, new byte[0]);
        assertEquals(new Upcall(2, 5, 0, 0), user.call(0, 2, 3, 0, 0), "write without a read-only allow");
    }

    private void writeThenRead(int readLength, int writeLength, long offset) {
        byte[] data = Userspace.bytes(writeLength, readLength + writeLength);
        assertEquals(new Upcall(2, 0, writeLength, 0), user.write(0, offset, data));
        byte[] read = user.readBytes(0, offset, readLength);
        int compared = Math.min(readLength, writeLength);
        assertArrayEquals(Arrays.copyOf(data, compared), Arrays.copyOf(read, compared));
    }

    @Test
    void invsReadWrite() {
        long size = user.regionSize(0);
        writeThenRead(14, 256, 0);
        writeThenRead(14, 256, 20);
        writeThenRead(512, 512, 0);
        writeThenRead(512, 500, size - 512);
        assertEquals(inval(2), user.write(0, size, new byte[501]));
        assertEquals(inval(2), user.write(0, size + 1, new byte[1]));
        assertEquals(inval(2), user.write(0, 0xFFFFFFFFL, new byte[512]));
    }

    @Test
    void invsNoPermission() {
        Board board = new Board(BoardConfiguration.defaults().withApps(ProcessConfiguration.withoutShortId(Permissions.none())));
        assertEquals(SyscallResult.SUCCESS, board.command(0, 0, 0, 0));
        board.allowReadWrite(0, 0, 10);
        board.allowReadOnly(0, 0, new byte[10]);
        for (int command = 1; command <= 3; command++) {
            assertEquals(SyscallResult.failure(ErrorCode.NOSUPPORT), board.command(0, command, 0, 0));
        }
        board.drain();
        assertEquals(0, board.statistics().flashOperations());
    }
}
