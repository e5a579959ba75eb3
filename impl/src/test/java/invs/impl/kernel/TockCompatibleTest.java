package invs.impl.kernel;

import invs.impl.board.Board;
import invs.impl.board.BoardConfiguration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The configuration that reproduces the real capsule's observable choices. */
class TockCompatibleTest {
    private static final int REGION_START = 12;

    private final Userspace user = new Userspace(BoardConfiguration.defaults().withTockCompatible(true));

    @Test
    void aWriteMovesOneKernelBufferAndSaysSo() {
        byte[] data = Userspace.bytes(1000, 1);
        assertEquals(new Upcall(2, 0, 512, 0), user.write(0, 0, data));
        byte[] stored = Arrays.copyOfRange(user.board.storageImage(), REGION_START, REGION_START + 1000);
        assertArrayEquals(Arrays.copyOf(data, 512), Arrays.copyOf(stored, 512));
        byte[] erased = new byte[488];
        Arrays.fill(erased, (byte) 0xFF);
        assertArrayEquals(erased, Arrays.copyOfRange(stored, 512, 1000));
    }

    @Test
    void aReadMovesOneKernelBufferAndSaysSo() {
        byte[] data = Userspace.bytes(512, 2);
        user.write(0, 0, data);
        assertEquals(new Upcall(1, 0, 512, 0), user.read(0, 0, 1000));
        byte[] buffer = user.board.readWriteBuffer(0);
        assertArrayEquals(data, Arrays.copyOf(buffer, 512));
        assertArrayEquals(new byte[488], Arrays.copyOfRange(buffer, 512, 1000), "the rest of the buffer is untouched");
    }

    @Test
    void aReadReportsWhatFitsInTheBufferAllowedAtCompletion() {
        user.write(0, 0, Userspace.bytes(100, 3));
        Board board = user.board;
        board.subscribe(0, 1);
        board.allowReadWrite(0, 0, 100);
        board.command(0, 2, 0, 0);
        board.tick(); // dispatched: the length is taken now
        board.allowReadWrite(0, 0, 10);
        board.drain();
        assertEquals(new Upcall(1, 0, 10, 0), board.yieldNoWait(0).orElseThrow());
        assertArrayEquals(Arrays.copyOf(Userspace.bytes(100, 3), 10), board.readWriteBuffer(0));
        board.allowReadWrite(0, 0, 100);
        board.command(0, 2, 0, 0);
        board.tick();
        board.allowReadWrite(0, 0, 0);
        board.drain();
        assertEquals(new Upcall(1, 0, 0, 0), board.yieldNoWait(0).orElseThrow(), "no buffer at completion: 0 bytes");
    }

    @Test
    void boundsStillUseTheWholeBufferLength() {
        assertEquals(new Upcall(2, 6, 0, 0), user.write(0, 1500, new byte[600]));
        assertEquals(new Upcall(2, 0, 512, 0), user.write(0, 1448, new byte[600]));
    }

    @Test
    void theOnFlashFormatIsTheSameAsDoc() {
        Userspace doc = new Userspace(BoardConfiguration.defaults());
        user.regionSize(1);
        user.regionSize(0);
        doc.regionSize(1);
        doc.regionSize(0);
        assertArrayEquals(doc.board.flashImage(), user.board.flashImage());
    }
}
