package invs.impl.flash;

import java.util.Arrays;

/** Counters a flash chip keeps about its use: erases per page, bytes programmed and read, faults. */
public final class FlashWear {
    private final long[] erasesPerPage;
    private long bytesProgrammed;
    private long bytesRead;
    private long operations;
    private long faults;

    FlashWear(int pageCount) {
        this.erasesPerPage = new long[pageCount];
    }

    void erased(int page) {
        erasesPerPage[page]++;
        operations++;
    }

    void programmed(int bytes) {
        bytesProgrammed += bytes;
        operations++;
    }

    void read(int bytes) {
        bytesRead += bytes;
        operations++;
    }

    void fault() {
        faults++;
    }

    /** Copy of the erase count of every page. */
    public long[] erasesPerPage() {
        return erasesPerPage.clone();
    }

    /** Erases of all pages together. */
    public long erases() {
        return Arrays.stream(erasesPerPage).sum();
    }

    /** Bytes the chip was asked to program (a torn program counts the bytes it got to). */
    public long bytesProgrammed() {
        return bytesProgrammed;
    }

    /** Bytes read. */
    public long bytesRead() {
        return bytesRead;
    }

    /** Operations completed, failed or torn. */
    public long operations() {
        return operations;
    }

    /** Operations that reported {@link FlashResult#FAULT}. */
    public long faults() {
        return faults;
    }
}
