package invs.fuzz.protocol;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A pipe read that, when nothing has arrived, polls for a while (yielding the processor to any other
 * thread that wants it) before it blocks: when the other process answers one request at a time it answers
 * within that time, and a processor that went idle in a blocking read (a virtual one, in particular) takes
 * far longer to wake than the answer takes to come. After the poll it blocks as any read does.
 *
 * <p>When lines come in batches the waits between them are long, and polling would only burn the processor
 * both processes share; so a read made {@link #pollWhilePaying(long) to poll while it pays} stops polling
 * after a poll that found nothing (the next waits block at once), until a read that blocked waited less
 * than the poll would have lasted (polling would have caught it) and polling resumes.
 *
 * <p>A read of bytes that are there asks for no more than the stream said it holds: a buffered stream
 * asked for more (the JDK's process streams are) asks the pipe again after reading, two system calls
 * for nothing when the rest has not come yet.
 */
class SpinningInput extends FilterInputStream {
    private long spinNanos;
    /** Whether a poll that found nothing stops polling. */
    private boolean adaptive;
    /** Whether the next wait polls first. */
    private boolean polling = true;

    /** Reads {@code in}, polling for up to {@code spinNanos} before each read that would block. */
    SpinningInput(InputStream in, long spinNanos) {
        super(in);
        pollAlways(spinNanos);
    }

    /** From now on, polls for up to {@code nanos} before every read that would block. */
    final void pollAlways(long nanos) {
        spinNanos = nanos;
        adaptive = false;
        polling = true;
    }

    /** From now on, polls for up to {@code nanos} before a read that would block, while polling pays. */
    final void pollWhilePaying(long nanos) {
        if (!adaptive || spinNanos != nanos) {
            spinNanos = nanos;
            adaptive = true;
            polling = true;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int there = awaitInput();
        if (there > 0) {
            return in.read(buffer, offset, Math.min(length, there));
        }
        long start = System.nanoTime();
        int read = in.read(buffer, offset, length);
        polling = !adaptive || spinNanos > 0 && System.nanoTime() - start < spinNanos;
        return read;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int read = read(one, 0, 1);
        return read <= 0 ? -1 : one[0] & 0xFF;
    }

    /**
     * How many bytes have arrived (1 when the pipe cannot tell), once some have, polling for them first
     * when polling; 0 when the read will wait for them.
     */
    protected int awaitInput() throws IOException {
        int there = available();
        if (there > 0) {
            return there;
        }
        if (!polling || spinNanos <= 0) {
            return 0;
        }
        long end = System.nanoTime() + spinNanos;
        while (System.nanoTime() - end < 0) {
            Thread.yield();
            there = available();
            if (there > 0) {
                return there;
            }
        }
        polling = !adaptive;
        return 0;
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
