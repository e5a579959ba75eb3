package invs.fuzz.protocol;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A pipe read that, when nothing has arrived, polls for up to {@code spinNanos} (yielding the processor to
 * any other thread that wants it) before it blocks: the other process usually answers within that time,
 * and a processor that went idle in a blocking read (a virtual one, in particular) takes far longer to
 * wake than the answer takes to come. After the spin it blocks as any read does.
 */
class SpinningInput extends FilterInputStream {
    private final long spinNanos;

    SpinningInput(InputStream in, long spinNanos) {
        super(in);
        this.spinNanos = spinNanos;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        awaitInput();
        return in.read(buffer, offset, length);
    }

    @Override
    public int read() throws IOException {
        awaitInput();
        return in.read();
    }

    /** Returns once input has arrived or the spin is over (or the pipe cannot tell). */
    protected void awaitInput() throws IOException {
        if (spinNanos <= 0 || available() > 0) {
            return;
        }
        long end = System.nanoTime() + spinNanos;
        while (System.nanoTime() - end < 0) {
            Thread.yield();
            if (available() > 0) {
                return;
            }
        }
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
