package invs.impl.flash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlashImageFileTest {
    @TempDir
    Path directory;

    @Test
    void aMissingFileIsCreatedErased() throws IOException {
        Path file = directory.resolve("flash.bin");
        NorFlash flash = FlashImageFile.open(file, 64, 3);
        byte[] erased = new byte[192];
        Arrays.fill(erased, (byte) 0xFF);
        assertArrayEquals(erased, flash.image());
        assertEquals(192, Files.size(file));
    }

    @Test
    void completedOperationsAreInTheFileAtOnce() throws IOException {
        Path file = directory.resolve("flash.bin");
        NorFlash flash = FlashImageFile.open(file, 64, 3);
        flash.setClient(new RecordingFlashClient());
        flash.program(70, new byte[] {1, 2, 3}, 0, 3);
        flash.tick();
        byte[] onDisk = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {1, 2, 3}, Arrays.copyOfRange(onDisk, 70, 73));
        assertArrayEquals(flash.image(), FlashImageFile.open(file, 64, 3).image(), "a second run sees the same");
    }

    @Test
    void aShorterFileIsADumpExtendedWithErasedBytes() throws IOException {
        Path file = directory.resolve("dump.bin");
        Files.write(file, new byte[] {9, 8, 7});
        byte[] image = FlashImageFile.open(file, 64, 2).image();
        assertArrayEquals(new byte[] {9, 8, 7, -1}, Arrays.copyOf(image, 4));
        assertEquals(128, Files.size(file));
    }

    @Test
    void aLongerFileIsRefused() throws IOException {
        Path file = directory.resolve("big.bin");
        Files.write(file, new byte[200]);
        assertThrows(IllegalArgumentException.class, () -> FlashImageFile.open(file, 64, 3));
    }
}
