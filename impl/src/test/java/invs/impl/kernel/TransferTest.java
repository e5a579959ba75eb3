package invs.impl.kernel;

import invs.impl.board.Board;
import invs.impl.board.BoardConfiguration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class TransferTest {
    private static Upcall inval(int subscribeNumber) {
        return new Upcall(subscribeNumber, 6, 0, 0);
    }

    @Test
    void docMovesTheWholeBufferThroughTheKernelBufferInChunks() {
        Userspace user = new Userspace(BoardConfiguration.defaults().withKernelBufferSize(7));
        byte[] data = Userspace.bytes(2048, 1);
        assertEquals(new Upcall(2, 0, 2048, 0), user.write(0, 0, data));
        assertArrayEquals(data, user.readBytes(0, 0, 2048));
        byte[] middle = Userspace.bytes(100, 2);
        assertEquals(new Upcall(2, 0, 100, 0), user.write(0, 1001, middle));
        byte[] expected = data.clone();
        System.arraycopy(middle, 0, expected, 1001, 100);
        assertArrayEquals(expected, user.readBytes(0, 0, 2048));
    }

    @Test
    void boundsAreCheckedWithoutOverflow() {
        Userspace user = new Userspace(BoardConfiguration.defaults());
        assertEquals(new Upcall(1, 0, 48, 0), user.read(0, 2000, 48), "ending exactly at the end");
        assertEquals(new Upcall(1, 0, 1, 0), user.read(0, 2047, 1));
        assertEquals(inval(1), user.read(0, 2048, 1));
        assertEquals(inval(1), user.read(0, 2000, 49));
        assertEquals(inval(1), user.read(0, 0, 2049));
        assertEquals(new Upcall(1, 0, 2048, 0), user.read(0, 0, 2048));
    }

    @Test
    void reserveComesBeforeInval() {
        Userspace user = new Userspace(BoardConfiguration.defaults());
        assertEquals(new Upcall(1, 5, 0, 0), user.call(0, 1, 2, 5000, 0));
        assertEquals(new Upcall(2, 5, 0, 0), user.call(0, 2, 3, 5000, 0));
    }

    @Test
    void with64BitAddressesTheSecondArgumentIsTheHighWord() {
        Userspace user = new Userspace(BoardConfiguration.defaults().withAddressWidth(64));
        user.board.allowReadWrite(0, 0, 4);
        assertEquals(inval(1), user.call(0, 1, 2, 0, 1));
        assertEquals(inval(1), user.call(0, 1, 2, 0xFFFFFFFFL, 0xFFFFFFFFL));
        assertEquals(new Upcall(1, 0, 4, 0), user.call(0, 1, 2, 10, 0));
    }

    @Test
    void with32BitAddressesANonzeroSecondArgumentIsInvalInDocAndIgnoredByTock() {
        Userspace doc = new Userspace(BoardConfiguration.defaults());
        doc.board.allowReadWrite(0, 0, 4);
        assertEquals(inval(1), doc.call(0, 1, 2, 0, 1));
        Userspace tock = new Userspace(BoardConfiguration.defaults().withTockCompatible(true));
        tock.board.allowReadWrite(0, 0, 4);
        assertEquals(new Upcall(1, 0, 4, 0), tock.call(0, 1, 2, 0, 1));
    }

    @Test
    void argumentsAreTakenAsUnsigned32BitWords() {
        Userspace user = new Userspace(BoardConfiguration.defaults().withAddressWidth(64));
        user.board.allowReadWrite(0, 0, 4);
        assertEquals(new Upcall(1, 0, 4, 0), user.call(0, 1, 2, 0x1_0000_0010L, 0x1_0000_0000L), "bits above 32 are dropped");
    }

    @Test
    void sizeIgnoresItsArguments() {
        Userspace user = new Userspace(BoardConfiguration.defaults());
        assertEquals(new Upcall(0, 0, 2048, 0), user.call(0, 0, 1, 123456789, 987654321));
    }

    @Test
    void readDataGoesToTheBufferAllowedAtCompletion() {
        Userspace user = new Userspace(BoardConfiguration.defaults());
        byte[] data = Userspace.bytes(16, 3);
        user.write(0, 0, data);
        Board board = user.board;
        board.subscribe(0, 1);
        board.allowReadWrite(0, 0, 16);
        board.command(0, 2, 0, 0);
        board.tick(); // dispatched: the length is taken now
        board.allowReadWrite(0, 0, 8); // swapped before the read completes
        board.drain();
        assertEquals(new Upcall(1, 0, 16, 0), board.yieldNoWait(0).orElseThrow(), "doc reports the length it read");
        assertArrayEquals(Arrays.copyOf(data, 8), board.readWriteBuffer(0));
    }

    @Test
    void theRegionsOfTwoAppsAreIsolated() {
        Userspace user = new Userspace(BoardConfiguration.defaults());
        byte[] zero = Userspace.bytes(2048, 4);
        byte[] one = Userspace.bytes(2048, 5);
        user.write(0, 0, zero);
        user.write(1, 0, one);
        assertArrayEquals(zero, user.readBytes(0, 0, 2048));
        assertArrayEquals(one, user.readBytes(1, 0, 2048));
    }
}
