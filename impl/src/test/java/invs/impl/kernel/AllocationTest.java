package invs.impl.kernel;

import invs.impl.board.BoardConfiguration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import invs.impl.driver.Region;

class AllocationTest {
    private static final Upcall NOMEM_SIZE = new Upcall(0, 9, 0, 0);

    @TempDir
    Path directory;

    private static BoardConfiguration threeApps(int storageLength) {
        return BoardConfiguration.defaults().withStorageLength(storageLength)
                .withApps(ProcessConfiguration.selfOnly(0x12345678), ProcessConfiguration.selfOnly(2), ProcessConfiguration.selfOnly(3));
    }

    @Test
    void aFirstUseWritesTheRealCapsulesHeaderAndAnErasedRegion() {
        Userspace user = new Userspace(threeApps(8192));
        assertEquals(2048, user.regionSize(0));
        byte[] storage = user.board.storageImage();
        assertArrayEquals(new byte[] {0x00, 0x08, 0x00, 0x01, 0x78, 0x56, 0x34, 0x12, 0x78, 0x5E, 0x34, 0x13},
                Arrays.copyOf(storage, 12));
        byte[] erased = new byte[2048];
        Arrays.fill(erased, (byte) 0xFF);
        assertArrayEquals(erased, user.readBytes(0, 0, 2048));
        assertEquals(0, user.board.statistics().erases(), "allocating in erased flash erases nothing");
    }

    @Test
    void regionsArePackedInOrderOfFirstUse() {
        Userspace user = new Userspace(threeApps(8192));
        user.regionSize(2);
        user.regionSize(0);
        assertEquals(List.of(new Region(3, 0, 2048), new Region(0x12345678, 2060, 2048)),
                StorageChain.of(user.board.storageImage()));
    }

    @Test
    void capacityIsExact() {
        Userspace fits = new Userspace(threeApps(2 * 2060));
        assertEquals(2048, fits.regionSize(0));
        assertEquals(2048, fits.regionSize(1));
        assertEquals(NOMEM_SIZE, fits.size(2));
        Userspace tight = new Userspace(threeApps(2 * 2060 - 1));
        assertEquals(2048, tight.regionSize(0));
        assertEquals(NOMEM_SIZE, tight.size(1));
        assertEquals(new Upcall(1, 9, 0, 0), tight.read(1, 0, 4), "NOMEM for a read");
        assertEquals(new Upcall(2, 9, 0, 0), tight.write(1, 0, new byte[4]), "NOMEM for a write");
        assertEquals(2048, tight.regionSize(0), "the others keep working");
    }

    @Test
    void anEmptyStorageAreaHasNoRoomForAnyRegion() {
        Userspace empty = new Userspace(threeApps(0));
        assertEquals(NOMEM_SIZE, empty.size(0));
        assertEquals(new Upcall(2, 9, 0, 0), empty.write(1, 0, new byte[4]), "NOMEM for a write");
        assertEquals(0, empty.board.storageImage().length);
    }

    @Test
    void nomemComesBeforeBufferChecks() {
        Userspace user = new Userspace(threeApps(100));
        user.board.allowReadWrite(0, 0, 0);
        assertEquals(new Upcall(1, 9, 0, 0), user.call(0, 1, 2, 0, 0));
    }

    @Test
    void aNewRegionReadsErasedEvenOverOldBytes() throws IOException {
        byte[] storage = new byte[8192]; // zeros: no valid header, old data everywhere
        Path file = directory.resolve("zeros.bin");
        Files.write(file, storage);
        Userspace user = new Userspace(threeApps(8192).withImageFile(file));
        assertEquals(2048, user.regionSize(1));
        byte[] erased = new byte[2048];
        Arrays.fill(erased, (byte) 0xFF);
        assertArrayEquals(erased, user.readBytes(1, 0, 2048));
        assertEquals(List.of(new Region(2, 0, 2048)), StorageChain.of(user.board.storageImage()));
        assertEquals(Arrays.copyOfRange(storage, 2060, 8192).length,
                countZeros(Arrays.copyOfRange(user.board.storageImage(), 2060, 8192)), "the rest is untouched");
    }

    @Test
    void theRegionSizeComesFromTheConfiguration() {
        Userspace user = new Userspace(threeApps(8192).withRegionSize(100));
        assertEquals(100, user.regionSize(0));
        assertEquals(100, user.regionSize(1));
        assertEquals(List.of(new Region(0x12345678, 0, 100), new Region(2, 112, 100)),
                StorageChain.of(user.board.storageImage()));
    }

    private static int countZeros(byte[] bytes) {
        int zeros = 0;
        for (byte b : bytes) {
            zeros += b == 0 ? 1 : 0;
        }
        return zeros;
    }
}
