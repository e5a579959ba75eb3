package invs.fuzz.protocol;

import invs.conformance.trace.LineReader;
import invs.conformance.trace.LineTooLongException;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What a server writes on its standard output, read line by line by a thread of its own into a queue of
 * one line, so that waiting for a reply never blocks past its deadline (even when the server is dead and a
 * child it left behind keeps the pipe open) and a server that writes without end is held back by the
 * pipe instead of filling the memory. Each line is at most a given number of bytes: a longer one ends the
 * reading with {@link Received.Flooded}.
 */
final class ReplyQueue {
    private final BlockingQueue<Received> queue = new ArrayBlockingQueue<>(1);
    private final LineReader lines;
    private final Thread reader;

    /** What the reading thread hands over. */
    sealed interface Received {
        /** A line, without its end. @param bytes the line's bytes */
        record Line(byte[] bytes) implements Received {
        }

        /** A line went past the limit; nothing more is read. @param limit the limit, in bytes */
        record Flooded(int limit) implements Received {
        }

        /** The end of the output (or a failure to read it); nothing more is read. */
        record Ended() implements Received {
        }
    }

    /** Starts reading {@code in}, lines of at most {@code maxLine} bytes, in a daemon thread called {@code name}. */
    ReplyQueue(InputStream in, int maxLine, String name) {
        this.lines = new LineReader(in, maxLine);
        this.reader = new Thread(() -> read(lines), name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Accepts lines of up to {@code maxLine} bytes from now on, if that is more than before. */
    void raiseLimit(int maxLine) {
        lines.raiseLimit(maxLine);
    }

    /** The next thing read, waiting at most {@code nanos}; null when nothing came in that time. */
    Received poll(long nanos) throws InterruptedException {
        return queue.poll(nanos, TimeUnit.NANOSECONDS);
    }

    /** Stops handing over lines (the thread ends once the pipe is closed or its next line is read). */
    void close() {
        reader.interrupt();
        queue.clear();
    }

    private void read(LineReader lines) {
        try {
            for (byte[] line = lines.next(); line != null; line = lines.next()) {
                queue.put(new Received.Line(line));
            }
            queue.put(new Received.Ended());
        } catch (LineTooLongException e) {
            offer(new Received.Flooded(e.limit()));
        } catch (IOException e) {
            offer(new Received.Ended());
        } catch (InterruptedException e) {
            // closed
        }
    }

    private void offer(Received last) {
        try {
            queue.put(last);
        } catch (InterruptedException e) {
            // closed
        }
    }
}
