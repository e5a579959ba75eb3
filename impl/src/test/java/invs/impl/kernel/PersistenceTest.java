package invs.impl.kernel;

import invs.impl.board.Board;
import invs.impl.board.BoardConfiguration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A device kept in an image file survives across runs (new Board instances). */
class PersistenceTest {
    @TempDir
    Path directory;

    @Test
    void aSecondRunSeesTheFirstRunsData() throws IOException {
        Path file = directory.resolve("device.bin");
        BoardConfiguration config = BoardConfiguration.defaults().withImageFile(file);
        byte[] data = Userspace.bytes(1500, 1);
        Userspace first = new Userspace(config);
        first.write(1, 200, data);
        Userspace second = new Userspace(config);
        assertArrayEquals(data, second.readBytes(1, 200, 1500));
        assertEquals(first.board.layout().flashPages() * 4096L, Files.size(file));
    }

    @Test
    void theFileStartsWithTheStorageAreaByteForByte() throws IOException {
        Path file = directory.resolve("device.bin");
        Userspace user = new Userspace(BoardConfiguration.defaults().withImageFile(file));
        user.write(0, 0, Userspace.bytes(64, 2));
        byte[] onDisk = Files.readAllBytes(file);
        assertArrayEquals(user.board.storageImage(), Arrays.copyOf(onDisk, 8192));
    }
}
