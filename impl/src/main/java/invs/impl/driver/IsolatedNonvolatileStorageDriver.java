package invs.impl.driver;

import java.util.Arrays;
import java.util.OptionalInt;

import invs.impl.kernel.DeferredCall;
import invs.impl.kernel.DeferredCalls;
import invs.impl.kernel.ErrorCode;
import invs.impl.kernel.GrantKernelData;
import invs.impl.kernel.Permissions;
import invs.impl.kernel.ProcessId;
import invs.impl.kernel.SyscallDriver;
import invs.impl.kernel.SyscallResult;
import invs.impl.storage.NonvolatileStorage;
import invs.impl.storage.StorageClient;

/**
 * The Isolated Nonvolatile Storage capsule, driver number 0x50004.
 *
 * <p>A command is checked (permissions, then BUSY per app) and recorded as the app's outstanding
 * operation; the storage serves one operation at a time, the others wait in an {@link OperationQueue}.
 * Serving an operation: scan the region headers once per boot (lazily), find the app's region by its
 * write id or allocate one (fill with 0xFF first, header last: an interrupted allocation either happened
 * or did not), then check the buffer (RESERVE) and the range (INVAL) and transfer, chunk by chunk
 * through the kernel buffer. The outstanding operation is cleared before its upcall is scheduled.
 * A flash error anywhere completes the operation with FAIL.
 */
public final class IsolatedNonvolatileStorageDriver implements SyscallDriver, StorageClient {

    /** The driver number. */
    public static final int DRIVER_NUMBER = 0x50004;

    private enum Phase { IDLE, SCAN, ALLOCATE_FILL, ALLOCATE_HEADER, READ, WRITE }

    private static final long U32 = 0xFFFFFFFFL;

    private final DriverConfiguration config;
    private final GrantKernelData kernel;
    private final NonvolatileStorage storage;
    private final TransferCounters counters;
    private final DeferredCall serveCall;
    private final Operation[] outstanding;
    private final OperationQueue waiting;
    private final byte[] kernelBuffer;
    private final byte[] headerBuffer = new byte[RegionHeader.SIZE];
    private long arrivals;

    private RegionTable regions;
    private RegionTable scanned;

    private Operation current;
    private boolean currentEnded;
    private Phase phase = Phase.IDLE;
    private Region region;
    private int offset;
    private int total;
    private int done;
    private int chunk;

    /** A driver over {@code storage}, serving the processes of {@code kernel}. */
    public IsolatedNonvolatileStorageDriver(DriverConfiguration config, GrantKernelData kernel,
                                            NonvolatileStorage storage, DeferredCalls deferredCalls,
                                            TransferCounters counters) {
        this.config = config;
        this.kernel = kernel;
        this.storage = storage;
        this.counters = counters;
        this.serveCall = deferredCalls.register(this::serve);
        this.outstanding = new Operation[config.processCount()];
        this.waiting = new OperationQueue(config.tockCompatible());
        this.kernelBuffer = new byte[config.kernelBufferSize()];
        storage.setClient(this);
    }

    /** The region table, or {@code null} before the boot scan finished. */
    public RegionTable regions() {
        return regions;
    }

    // ---- syscalls -------------------------------------------------------------------------------

    @Override
    public SyscallResult command(ProcessId app, int number, long arg1, long arg2) {
        return switch (number) {
            case 0 -> SyscallResult.SUCCESS;
            case 1 -> accept(app, OperationKind.SIZE, 0);
            case 2 -> accept(app, OperationKind.READ, offset(arg1, arg2));
            case 3 -> accept(app, OperationKind.WRITE, offset(arg1, arg2));
            default -> SyscallResult.failure(ErrorCode.NOSUPPORT);
        };
    }

    /**
     * The offset from a command's arguments, as unsigned 64 bits: {@code arg1 | arg2 << 32}. With 32-bit
     * addresses the doc profile keeps arg2 too (any nonzero arg2 then makes the offset exceed every
     * region, hence INVAL); the real capsule ignores it.
     */
    private long offset(long arg1, long arg2) {
        if (config.addressWidth() == 32 && config.tockCompatible()) {
            return arg1 & U32;
        }
        return (arg1 & U32) | (arg2 & U32) << 32;
    }

    private SyscallResult accept(ProcessId app, OperationKind kind, long offset) {
        Permissions permissions = kernel.permissions(app);
        OptionalInt writeId = permissions.writeId();
        if (writeId.isEmpty()
                || kind == OperationKind.READ && !permissions.mayRead(writeId.getAsInt())
                || kind == OperationKind.WRITE && !permissions.mayModify(writeId.getAsInt())) {
            return SyscallResult.failure(ErrorCode.NOSUPPORT);
        }
        if (outstanding[app.slot()] != null) {
            return SyscallResult.failure(ErrorCode.BUSY);
        }
        Operation operation = new Operation(app, kind, writeId.getAsInt(), offset, arrivals++);
        outstanding[app.slot()] = operation;
        waiting.add(operation);
        serveCall.set();
        return SyscallResult.SUCCESS;
    }

    @Override
    public int upcallCount() {
        return 3;
    }

    @Override
    public int readOnlyAllowCount() {
        return 1;
    }

    @Override
    public int readWriteAllowCount() {
        return 1;
    }

    @Override
    public void processEnded(ProcessId ended) {
        outstanding[ended.slot()] = null;
        waiting.removeSlot(ended.slot());
        if (current != null && current.app().equals(ended)) {
            currentEnded = true;
        }
    }

    // ---- serving --------------------------------------------------------------------------------

    private void serve() {
        while (current == null) {
            Operation next = waiting.poll();
            if (next == null) {
                return;
            }
            current = next;
            currentEnded = false;
            if (regions == null) {
                phase = Phase.SCAN;
                scanned = new RegionTable();
                scanNextHeader();
            } else {
                locateRegion();
            }
        }
    }

    private void scanNextHeader() {
        int at = scanned.end();
        if ((long) at + RegionHeader.SIZE > config.storageLength()) {
            scanDone();
        } else {
            storage.read(at, headerBuffer, 0, RegionHeader.SIZE);
        }
    }

    private void headerRead() {
        int at = scanned.end();
        RegionHeader header = RegionHeader.decode(headerBuffer, 0).orElse(null);
        if (header != null && (long) at + RegionHeader.SIZE + header.length() <= config.storageLength()) {
            scanned.add(new Region(header.shortId(), at, header.length()));
            scanNextHeader();
        } else {
            scanDone();
        }
    }

    private void scanDone() {
        regions = scanned;
        scanned = null;
        locateRegion();
    }

    private void locateRegion() {
        if (currentEnded) {
            abandon();
            return;
        }
        region = regions.find(current.owner());
        if (region != null) {
            runOperation();
        } else if (!regions.fits(config.regionSize(), config.storageLength())) {
            complete(ErrorCode.NOMEM);
        } else {
            region = new Region(current.owner(), regions.end(), config.regionSize());
            phase = Phase.ALLOCATE_FILL;
            storage.fill(region.start(), region.length());
        }
    }

    private void fillDone() {
        if (currentEnded) {
            abandon();
            return;
        }
        region.header().encode(headerBuffer, 0);
        phase = Phase.ALLOCATE_HEADER;
        storage.write(region.headerAddress(), headerBuffer, 0, RegionHeader.SIZE);
    }

    private void runOperation() {
        if (currentEnded) {
            abandon();
            return;
        }
        switch (current.kind()) {
            case SIZE -> complete(0, region.length());
            case READ -> startTransfer(kernel.readWriteBuffer(current.app(), 0), Phase.READ);
            case WRITE -> startTransfer(kernel.readOnlyBuffer(current.app(), 0), Phase.WRITE);
        }
    }

    private void startTransfer(byte[] buffer, Phase transfer) {
        if (buffer == null || buffer.length == 0) {
            complete(ErrorCode.RESERVE);
            return;
        }
        int length = buffer.length;
        int size = region.length();
        long at = current.offset();
        if (Long.compareUnsigned(at, size) >= 0 || length > size || at + length > size) {
            complete(ErrorCode.INVAL);
            return;
        }
        offset = (int) at;
        total = config.tockCompatible() ? Math.min(length, kernelBuffer.length) : length;
        done = 0;
        phase = transfer;
        if (transfer == Phase.READ) {
            nextReadChunk();
        } else {
            nextWriteChunk();
        }
    }

    private void nextReadChunk() {
        if (done == total) {
            complete(0, total);
        } else if (currentEnded) {
            abandon();
        } else {
            chunk = Math.min(kernelBuffer.length, total - done);
            storage.read(region.start() + offset + done, kernelBuffer, 0, chunk);
        }
    }

    private void readChunkDone() {
        byte[] buffer = kernel.readWriteBuffer(current.app(), 0);
        int room = buffer == null ? 0 : Math.max(0, Math.min(chunk, buffer.length - done));
        if (room > 0) {
            System.arraycopy(kernelBuffer, 0, buffer, done, room);
        }
        if (config.tockCompatible()) {
            // One chunk only; the count is what fits in the buffer allowed now.
            complete(0, room);
            return;
        }
        done += chunk;
        nextReadChunk();
    }

    private void nextWriteChunk() {
        if (done == total) {
            complete(0, total);
        } else if (currentEnded) {
            abandon();
        } else {
            chunk = Math.min(kernelBuffer.length, total - done);
            byte[] source = kernel.readOnlyBuffer(current.app(), 0);
            int available = source == null ? 0 : Math.max(0, Math.min(chunk, source.length - done));
            if (available > 0) {
                System.arraycopy(source, done, kernelBuffer, 0, available);
            }
            // Bytes the app took away by allowing a shorter buffer meanwhile are written as 0xFF.
            Arrays.fill(kernelBuffer, available, chunk, (byte) 0xFF);
            counters.written(chunk);
            storage.write(region.start() + offset + done, kernelBuffer, 0, chunk);
        }
    }

    // ---- completion -----------------------------------------------------------------------------

    private void complete(ErrorCode error) {
        complete(error.number(), 0);
    }

    private void complete(int status, long arg1) {
        Operation finished = current;
        clearCurrent();
        if (!currentEnded) {
            outstanding[finished.app().slot()] = null;
            kernel.scheduleUpcall(finished.app(), finished.kind().subscribeNumber(), status, arg1, 0);
        }
    }

    /** The app's run ended while its operation was served: stop here, no upcall. */
    private void abandon() {
        clearCurrent();
    }

    private void clearCurrent() {
        current = null;
        phase = Phase.IDLE;
        region = null;
    }

    @Override
    public void readDone(boolean ok) {
        switch (phase) {
            case SCAN -> {
                if (ok) {
                    headerRead();
                } else {
                    scanned = null;
                    complete(ErrorCode.FAIL);
                }
            }
            case READ -> {
                if (ok) {
                    readChunkDone();
                } else {
                    complete(ErrorCode.FAIL);
                }
            }
            default -> throw new IllegalStateException("storage read completed in phase " + phase);
        }
        serve();
    }

    @Override
    public void writeDone(boolean ok) {
        switch (phase) {
            case ALLOCATE_FILL, ALLOCATE_HEADER -> {
                if (!ok) {
                    // The chain's end is uncertain now: read the headers again on next use.
                    regions = null;
                    complete(ErrorCode.FAIL);
                } else if (phase == Phase.ALLOCATE_FILL) {
                    fillDone();
                } else {
                    regions.add(region);
                    runOperation();
                }
            }
            case WRITE -> {
                if (ok) {
                    done += chunk;
                    nextWriteChunk();
                } else {
                    complete(ErrorCode.FAIL);
                }
            }
            default -> throw new IllegalStateException("storage write completed in phase " + phase);
        }
        serve();
    }
}
