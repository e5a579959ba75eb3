package invs.fuzz.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Writes batches of requests to a server's standard input from a thread of its own, so that invs reads
 * the replies to the first requests of a batch while it is still writing the last ones: a server that
 * answers before it has read everything never waits on a full output pipe while invs waits on a full input
 * pipe. A server that stops reading blocks only this thread, until the server is killed (its pipe then
 * breaks) or it reads again. The thread also encodes the requests, so that the thread that sent them
 * goes on to their replies at once, and the lines of the replies forecast for them ({@link AwaitedReply}),
 * so that that thread need not decode a reply that is the forecast. It blocks while it waits for a batch:
 * the batches come ahead of the replies they need, so the wake-up delays no reply. Before it blocks it
 * polls for a while, as long as polling pays (as {@link SpinningInput} does): the thread that queues a
 * batch then wakes nobody, and on a virtual machine a wake-up costs that thread more than the poll costs
 * this one.
 */
final class RequestWriter {
    private final OutputStream requests;
    private final BlockingQueue<List<AwaitedReply>> batches = new LinkedBlockingQueue<>();
    private final Thread thread;
    /** Whether the next wait for a batch polls before it blocks (written by the writer thread only). */
    private volatile boolean polling = true;

    /** Whether the server leaves out a yield's buffer shown again, and so do the lines of forecast replies. */
    private final boolean sameBuffer;

    /** Starts a daemon thread called {@code name} that writes to {@code requests}. */
    RequestWriter(OutputStream requests, String name) {
        this(requests, name, false);
    }

    /**
     * Starts a daemon thread called {@code name} that writes to {@code requests}, to a server that leaves out
     * a yield's buffer its app showed last when {@code sameBuffer}.
     */
    RequestWriter(OutputStream requests, String name, boolean sameBuffer) {
        this.requests = requests;
        this.sameBuffer = sameBuffer;
        this.thread = new Thread(this::write, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues {@code requests} to be encoded, written, one line each, and flushed; the line of each one's
     * forecast reply is encoded before the request is written.
     */
    void send(List<AwaitedReply> requests) {
        batches.add(requests);
    }

    /** Whether the writer polls for the next batch before it blocks, as it does while polling pays. */
    boolean polling() {
        return polling;
    }

    /**
     * Stops writing: the thread ends once its current write returns (at once when it waits for a batch,
     * within a poll's 100 µs when it polls for one).
     */
    void close() {
        thread.interrupt();
    }

    /**
     * The next batch: polled for up to {@link ProtocolServer#SPIN_NANOS} (yielding the processor) while
     * polling pays, then waited for. A batch queued while this thread polls wakes nobody: waking a parked
     * thread costs the thread that queues the batch a system call and the processor an interrupt.
     */
    private List<AwaitedReply> nextBatch() throws InterruptedException {
        List<AwaitedReply> batch = batches.poll();
        if (batch != null) {
            return batch;
        }
        if (polling) {
            long end = System.nanoTime() + ProtocolServer.SPIN_NANOS;
            while (System.nanoTime() - end < 0) {
                Thread.yield();
                batch = batches.poll();
                if (batch != null) {
                    return batch;
                }
            }
        }
        long start = System.nanoTime();
        batch = batches.take();
        polling = System.nanoTime() - start < ProtocolServer.SPIN_NANOS;
        return batch;
    }

    private void write() {
        try {
            LineEncoder lines = new LineEncoder();
            LineEncoder forecasts = new LineEncoder();
            ShownBuffers forecastShown = sameBuffer ? new ShownBuffers() : null;
            while (true) {
                List<AwaitedReply> batch = nextBatch();
                lines.clear();
                for (AwaitedReply awaited : batch) {
                    awaited.encodeForecast(forecasts, forecastShown);
                    lines.add(awaited.request());
                }
                lines.writeTo(requests);
                requests.flush();
            }
        } catch (InterruptedException | IOException e) {
            // stopped, or the server closed its input or died: the replies say what happened
        }
    }
}
