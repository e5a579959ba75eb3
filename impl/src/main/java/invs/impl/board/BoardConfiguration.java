package invs.impl.board;

import invs.impl.kernel.ProcessConfiguration;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.commons.lang3.Validate;

import invs.impl.driver.RegionHeader;
import invs.impl.storage.StorageLayout;

/**
 * How a {@link Board} is built. Start from {@link #defaults()} and change fields with the
 * {@code with...} methods; every instance is validated.
 *
 * <p>The flash has the storage area's pages ({@code ceil(storageLength / pageSize)}, so
 * {@code storageLength <= storagePages * pageSize}) followed by {@value StorageLayout#RESERVED_PAGES}
 * reserved pages (scratch and journal) outside the storage area.
 *
 * @param storageLength    bytes of the storage area (default 8192)
 * @param regionSize       usable bytes of a new region, at most 2^24 - 1 (default 2048)
 * @param pageSize         flash page size, a multiple of 32, at least 64 (default 4096)
 * @param kernelBufferSize bytes of the driver's kernel buffer: the transfer chunk (default 512)
 * @param addressWidth     32 or 64: how offsets are built from a command's arguments (default 32)
 * @param tockCompatible   reproduce the real capsule's observable choices (default false)
 * @param apps             the processes, by slot (default: ShortIds 1 and 2, {@code SelfOnly})
 * @param imageFile        a file to keep the flash image in across runs (default none)
 */
public record BoardConfiguration(int storageLength, int regionSize, int pageSize, int kernelBufferSize,
                                 int addressWidth, boolean tockCompatible, List<ProcessConfiguration> apps,
                                 Optional<Path> imageFile) {

    /** Validates and copies. */
    public BoardConfiguration {
        new StorageLayout(pageSize, storageLength);
        Validate.isTrue(regionSize > 0 && regionSize <= RegionHeader.MAX_LENGTH,
                "regionSize must be in [1, %d]: %d", RegionHeader.MAX_LENGTH, regionSize);
        Validate.isTrue(kernelBufferSize > 0, "kernelBufferSize must be positive: %d", kernelBufferSize);
        Validate.isTrue(addressWidth == 32 || addressWidth == 64, "addressWidth must be 32 or 64: %d", addressWidth);
        apps = List.copyOf(apps);
        Objects.requireNonNull(imageFile, "imageFile");
    }

    /** The default board. */
    public static BoardConfiguration defaults() {
        return new BoardConfiguration(8192, 2048, 4096, 512, 32, false,
                List.of(ProcessConfiguration.selfOnly(1), ProcessConfiguration.selfOnly(2)), Optional.empty());
    }

    /** The flash layout this configuration implies. */
    public StorageLayout layout() {
        return new StorageLayout(pageSize, storageLength);
    }

    /** With another storage length. */
    public BoardConfiguration withStorageLength(int value) {
        return new BoardConfiguration(value, regionSize, pageSize, kernelBufferSize, addressWidth, tockCompatible, apps, imageFile);
    }

    /** With another region size. */
    public BoardConfiguration withRegionSize(int value) {
        return new BoardConfiguration(storageLength, value, pageSize, kernelBufferSize, addressWidth, tockCompatible, apps, imageFile);
    }

    /** With another page size. */
    public BoardConfiguration withPageSize(int value) {
        return new BoardConfiguration(storageLength, regionSize, value, kernelBufferSize, addressWidth, tockCompatible, apps, imageFile);
    }

    /** With another kernel buffer size. */
    public BoardConfiguration withKernelBufferSize(int value) {
        return new BoardConfiguration(storageLength, regionSize, pageSize, value, addressWidth, tockCompatible, apps, imageFile);
    }

    /** With another address width (32 or 64). */
    public BoardConfiguration withAddressWidth(int value) {
        return new BoardConfiguration(storageLength, regionSize, pageSize, kernelBufferSize, value, tockCompatible, apps, imageFile);
    }

    /** With or without the real capsule's observable choices. */
    public BoardConfiguration withTockCompatible(boolean value) {
        return new BoardConfiguration(storageLength, regionSize, pageSize, kernelBufferSize, addressWidth, value, apps, imageFile);
    }

    /** With these processes, by slot. */
    public BoardConfiguration withApps(List<ProcessConfiguration> value) {
        return new BoardConfiguration(storageLength, regionSize, pageSize, kernelBufferSize, addressWidth, tockCompatible, value, imageFile);
    }

    /** With these processes, by slot. */
    public BoardConfiguration withApps(ProcessConfiguration... value) {
        return withApps(List.of(value));
    }

    /** Keeping the flash image in {@code file}. */
    public BoardConfiguration withImageFile(Path file) {
        return new BoardConfiguration(storageLength, regionSize, pageSize, kernelBufferSize, addressWidth, tockCompatible, apps,
                Optional.of(file));
    }
}
