package invs.impl.storage;

import java.util.Arrays;
import java.util.Objects;
import java.util.zip.CRC32;

import org.apache.commons.lang3.Validate;

import invs.impl.flash.FlashClient;
import invs.impl.flash.FlashResult;
import invs.impl.flash.NorFlash;

/**
 * The storage area {@code [0, storageLength)} of a {@link NorFlash}, read and written by byte range,
 * crash-safe: after power loss at any point, or a failed flash operation, only the bytes of the
 * interrupted or failed write's own range may have changed.
 *
 * <p>A write is done page by page. For each page touched, the page is read; if the new bytes only clear
 * bits they are programmed in place (only the span that differs). Otherwise the page is updated in two
 * phases: (1) erase the scratch page, program the new image into it, append a commit record naming the
 * target page and the image's CRC to the journal; (2) erase the target page, program the image, program
 * the record's done word. Before the first request after it is created (a boot) and after any failed
 * request, the storage layer <em>recovers</em>: it reads the journal, and if the newest record is not
 * done and the scratch page matches its CRC, it redoes phase 2 (roll forward). Without a valid pending
 * record, the target page was never touched (roll back is free).
 */
public final class CrashSafeStorage implements NonvolatileStorage, FlashClient {

    private enum Kind { READ, WRITE, FILL }

    private enum Step {
        IDLE, RECOVER_JOURNAL_0, RECOVER_JOURNAL_1, RECOVER_SCRATCH, READ, READ_PAGE, PROGRAM_IN_PLACE,
        ERASE_SCRATCH, PROGRAM_SCRATCH, ERASE_JOURNAL, PROGRAM_RECORD, ERASE_TARGET, PROGRAM_TARGET, PROGRAM_DONE
    }

    private static final byte ERASED = (byte) 0xFF;

    private final NorFlash flash;
    private final StorageLayout layout;
    private final int pageSize;
    private final byte[] page;
    private final byte[] journalPage0;
    private final byte[] journalPage1;
    private final byte[] recordBody = new byte[CommitRecord.BODY_SIZE];
    private final byte[] doneWord = new byte[4];
    private final CRC32 crc = new CRC32();
    private StorageClient client;

    private Journal journal;
    private boolean recovered;
    private boolean recovering;
    private boolean failed;
    private Step step = Step.IDLE;

    private Kind kind;
    private int address;
    private byte[] buffer;
    private int offset;
    private int length;
    private int position;

    private int targetPage;
    private int inPage;
    private int chunk;
    private int imageCrc;
    private int imageFrom;
    private int imageTo;
    private CommitRecord record;

    /** Storage over {@code flash}, laid out by {@code layout}; it recovers before its first request. */
    public CrashSafeStorage(NorFlash flash, StorageLayout layout) {
        Validate.isTrue(flash.pageSize() == layout.pageSize(), "page sizes differ");
        Validate.isTrue(flash.pageCount() >= layout.flashPages(), "the chip has %d pages, the layout needs %d",
                flash.pageCount(), layout.flashPages());
        this.flash = flash;
        this.layout = layout;
        this.pageSize = layout.pageSize();
        this.page = new byte[pageSize];
        this.journalPage0 = new byte[pageSize];
        this.journalPage1 = new byte[pageSize];
    }

    @Override
    public void setClient(StorageClient client) {
        this.client = Objects.requireNonNull(client);
    }

    @Override
    public int length() {
        return layout.storageLength();
    }

    @Override
    public boolean isBusy() {
        return step != Step.IDLE;
    }

    /** Whether the journal has been read and no update is left unfinished. */
    public boolean isRecovered() {
        return recovered;
    }

    @Override
    public void read(int address, byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        begin(Kind.READ, address, buffer, offset, length);
    }

    @Override
    public void write(int address, byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        begin(Kind.WRITE, address, buffer, offset, length);
    }

    @Override
    public void fill(int address, int length) {
        begin(Kind.FILL, address, null, 0, length);
    }

    private void begin(Kind kind, int address, byte[] buffer, int offset, int length) {
        Validate.validState(step == Step.IDLE, "storage busy");
        Validate.isTrue(length > 0, "length must be positive: %d", length);
        Objects.checkFromIndexSize(address, length, layout.storageLength());
        this.kind = kind;
        this.address = address;
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.failed = false;
        if (recovered) {
            serve();
        } else {
            startRecovery();
        }
    }

    // ---- recovery -------------------------------------------------------------------------------

    private void startRecovery() {
        recovering = true;
        step = Step.RECOVER_JOURNAL_0;
        flash.read(layout.journalPage(0) * pageSize, journalPage0, 0, pageSize);
    }

    private void recoveryDone() {
        recovering = false;
        recovered = true;
        if (failed) {
            finish(false);
        } else {
            serve();
        }
    }

    private void afterPendingRecordFound() {
        CommitRecord newest = journal.newest();
        crc.reset();
        crc.update(page, 0, pageSize);
        if ((int) crc.getValue() == newest.imageCrc() && newest.targetPage() >= 0
                && newest.targetPage() < layout.storagePages()) {
            targetPage = newest.targetPage();
            findImageSpan();
            eraseTarget();
        } else {
            // The scratch page does not hold that image: the record is stale, the target was never touched.
            markDone();
        }
    }

    // ---- requests -------------------------------------------------------------------------------

    private void serve() {
        position = 0;
        if (kind == Kind.READ) {
            step = Step.READ;
            flash.read(address, buffer, offset, length);
        } else {
            nextPage();
        }
    }

    private void nextPage() {
        if (position == length) {
            finish(true);
            return;
        }
        int at = address + position;
        targetPage = at / pageSize;
        inPage = at % pageSize;
        chunk = Math.min(length - position, pageSize - inPage);
        step = Step.READ_PAGE;
        flash.read(targetPage * pageSize, page, 0, pageSize);
    }

    private void planPageUpdate() {
        int first = -1;
        int last = -1;
        boolean inPlace = true;
        for (int i = 0; i < chunk; i++) {
            int old = page[inPage + i];
            int wanted = newByte(position + i);
            if (old != wanted) {
                if (first < 0) {
                    first = i;
                }
                last = i;
                inPlace &= (wanted & ~old & 0xFF) == 0;
            }
        }
        if (first < 0) {
            pageDone();
        } else if (inPlace) {
            step = Step.PROGRAM_IN_PLACE;
            flash.program(targetPage * pageSize + inPage + first, buffer, offset + position + first, last - first + 1);
        } else {
            if (kind == Kind.FILL) {
                Arrays.fill(page, inPage, inPage + chunk, ERASED);
            } else {
                System.arraycopy(buffer, offset + position, page, inPage, chunk);
            }
            crc.reset();
            crc.update(page, 0, pageSize);
            imageCrc = (int) crc.getValue();
            findImageSpan();
            step = Step.ERASE_SCRATCH;
            flash.erase(layout.scratchPage());
        }
    }

    private byte newByte(int index) {
        return kind == Kind.FILL ? ERASED : buffer[offset + index];
    }

    private void pageDone() {
        position += chunk;
        nextPage();
    }

    /** The span [imageFrom, imageTo] of the page image that is not 0xFF (empty when imageFrom > imageTo). */
    private void findImageSpan() {
        int from = 0;
        while (from < pageSize && page[from] == ERASED) {
            from++;
        }
        int to = pageSize - 1;
        while (to >= from && page[to] == ERASED) {
            to--;
        }
        imageFrom = from;
        imageTo = to;
    }

    private void programScratch() {
        if (imageFrom > imageTo) {
            appendRecord();
        } else {
            step = Step.PROGRAM_SCRATCH;
            flash.program(layout.scratchPage() * pageSize + imageFrom, page, imageFrom, imageTo - imageFrom + 1);
        }
    }

    private void appendRecord() {
        if (journal.needsSwitch()) {
            step = Step.ERASE_JOURNAL;
            flash.erase(journal.inactivePage());
        } else {
            programRecord();
        }
    }

    private void programRecord() {
        record = journal.nextRecord(targetPage, imageCrc);
        record.encodeBody(recordBody);
        step = Step.PROGRAM_RECORD;
        flash.program(journal.appendAddress(), recordBody, 0, CommitRecord.BODY_SIZE);
    }

    private void eraseTarget() {
        step = Step.ERASE_TARGET;
        flash.erase(targetPage);
    }

    private void programTarget() {
        if (imageFrom > imageTo) {
            markDone();
        } else {
            step = Step.PROGRAM_TARGET;
            flash.program(targetPage * pageSize + imageFrom, page, imageFrom, imageTo - imageFrom + 1);
        }
    }

    private void markDone() {
        step = Step.PROGRAM_DONE;
        flash.program(journal.doneWordAddress(), doneWord, 0, doneWord.length);
    }

    private void updateDone() {
        journal.markedDone();
        if (recovering) {
            recoveryDone();
        } else {
            pageDone();
        }
    }

    // ---- completion -----------------------------------------------------------------------------

    private void error() {
        recovered = false;
        if (recovering) {
            recovering = false;
            finish(false);
        } else {
            // Bring the flash back to a consistent state now; report the failure afterwards.
            failed = true;
            startRecovery();
        }
    }

    private void finish(boolean ok) {
        Kind finished = kind;
        step = Step.IDLE;
        buffer = null;
        if (finished == Kind.READ) {
            client.readDone(ok);
        } else {
            client.writeDone(ok);
        }
    }

    @Override
    public void readDone(FlashResult result) {
        if (!result.isOk()) {
            error();
            return;
        }
        switch (step) {
            case RECOVER_JOURNAL_0 -> {
                step = Step.RECOVER_JOURNAL_1;
                flash.read(layout.journalPage(1) * pageSize, journalPage1, 0, pageSize);
            }
            case RECOVER_JOURNAL_1 -> {
                journal = Journal.scan(layout, journalPage0, journalPage1);
                if (journal.hasPendingUpdate()) {
                    step = Step.RECOVER_SCRATCH;
                    flash.read(layout.scratchPage() * pageSize, page, 0, pageSize);
                } else {
                    recoveryDone();
                }
            }
            case RECOVER_SCRATCH -> afterPendingRecordFound();
            case READ -> finish(true);
            case READ_PAGE -> planPageUpdate();
            default -> throw new IllegalStateException("read completed in step " + step);
        }
    }

    @Override
    public void programDone(FlashResult result) {
        if (!result.isOk()) {
            error();
            return;
        }
        switch (step) {
            case PROGRAM_IN_PLACE -> pageDone();
            case PROGRAM_SCRATCH -> appendRecord();
            case PROGRAM_RECORD -> {
                journal.appended(record);
                eraseTarget();
            }
            case PROGRAM_TARGET -> markDone();
            case PROGRAM_DONE -> updateDone();
            default -> throw new IllegalStateException("program completed in step " + step);
        }
    }

    @Override
    public void eraseDone(FlashResult result) {
        if (!result.isOk()) {
            error();
            return;
        }
        switch (step) {
            case ERASE_SCRATCH -> programScratch();
            case ERASE_JOURNAL -> {
                journal.switched();
                programRecord();
            }
            case ERASE_TARGET -> programTarget();
            default -> throw new IllegalStateException("erase completed in step " + step);
        }
    }
}
