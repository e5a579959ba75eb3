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
        if (nanosPerByte > 0) {
            Thread requests = new Thread(() -> pace(System.in, server.getOutputStream(), nanosPerByte), "slow-link-in");
            requests.setDaemon(true);
            requests.start();
        }
        LinkedBlockingQueue<Due> link = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> carry(server.getInputStream(), link, delay, nanosPerByte), "slow-link");
        reader.setDaemon(true);
        reader.start();
        OutputStream out = System.out;
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
        System.exit(server.waitFor());
    }

    /**
     * Passes every line of {@code requests} on to {@code server} once its bytes have crossed the link,
     * {@code nanosPerByte} each, after the line before; closes {@code server} at the end of the requests.
     */
    private static void pace(InputStream requests, OutputStream server, double nanosPerByte) {
        try (InputStream in = new BufferedInputStream(requests); OutputStream out = server) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long lastDue = 0;
            for (int next = in.read(); next >= 0; next = in.read()) {
                line.write(next);
                if (next == '\n') {
                    long due = Math.max(System.nanoTime(), lastDue) + (long) (line.size() * nanosPerByte);
                    lastDue = due;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    line.writeTo(out);
                    line.reset();
                    if (in.available() == 0) {
                        out.flush();
                    }
                }
            }
        } catch (IOException e) {
            // the server or invs is gone: end the link
        }
    }

    /**
     * Puts every line of {@code replies} on the link as it comes, due {@code delay} later and once its
     * bytes have crossed, {@code nanosPerByte} each, after the line before; then the end.
     */
    private static void carry(InputStream replies, LinkedBlockingQueue<Due> link, long delay, double nanosPerByte) {
        try (InputStream in = new BufferedInputStream(replies)) {
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
            // the server is gone: end the link
        }
        link.add(new Due(System.nanoTime(), END));
    }
}
