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
import invs.impl.driver.RegionHeader;

/** Reading the regions of a storage dump written by a real board. */
class BootScanTest {
    private static final int OWNER_A = 0x12345678;
    private static final int OWNER_B = 2;
    private static final int OWNER_C = 3;

    @TempDir
    Path directory;

    /** A dump: A (100 bytes) at 0, B (2048 bytes) at 112, an invalid header at 2172, a valid one after it. */
    private Path dump() throws IOException {
        byte[] storage = new byte[8192];
        Arrays.fill(storage, (byte) 0xFF);
        new RegionHeader(100, OWNER_A).encode(storage, 0);
        System.arraycopy(Userspace.bytes(100, 1), 0, storage, 12, 100);
        new RegionHeader(2048, OWNER_B).encode(storage, 112);
        System.arraycopy(Userspace.bytes(2048, 2), 0, storage, 124, 2048);
        byte[] broken = new RegionHeader(500, OWNER_C).bytes();
        broken[8] ^= 0x40;
        System.arraycopy(broken, 0, storage, 2172, 12);
        new RegionHeader(500, OWNER_C).encode(storage, 2184 + 500);
        Path file = directory.resolve("dump.bin");
        Files.write(file, storage);
        return file;
    }

    private BoardConfiguration config(Path image) {
        return BoardConfiguration.defaults().withImageFile(image)
                .withApps(ProcessConfiguration.selfOnly(OWNER_A), ProcessConfiguration.selfOnly(OWNER_B), ProcessConfiguration.selfOnly(OWNER_C));
    }

    @Test
    void findsRegionsByShortIdWithTheLengthInTheirHeaders() throws IOException {
        Userspace user = new Userspace(config(dump()));
        assertEquals(100, user.regionSize(0));
        assertArrayEquals(Userspace.bytes(100, 1), user.readBytes(0, 0, 100));
        assertEquals(2048, user.regionSize(1));
        assertArrayEquals(Userspace.bytes(2048, 2), user.readBytes(1, 0, 2048));
    }

    @Test
    void theFirstInvalidHeaderEndsTheChainAndANewRegionReplacesIt() throws IOException {
        Userspace user = new Userspace(config(dump()));
        assertEquals(2048, user.regionSize(2), "C's region is new: the valid-looking header behind the broken one is ignored");
        byte[] erased = new byte[2048];
        Arrays.fill(erased, (byte) 0xFF);
        assertArrayEquals(erased, user.readBytes(2, 0, 2048));
        assertEquals(List.of(new Region(OWNER_A, 0, 100), new Region(OWNER_B, 112, 2048), new Region(OWNER_C, 2172, 2048)),
                StorageChain.of(user.board.storageImage()));
        assertArrayEquals(Userspace.bytes(100, 1), user.readBytes(0, 0, 100), "A is untouched");
    }

    @Test
    void theHeadersAreScannedOncePerBoot() throws IOException {
        Userspace user = new Userspace(config(dump()));
        user.regionSize(0);
        long operations = user.board.statistics().flashOperations();
        // journal 0, journal 1, headers at 0, 112, 2172 (invalid)
        assertEquals(5, operations);
        user.regionSize(1);
        assertEquals(operations, user.board.statistics().flashOperations(), "a known region needs no flash access");
        user.board.reboot(0);
        user.regionSize(1);
        assertEquals(2 * operations, user.board.statistics().flashOperations(), "a reboot scans again");
    }

    @Test
    void aHeaderWhoseRegionPassesTheEndOfStorageEndsTheChain() throws IOException {
        byte[] storage = new byte[4096];
        Arrays.fill(storage, (byte) 0xFF);
        new RegionHeader(4085, OWNER_A).encode(storage, 0);
        Path file = directory.resolve("long.bin");
        Files.write(file, storage);
        Userspace user = new Userspace(BoardConfiguration.defaults().withStorageLength(4096).withImageFile(file)
                .withApps(ProcessConfiguration.selfOnly(OWNER_A)));
        assertEquals(2048, user.regionSize(0), "the oversized header is not a region; a new one replaces it");
        assertEquals(List.of(new Region(OWNER_A, 0, 2048)), StorageChain.of(user.board.storageImage()));
    }
}
