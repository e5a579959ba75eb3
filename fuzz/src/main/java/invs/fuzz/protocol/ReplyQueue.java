package invs.fuzz.protocol;

import invs.conformance.trace.LineReader;
import invs.conformance.trace.LineTooLongException;
import invs.conformance.trace.TraceFormatException;
import invs.conformance.trace.Utf8Text;
import io.vavr.control.Either;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What a server writes on its standard output, read line by line by a thread of its own into a queue, so
 * that waiting for a reply never blocks past its deadline (even when the server is dead and a child it
 * left behind keeps the pipe open) and a server that writes without end is held back by the pipe instead
 * of filling the memory: the queue holds at most {@link #QUEUED_BYTES} bytes of lines (and always at least
 * one line). Each line is at most a given number of bytes: a longer one ends the reading with
 * {@link Received.Flooded}. The reading thread also decodes each line into a {@link Reply}, so that the
 * thread waiting for replies spends its time on them, not on their JSON.
 */
final class ReplyQueue {
    /** The most bytes of lines the queue holds when it holds more than one line. */
    static final int QUEUED_BYTES = 1 << 20;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final Condition taken = lock.newCondition();
    private final ArrayDeque<Received> queue = new ArrayDeque<>();
    private long queuedBytes;
    private boolean closed;
    private final LineReader lines;
    private final Thread reader;

    /** What the reading thread hands over. */
    sealed interface Received {
        /**
         * A line, without its end, and what it holds.
         *
         * @param bytes the line's bytes
         * @param reply the reply the line holds, or why it holds none; null for a blank line
         */
        record Line(byte[] bytes, Either<TraceFormatException, Reply> reply) implements Received {
            /** Whether the line is blank (only spaces, tabs and carriage returns). */
            boolean blank() {
                return reply == null;
            }
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
        lock.lockInterruptibly();
        try {
            long left = nanos;
            while (queue.isEmpty()) {
                if (left <= 0) {
                    return null;
                }
                left = arrived.awaitNanos(left);
            }
            Received next = queue.poll();
            queuedBytes -= size(next);
            taken.signal();
            return next;
        } finally {
            lock.unlock();
        }
    }

    /** Stops handing over lines (the thread ends once the pipe is closed or its next line is read). */
    void close() {
        reader.interrupt();
        lock.lock();
        try {
            closed = true;
            queue.clear();
            queuedBytes = 0;
            taken.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Queues {@code received}, waiting while the queue is not empty and has no room for it. */
    private void put(Received received) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (!closed && !queue.isEmpty() && queuedBytes + size(received) > QUEUED_BYTES) {
                taken.await();
            }
            if (closed) {
                throw new InterruptedException("closed");
            }
            queue.add(received);
            queuedBytes += size(received);
            arrived.signal();
        } finally {
            lock.unlock();
        }
    }

    private static long size(Received received) {
        return received instanceof Received.Line line ? line.bytes().length : 0;
    }

    private void read(LineReader lines) {
        try {
            for (byte[] line = lines.next(); line != null; line = lines.next()) {
                put(new Received.Line(line, decoded(line)));
            }
            put(new Received.Ended());
        } catch (LineTooLongException e) {
            offer(new Received.Flooded(e.limit()));
        } catch (IOException e) {
            offer(new Received.Ended());
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** The reply on {@code line}, or why there is none; null for a blank line. */
    private static Either<TraceFormatException, Reply> decoded(byte[] line) {
        if (isBlank(line)) {
            return null;
        }
        try {
            return Either.right(Reply.decode(Utf8Text.decode(line)));
        } catch (TraceFormatException e) {
            return Either.left(e);
        }
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private void offer(Received last) {
        try {
            put(last);
        } catch (InterruptedException e) {
            // closed
        }
    }
}
