package invs.fuzz.protocol;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A pipe read that, when nothing has arrived, polls for up to {@code spinNanos} (yielding the processor to
 * any other thread that wants it) before it blocks, while polling pays: when the other process answers one
 * request at a time it answers within that time, and a processor that went idle in a blocking read (a
 * virtual one, in particular) takes far longer to wake than the answer takes to come. When the other
 * process sends in batches, the waits between them are long and polling would only burn the processor
 * both processes share: so after a poll that found nothing, reads block at once, until a read that blocked
 * waited less than {@code spinNanos} (polling would have caught it) and polling resumes.
 */
class SpinningInput extends FilterInputStream {
    private final long spinNanos;
    /** Whether the next wait polls first: it does until a poll finds nothing. */
    private boolean polling = true;

    SpinningInput(InputStream in, long spinNanos) {
        super(in);
        this.spinNanos = spinNanos;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (awaitInput()) {
            return in.read(buffer, offset, length);
        }
        long start = System.nanoTime();
        int read = in.read(buffer, offset, length);
        polling = spinNanos > 0 && System.nanoTime() - start < spinNanos;
        return read;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int read = read(one, 0, 1);
        return read <= 0 ? -1 : one[0] & 0xFF;
    }

    /**
     * Returns true once input has arrived (or the pipe cannot tell), polling for it while polling pays;
     * false when the read will wait for it.
     */
    protected boolean awaitInput() throws IOException {
        if (available() > 0) {
            return true;
        }
        if (!polling) {
            return false;
        }
        long end = System.nanoTime() + spinNanos;
        while (System.nanoTime() - end < 0) {
            Thread.yield();
            if (available() > 0) {
                return true;
            }
        }
        polling = false;
        return false;
    }

    /** Whether the next wait polls before it blocks. */
    boolean polling() {
        return polling;
    }

    @Override
    public int available() throws IOException {
        try {
            return in.available();
        } catch (IOException closed) {
            return 1; // let the read itself say what happened
        }
    }
}
