package invs.impl.flash;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.commons.lang3.Validate;

/**
 * A flash image kept in a file, so that a simulated device survives across runs. The file is mapped
 * into memory and the chip works on the mapping, so every completed (or torn) operation is in the file
 * as soon as it happens; nothing needs saving.
 *
 * <p>The file holds the chip byte for byte from address 0. A missing file is created erased (0xFF). A
 * file shorter than the chip, such as a dump of a real board's storage area, is extended with 0xFF
 * (erased) bytes to the chip's size; its first bytes are kept as they are. A longer file is refused.
 */
public final class FlashImageFile {
    private FlashImageFile() {}

    /** Opens (or creates) {@code file} as the cells of a chip of {@code pageCount} pages. */
    public static NorFlash open(Path file, int pageSize, int pageCount) {
        long size = (long) pageSize * pageCount;
        Validate.isTrue(size <= Integer.MAX_VALUE, "flash larger than 2 GiB");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw");
             FileChannel channel = raf.getChannel()) {
            long existing = channel.size();
            Validate.isTrue(existing <= size,
                    "flash image %s holds %d bytes, more than the chip's %d", file, existing, size);
            if (existing < size) {
                byte[] erased = new byte[(int) Math.min(size - existing, 1 << 16)];
                Arrays.fill(erased, (byte) 0xFF);
                long at = existing;
                while (at < size) {
                    int n = (int) Math.min(erased.length, size - at);
                    at += channel.write(ByteBuffer.wrap(erased, 0, n), at);
                }
            }
            ByteBuffer cells = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
            return new NorFlash(pageSize, pageCount, cells);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open flash image " + file, e);
        }
    }
}
