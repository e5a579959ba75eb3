package invs.impl.board;

import invs.impl.kernel.DeferredCalls;
import invs.impl.kernel.Kernel;
import invs.impl.kernel.SyscallResult;
import invs.impl.kernel.Upcall;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.apache.commons.lang3.Validate;

import invs.impl.driver.DriverConfiguration;
import invs.impl.driver.IsolatedNonvolatileStorageDriver;
import invs.impl.driver.TransferCounters;
import invs.impl.flash.FlashImageFile;
import invs.impl.flash.NorFlash;
import invs.impl.storage.CrashSafeStorage;
import invs.impl.storage.StorageLayout;

/**
 * A simulated board: a NOR flash, the crash-safe storage over it, the Isolated Nonvolatile Storage
 * driver and a small kernel with the configured processes. Apps are named by process slot index.
 *
 * <p>Nothing happens between calls: internal progress is made by {@link #tick()} (the flash completes
 * the operation it started, if any, and pending deferred calls run) or {@link #drain()}. Syscalls only
 * record requests; an accepted operation's upcall is queued on some later tick and delivered by
 * {@link #yieldNoWait(int)}.
 *
 * <p>{@link #reboot(int)} keeps only the flash (and the counters of {@link #statistics()}): the kernel,
 * the driver and the storage layer are built anew, as after a power cycle.
 *
 * <p>A board is not thread-safe; drive it from one thread.
 */
public final class Board {
    private static final int DRAIN_LIMIT = 50_000_000;

    private final BoardConfiguration config;
    private final StorageLayout layout;
    private final NorFlash flash;
    private final TransferCounters counters = new TransferCounters();
    private DeferredCalls deferredCalls;
    private CrashSafeStorage storage;
    private IsolatedNonvolatileStorageDriver driver;
    private Kernel kernel;
    private long ticks;
    private long syscalls;

    /**
     * A board built from {@code config}: fresh erased flash, or the image file's content if one is set.
     *
     * @param config the board's configuration
     */
    public Board(BoardConfiguration config) {
        this.config = config;
        this.layout = config.layout();
        Optional<Path> file = config.imageFile();
        this.flash = file.isPresent()
                ? FlashImageFile.open(file.get(), layout.pageSize(), layout.flashPages())
                : NorFlash.erased(layout.pageSize(), layout.flashPages());
        boot();
    }

    /**
     * A board whose flash starts with {@code initialImage} from address 0 (for example a dump of a real
     * board's storage area, or a whole flash image from {@link #flashImage()}); the rest is as
     * {@link #Board(BoardConfiguration)} leaves it. With an image file, the image is written into it.
     *
     * @param config       the board's configuration
     * @param initialImage bytes from flash address 0, at most the flash's size
     */
    public Board(BoardConfiguration config, byte[] initialImage) {
        this(config);
        Validate.isTrue(initialImage.length <= flash.size(), "image of %d bytes, flash of %d", initialImage.length, flash.size());
        flash.imprint(0, initialImage);
    }

    private void boot() {
        deferredCalls = new DeferredCalls();
        storage = new CrashSafeStorage(flash, layout);
        flash.setClient(storage);
        DriverConfiguration driverConfig = new DriverConfiguration(config.storageLength(), config.regionSize(),
                config.kernelBufferSize(), config.addressWidth(), config.tockCompatible(), config.apps().size());
        kernel = new Kernel(config.apps(), grants -> {
            driver = new IsolatedNonvolatileStorageDriver(driverConfig, grants, storage, deferredCalls, counters);
            return driver;
        });
    }

    /**
     * The configuration the board was built from.
     *
     * @return the configuration
     */
    public BoardConfiguration configuration() {
        return config;
    }

    /**
     * Command {@code number} to driver 0x50004 from the process in slot {@code app}.
     *
     * @param app    process slot index
     * @param number command number
     * @param arg1   first argument (a u32; higher bits are ignored)
     * @param arg2   second argument (a u32; higher bits are ignored)
     * @return the synchronous result
     * @throws IllegalArgumentException if there is no such slot
     */
    public SyscallResult command(int app, int number, long arg1, long arg2) {
        syscalls++;
        return kernel.command(app, number, arg1, arg2);
    }

    /**
     * Read-only allow {@code number} of a copy of {@code data}; an empty array unallows.
     *
     * @param app    process slot index
     * @param number allow number (only 0 exists)
     * @param data   the bytes shared (copied)
     * @return SUCCESS, or NOSUPPORT for another allow number
     */
    public SyscallResult allowReadOnly(int app, int number, byte[] data) {
        syscalls++;
        return kernel.allowReadOnly(app, number, data);
    }

    /**
     * Read-write allow {@code number} of a fresh zero-filled buffer of {@code length} bytes; 0 unallows.
     *
     * @param app    process slot index
     * @param number allow number (only 0 exists)
     * @param length the buffer's length, not negative
     * @return SUCCESS, or NOSUPPORT for another allow number
     */
    public SyscallResult allowReadWrite(int app, int number, int length) {
        syscalls++;
        return kernel.allowReadWrite(app, number, length);
    }

    /**
     * Subscribes to upcall {@code number}; upcalls already queued on it are dropped.
     *
     * @param app    process slot index
     * @param number subscribe number (0 size, 1 read, 2 write)
     * @return SUCCESS, or NOSUPPORT for another number
     */
    public SyscallResult subscribe(int app, int number) {
        syscalls++;
        return kernel.subscribe(app, number, true);
    }

    /**
     * Unsubscribes from upcall {@code number}; upcalls already queued on it are dropped.
     *
     * @param app    process slot index
     * @param number subscribe number (0 size, 1 read, 2 write)
     * @return SUCCESS, or NOSUPPORT for another number
     */
    public SyscallResult unsubscribe(int app, int number) {
        syscalls++;
        return kernel.subscribe(app, number, false);
    }

    /**
     * Yield-no-wait: delivers the oldest queued upcall of the app, if any.
     *
     * @param app process slot index
     * @return the upcall, or empty
     */
    public Optional<Upcall> yieldNoWait(int app) {
        syscalls++;
        return kernel.yieldNoWait(app);
    }

    /**
     * A copy of the app's current read-write buffer.
     *
     * @param app process slot index
     * @return the copy, empty if no buffer is allowed
     */
    public byte[] readWriteBuffer(int app) {
        return kernel.readWriteBufferCopy(app);
    }

    /** One step of internal progress: the flash completes its started operation; deferred calls run. */
    public void tick() {
        ticks++;
        flash.tick();
        deferredCalls.runPending();
    }

    /**
     * Whether internal work is left (a flash operation in progress or a deferred call pending).
     *
     * @return whether a {@link #tick()} would make progress
     */
    public boolean hasWork() {
        return flash.isBusy() || deferredCalls.hasPending();
    }

    /**
     * Ticks until no internal work is left.
     *
     * @throws IllegalStateException if the board does not settle within a large bound
     */
    public void drain() {
        for (int i = 0; i < DRAIN_LIMIT; i++) {
            if (!hasWork()) {
                return;
            }
            tick();
        }
        throw new IllegalStateException("the board did not settle within " + DRAIN_LIMIT + " ticks");
    }

    /**
     * Power cycle: a flash program or erase in progress is cut after {@code tornBytes} bytes (the next
     * byte is left half done, the rest untouched), armed faults are cleared, and all RAM state
     * (processes, driver, storage layer) is lost.
     *
     * @param tornBytes bytes of the interrupted program or erase that were done, not negative
     */
    public void reboot(int tornBytes) {
        Validate.isTrue(tornBytes >= 0, "tornBytes must not be negative: %d", tornBytes);
        flash.powerLoss(tornBytes);
        boot();
    }

    /**
     * The process in slot {@code app} faults and restarts with the same ShortId and permissions: its
     * allows, subscriptions, queued upcalls and outstanding operation are gone.
     *
     * @param app process slot index
     */
    public void restart(int app) {
        kernel.restart(app);
    }

    /**
     * The next flash operation (read, program or erase) fails: the chip reports an error, and a failed
     * program or erase is left half done.
     */
    public void injectFault() {
        flash.failNextOperation();
    }

    /**
     * A copy of the whole flash.
     *
     * @return the storage area's pages, then the scratch and the two journal pages
     */
    public byte[] flashImage() {
        return flash.image();
    }

    /**
     * A copy of the storage area only, as a dump of a real board's storage would read.
     *
     * @return {@code storageLength} bytes from flash address 0
     */
    public byte[] storageImage() {
        return Arrays.copyOf(flash.image(), config.storageLength());
    }

    /**
     * Counters since the board was built.
     *
     * @return erases per page, bytes programmed, ...
     */
    public BoardStatistics statistics() {
        long[] erases = flash.wear().erasesPerPage();
        return new BoardStatistics(Arrays.stream(erases).boxed().toList(), flash.wear().erases(),
                flash.wear().bytesProgrammed(), flash.wear().bytesRead(), flash.wear().operations(),
                flash.wear().faults(), counters.bytesWritten(), ticks, syscalls);
    }

    /**
     * The flash layout.
     *
     * @return where the storage area, scratch and journal pages are
     */
    public StorageLayout layout() {
        return layout;
    }
}
