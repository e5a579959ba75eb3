package invs.impl.flash;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

import org.apache.commons.lang3.Validate;

/**
 * A simulated NOR flash chip of {@code pageCount} pages of {@code pageSize} bytes.
 *
 * <p>Semantics of the chip:
 * <ul>
 *   <li>an erase sets a whole page to 0xFF;</li>
 *   <li>a program (within one page) can only clear bits: each byte becomes {@code old & new}; asking
 *       for a 0 bit to become 1 is reported as {@link FlashResult#ILLEGAL_PROGRAM};</li>
 *   <li>reads may span pages;</li>
 *   <li>operations are split-phase: {@link #read}, {@link #program} and {@link #erase} start an
 *       operation, and the next {@link #tick()} completes it through the {@link FlashClient}; one
 *       operation at a time (starting a second one is a programming error of the caller);</li>
 *   <li>{@link #failNextOperation()} makes the next operation report {@link FlashResult#FAULT}; a failed
 *       program or erase is left <em>partially done</em>: its first half is done, the byte after that is
 *       half done, the rest is untouched;</li>
 *   <li>{@link #powerLoss(int)} cuts a program or erase in progress after {@code n} bytes: those are
 *       done, the next byte is half done (some of its bits changed), the rest of the page is untouched.
 *       A read in progress is simply lost.</li>
 * </ul>
 * A half-done byte of a program clears only the requested bits of its low nibble; of an erase, sets
 * only its low nibble. Page erases, programmed and read bytes are counted in {@link #wear()}.
 */
public final class NorFlash {
    private final int pageSize;
    private final int pageCount;
    private final ByteBuffer cells;
    private final byte[] erasedPage;
    private final FlashWear wear;
    private FlashClient client;
    private FlashOperation started;
    private boolean faultArmed;

    /**
     * A chip over the given cells (for example a file mapped into memory); the cells are used as they
     * are, not erased.
     */
    public NorFlash(int pageSize, int pageCount, ByteBuffer cells) {
        Validate.isTrue(pageSize > 0, "pageSize must be positive: %d", pageSize);
        Validate.isTrue(pageCount > 0, "pageCount must be positive: %d", pageCount);
        Validate.isTrue((long) pageSize * pageCount <= Integer.MAX_VALUE, "flash larger than 2 GiB");
        Validate.isTrue(cells.capacity() == pageSize * pageCount,
                "cells hold %d bytes, the chip %d", cells.capacity(), pageSize * pageCount);
        this.pageSize = pageSize;
        this.pageCount = pageCount;
        this.cells = cells;
        this.erasedPage = new byte[pageSize];
        Arrays.fill(erasedPage, (byte) 0xFF);
        this.wear = new FlashWear(pageCount);
    }

    /** A fresh chip, every page erased, held in memory. */
    public static NorFlash erased(int pageSize, int pageCount) {
        Validate.isTrue(pageSize > 0 && pageCount > 0 && (long) pageSize * pageCount <= Integer.MAX_VALUE,
                "bad geometry %d x %d", pageSize, pageCount);
        byte[] cells = new byte[pageSize * pageCount];
        Arrays.fill(cells, (byte) 0xFF);
        return new NorFlash(pageSize, pageCount, ByteBuffer.wrap(cells));
    }

    /** Sets the client that receives completions. */
    public void setClient(FlashClient client) {
        this.client = Objects.requireNonNull(client);
    }

    /** Page size in bytes. */
    public int pageSize() {
        return pageSize;
    }

    /** Number of pages. */
    public int pageCount() {
        return pageCount;
    }

    /** Size of the chip in bytes. */
    public int size() {
        return pageSize * pageCount;
    }

    /** Whether an operation has started and not completed. */
    public boolean isBusy() {
        return started != null;
    }

    /** Use counters (erases per page, bytes programmed, ...). */
    public FlashWear wear() {
        return wear;
    }

    /** Starts reading {@code length} bytes at {@code address} into {@code destination[offset..]}. */
    public void read(int address, byte[] destination, int offset, int length) {
        checkRange(address, length);
        Objects.checkFromIndexSize(offset, length, destination.length);
        start(new FlashOperation.Read(address, destination, offset, length));
    }

    /**
     * Starts programming {@code source[offset..offset+length)} at {@code address}; the range must lie in
     * one page. The source buffer is lent to the chip until the operation completes.
     */
    public void program(int address, byte[] source, int offset, int length) {
        checkRange(address, length);
        Objects.checkFromIndexSize(offset, length, source.length);
        Validate.isTrue(length == 0 || address / pageSize == (address + length - 1) / pageSize,
                "a program must stay in one page: %d+%d", address, length);
        start(new FlashOperation.Program(address, source, offset, length));
    }

    /** Starts erasing {@code page}. */
    public void erase(int page) {
        Objects.checkIndex(page, pageCount);
        start(new FlashOperation.Erase(page));
    }

    /** Makes the next operation (read, program or erase) fail with {@link FlashResult#FAULT}. */
    public void failNextOperation() {
        faultArmed = true;
    }

    /** Whether a fault is armed and has not hit an operation yet. */
    public boolean isFaultArmed() {
        return faultArmed;
    }

    /**
     * Completes the started operation, if any, and calls the client (which may start the next one, to
     * be completed by a later tick).
     *
     * @return whether an operation completed
     */
    public boolean tick() {
        FlashOperation operation = started;
        if (operation == null) {
            return false;
        }
        started = null;
        if (faultArmed) {
            faultArmed = false;
            wear.fault();
            applyPartially(operation, halfOf(operation));
            report(operation, FlashResult.FAULT);
        } else {
            report(operation, applyFully(operation));
        }
        return true;
    }

    /**
     * Power fails: a program or erase in progress is cut after {@code tornBytes} bytes (see the class
     * comment), a read in progress is lost, an armed fault is forgotten. No callback is made.
     */
    public void powerLoss(int tornBytes) {
        Validate.isTrue(tornBytes >= 0, "tornBytes must not be negative: %d", tornBytes);
        FlashOperation operation = started;
        started = null;
        faultArmed = false;
        if (operation != null) {
            applyPartially(operation, tornBytes);
        }
    }

    /** A copy of the whole chip. */
    public byte[] image() {
        byte[] copy = new byte[size()];
        cells.get(0, copy, 0, copy.length);
        return copy;
    }

    /** Reads bytes directly, as a debugger would; not counted, no split phase. */
    public byte[] peek(int address, int length) {
        checkRange(address, length);
        byte[] copy = new byte[length];
        cells.get(address, copy, 0, length);
        return copy;
    }

    /**
     * Writes bytes directly, as a factory programmer would (no erase needed, not counted): for loading
     * a dump or building a test image. Must not be called while an operation is in progress.
     */
    public void imprint(int address, byte[] data) {
        Validate.validState(started == null, "the chip is busy");
        checkRange(address, data.length);
        cells.put(address, data, 0, data.length);
    }

    private void start(FlashOperation operation) {
        Validate.validState(started == null, "flash busy: %s already started", started);
        started = operation;
    }

    private void checkRange(int address, int length) {
        Objects.checkFromIndexSize(address, length, size());
    }

    private int halfOf(FlashOperation operation) {
        return switch (operation) {
            case FlashOperation.Read read -> 0;
            case FlashOperation.Program program -> program.length() / 2;
            case FlashOperation.Erase erase -> pageSize / 2;
        };
    }

    private FlashResult applyFully(FlashOperation operation) {
        switch (operation) {
            case FlashOperation.Read(int address, byte[] destination, int offset, int length) -> {
                cells.get(address, destination, offset, length);
                wear.read(length);
                return FlashResult.OK;
            }
            case FlashOperation.Program(int address, byte[] source, int offset, int length) -> {
                boolean illegal = false;
                for (int i = 0; i < length; i++) {
                    int old = cells.get(address + i);
                    int wanted = source[offset + i];
                    illegal |= (wanted & ~old & 0xFF) != 0;
                    cells.put(address + i, (byte) (old & wanted));
                }
                wear.programmed(length);
                return illegal ? FlashResult.ILLEGAL_PROGRAM : FlashResult.OK;
            }
            case FlashOperation.Erase(int page) -> {
                cells.put(page * pageSize, erasedPage, 0, pageSize);
                wear.erased(page);
                return FlashResult.OK;
            }
        }
    }

    /** Does the first {@code doneBytes} bytes of a program or erase, half of the next one. */
    private void applyPartially(FlashOperation operation, int doneBytes) {
        switch (operation) {
            case FlashOperation.Read read -> wear.read(0);
            case FlashOperation.Program(int address, byte[] source, int offset, int length) -> {
                int done = Math.min(doneBytes, length);
                for (int i = 0; i < done; i++) {
                    cells.put(address + i, (byte) (cells.get(address + i) & source[offset + i]));
                }
                if (done < length) {
                    int at = address + done;
                    cells.put(at, (byte) (cells.get(at) & (source[offset + done] | 0xF0)));
                }
                wear.programmed(done);
            }
            case FlashOperation.Erase(int page) -> {
                int base = page * pageSize;
                int done = Math.min(doneBytes, pageSize);
                cells.put(base, erasedPage, 0, done);
                if (done < pageSize) {
                    cells.put(base + done, (byte) (cells.get(base + done) | 0x0F));
                }
                wear.erased(page);
            }
        }
    }

    private void report(FlashOperation operation, FlashResult result) {
        FlashClient target = Objects.requireNonNull(client, "no flash client");
        switch (operation) {
            case FlashOperation.Read read -> target.readDone(result);
            case FlashOperation.Program program -> target.programDone(result);
            case FlashOperation.Erase erase -> target.eraseDone(result);
        }
    }
}
