package invs.impl.driver;

/** Counts what apps asked the driver to move (kept by the board across reboots). */
public final class TransferCounters {
    private long bytesWritten;

    void written(int bytes) {
        bytesWritten += bytes;
    }

    /** Bytes apps' write operations handed to storage. */
    public long bytesWritten() {
        return bytesWritten;
    }
}
