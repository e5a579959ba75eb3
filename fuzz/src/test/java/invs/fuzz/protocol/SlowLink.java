package invs.fuzz.protocol;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A server behind a slow link, for benchmarks: runs a server command ({@code /bin/sh -c}) with this
 * process's standard input and error, and copies its replies to standard output each {@code MICROS}
 * microseconds after the server wrote it, as a serial line or a debugger's link would deliver them late;
 * replies written together still arrive together (the link's latency). Given {@code BYTES_PER_SECOND}, the
 * link also carries that many bytes a second each way, one line after the other (its bandwidth, as on a
 * serial line with a wire each way: a line arrives once its last byte has crossed, after the lines before
 * it), requests as well as replies.
 *
 * <p>Usage: {@code SlowLink MICROS COMMAND [BYTES_PER_SECOND]}.
 */
public final class SlowLink {
    private static final byte[] END = new byte[0];

    private SlowLink() {
    }

    /** A line and when it may be delivered. */
    private record Due(long nanos, byte[] line) {
    }

    /** {@code SlowLink MICROS COMMAND [BYTES_PER_SECOND]}. */
    public static void main(String[] args) throws IOException, InterruptedException {
        long delay = TimeUnit.MICROSECONDS.toNanos(Long.parseLong(args[0]));
        double nanosPerByte = args.length > 2 ? 1e9 / Long.parseLong(args[2]) : 0;
        Process server = new ProcessBuilder(List.of("/bin/sh", "-c", args[1]))
                .redirectInput(nanosPerByte > 0 ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (nanosPerByte > 0) { // the requests cross the link's other wire, at the same rate, with no latency
            LinkedBlockingQueue<Due> requests = new LinkedBlockingQueue<>();
            start("slow-link-in", () -> carry(System.in, requests, 0, nanosPerByte));
            start("slow-link-server", () -> {
                try (OutputStream toServer = server.getOutputStream()) {
                    deliver(requests, toServer);
                } catch (IOException | InterruptedException e) {
                    // the server is gone: end the link
                }
            });
        }
        LinkedBlockingQueue<Due> replies = new LinkedBlockingQueue<>();
        start("slow-link", () -> carry(server.getInputStream(), replies, delay, nanosPerByte));
        deliver(replies, System.out);
        System.exit(server.waitFor());
    }

    private static void start(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Writes the lines of {@code link} to {@code out}, each when it is due, until the end; flushed when none waits. */
    private static void deliver(LinkedBlockingQueue<Due> link, OutputStream out) throws IOException, InterruptedException {
        for (Due due = link.take(); due.line() != END; due = link.take()) {
            long wait = due.nanos() - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            out.write(due.line());
            if (link.isEmpty()) {
                out.flush();
            }
        }
        out.flush();
    }

    /**
     * Puts every line of {@code lines} on the link as it comes, due {@code delay} later and once its bytes
     * have crossed, {@code nanosPerByte} each, after the line before; then the end.
     */
    private static void carry(InputStream lines, LinkedBlockingQueue<Due> link, long delay, double nanosPerByte) {
        try (InputStream in = new BufferedInputStream(lines)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long lastDue = 0;
            for (int next = in.read(); next >= 0; next = in.read()) {
                line.write(next);
                if (next == '\n') {
                    long crossed = (long) (line.size() * nanosPerByte);
                    long due = Math.max(System.nanoTime() + delay, lastDue) + crossed;
                    lastDue = due;
                    link.add(new Due(due, line.toByteArray()));
                    line.reset();
                }
            }
        } catch (IOException e) {
            // the other end is gone: end the link
        }
        link.add(new Due(System.nanoTime(), END));
    }
}
