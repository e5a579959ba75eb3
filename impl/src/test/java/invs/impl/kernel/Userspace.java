package invs.impl.kernel;

import invs.impl.board.Board;
import invs.impl.board.BoardConfiguration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;

/** What a libtock app does, as blocking calls over a {@link Board}: subscribe, allow, command, drain, yield. */
final class Userspace {
    static final long SUCCESS = 0;
    final Board board;

    Userspace(Board board) {
        this.board = board;
    }

    Userspace(BoardConfiguration config) {
        this(new Board(config));
    }

    static byte[] bytes(int length, int seed) {
        byte[] out = new byte[length];
        new Random(seed).nextBytes(out);
        return out;
    }

    /** The size upcall (status, size). */
    Upcall size(int app) {
        return call(app, 0, 1, 0, 0);
    }

    /** The region size, asserting success. */
    long regionSize(int app) {
        Upcall upcall = size(app);
        assertEquals(SUCCESS, upcall.arg0(), "size status");
        return upcall.arg1();
    }

    /** Writes {@code data} at {@code offset}; the write upcall. */
    Upcall write(int app, long offset, byte[] data) {
        assertTrue(board.allowReadOnly(app, 0, data).success());
        return call(app, 2, 3, offset & 0xFFFFFFFFL, offset >>> 32);
    }

    /** Reads {@code length} bytes at {@code offset} into a fresh buffer; the read upcall. */
    Upcall read(int app, long offset, int length) {
        assertTrue(board.allowReadWrite(app, 0, length).success());
        return call(app, 1, 2, offset & 0xFFFFFFFFL, offset >>> 32);
    }

    /** Reads and returns the bytes, asserting success. */
    byte[] readBytes(int app, long offset, int length) {
        Upcall upcall = read(app, offset, length);
        assertEquals(new Upcall(1, 0, length, 0), upcall, "read upcall");
        return board.readWriteBuffer(app);
    }

    /** Subscribes, issues the command (which must be accepted), drains and yields once. */
    Upcall call(int app, int subscribeNumber, int command, long arg1, long arg2) {
        assertTrue(board.subscribe(app, subscribeNumber).success());
        SyscallResult result = board.command(app, command, arg1, arg2);
        assertEquals(SyscallResult.SUCCESS, result, "command " + command + " accepted");
        board.drain();
        Optional<Upcall> upcall = board.yieldNoWait(app);
        assertTrue(upcall.isPresent(), "an upcall for command " + command);
        return upcall.get();
    }
}
