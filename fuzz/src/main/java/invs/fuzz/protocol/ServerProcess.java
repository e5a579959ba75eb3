package invs.fuzz.protocol;

import invs.conformance.trace.TraceLimits;
import invs.conformance.trace.Utf8Text;
import invs.spec.AllowReadWrite;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;

/**
 * One server child process and its pipes: requests go to its standard input, replies come from its
 * standard output, one line each ({@link ReplyQueue}, lines of at most {@link #MAX_LINE} bytes, or room for
 * twice the largest read-write buffer invs has allowed in its requests, whichever is more); the last
 * lines of its standard error are kept for reports ({@link StderrTail}). The server runs in a process
 * group of its own ({@link ProcessGroup}), killed whole when invs gives up on it.
 *
 * <p>Every exchange returns within its timeout: the reply is awaited on the queue until the deadline (a
 * dead server is noticed within a tenth of a second, even when a child it left behind keeps its output
 * open), and a watchdog thread kills a server whose standard input is still blocked at the deadline. The
 * first failure breaks the process for good: its group is killed and every later exchange fails with the
 * same message.
 *
 * <p>A server that announces pipelining gets batches of requests ({@link #pipeline}) written by a
 * {@link RequestWriter} thread while the replies are read, so that neither side waits for the other on a
 * full pipe.
 */
final class ServerProcess {
    /** The largest buffer a reply may always show: 4 MiB. */
    static final int MAX_BUFFER = 4 << 20;
    /** The longest reply line: room for a buffer of {@link #MAX_BUFFER} bytes in hexadecimal, and 64 KiB more. */
    static final int MAX_LINE = replyLine(MAX_BUFFER);
    private static final int PROBLEM_CHARS = 2000;
    private static final long WATCH_INTERVAL_MILLIS = 20;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long STOP_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** The longest wait invs computes a deadline for (about 146 years), so that deadlines never overflow. */
    private static final long LONGEST_NANOS = Long.MAX_VALUE / 2;
    private static final Set<ServerProcess> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Thread watchdog = new Thread(ServerProcess::watch, "invs-server-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(server -> ProcessGroup.kill(server.process)),
                "invs-server-reaper"));
    }

    private final String command;
    private final Process process;
    private final ReplyQueue replies;
    private final OutputStream requests;
    private final StderrTail stderr;
    private RequestWriter writer;
    private long nextId = 1;
    private ProtocolFailure broken;
    /** When the current exchange must be answered (System.nanoTime), 0 when none is under way. */
    private volatile long deadline;
    /** When a stopped process is killed if it has not exited (System.nanoTime), 0 when not stopped. */
    private volatile long reapAt;

    private ServerProcess(String command, Process process) {
        this.command = command;
        this.process = process;
        this.replies = new ReplyQueue(process.getInputStream(), MAX_LINE, "invs-server-" + process.pid() + "-out");
        this.requests = process.getOutputStream();
        this.stderr = new StderrTail(process.getErrorStream(), "invs-server-" + process.pid() + "-err");
    }

    /** Starts {@code command} through the shell. @throws ProtocolFailure when it cannot be started */
    static ServerProcess start(String command) {
        try {
            ServerProcess server = new ServerProcess(command, ProcessGroup.start(command));
            LIVE.add(server);
            return server;
        } catch (IOException e) {
            throw new ProtocolFailure("cannot start the server `" + command + "`: " + e.getMessage());
        }
    }

    /** Whether an exchange has failed (the process is then killed). */
    boolean broken() {
        return broken != null;
    }

    /**
     * Sends the request {@code build} makes with the next id and returns the reply with the same id.
     *
     * @throws ProtocolFailure when there is no valid reply within {@code timeout}
     */
    Reply exchange(LongFunction<Request> build, Duration timeout) {
        if (broken != null) {
            throw broken;
        }
        Request request = next(build);
        long due = due(timeout);
        try {
            requests.write(RequestWriter.line(request));
            requests.flush();
        } catch (IOException e) {
            // the server closed its input or died: what it wrote before says more
        }
        try {
            return reply(request, due, timeout);
        } finally {
            deadline = 0;
        }
    }

    /**
     * Sends the requests {@code builds} make, with consecutive ids, without waiting for their replies:
     * {@code window} at a time, the next ones once the replies to those have come. Hands each request and
     * its reply, in order, to {@code answered}, which may stop the batch by throwing (a failure from
     * {@link #fail}). Each reply is due within {@code timeout} of the one before it (the first, of sending).
     *
     * @throws ProtocolFailure when a reply is missing or not valid, as {@link #exchange} does
     */
    void pipeline(List<LongFunction<Request>> builds, int window, Duration timeout, BiConsumer<Request, Reply> answered) {
        for (int from = 0; from < builds.size(); from += window) {
            if (broken != null) {
                throw broken;
            }
            List<Request> sent = new ArrayList<>();
            for (LongFunction<Request> build : builds.subList(from, Math.min(builds.size(), from + window))) {
                sent.add(next(build));
            }
            long due = due(timeout);
            writer().send(sent);
            try {
                for (Request request : sent) {
                    answered.accept(request, reply(request, due, timeout));
                    due = due(timeout);
                }
            } finally {
                deadline = 0;
            }
        }
    }

    /** The request {@code build} makes with the next id; the reply line may show the buffer it allows. */
    private Request next(LongFunction<Request> build) {
        Request request = build.apply(nextId++);
        if (request instanceof Request.Apply(long id, AllowReadWrite allow)) {
            replies.raiseLimit(replyLine(allow.length()));
        }
        return request;
    }

    /** The deadline of a reply due within {@code timeout} from now, also set for the watchdog. */
    private long due(Duration timeout) {
        long due = System.nanoTime() + Math.min(nanos(timeout), LONGEST_NANOS);
        deadline = due == 0 ? 1 : due;
        return due;
    }

    private RequestWriter writer() {
        if (writer == null) {
            writer = new RequestWriter(requests, "invs-server-" + process.pid() + "-in");
        }
        return writer;
    }

    /** The reply to {@code request}, which has been sent: the next non-blank line until {@code due}, decoded. */
    private Reply reply(Request request, long due, Duration timeout) {
        ReplyQueue.Received.Line line = await(request, due, timeout);
        if (line.reply().isLeft()) {
            throw fail("the server answered " + request.describe() + " with a malformed reply ("
                    + line.reply().getLeft().getMessage() + "): " + shown(line.bytes()));
        }
        Reply reply = line.reply().get();
        if (reply.id() != request.id()) {
            throw fail("the server answered " + request.describe() + " with a reply for request " + reply.id()
                    + ": " + shown(line.bytes()));
        }
        return reply;
    }

    /** Waits for the next non-blank line until {@code due}. */
    private ReplyQueue.Received.Line await(Request request, long due, Duration timeout) {
        boolean deadSeen = false;
        while (true) {
            long left = due - System.nanoTime();
            if (left <= 0) {
                throw timedOut(request, timeout);
            }
            ReplyQueue.Received received;
            try {
                received = replies.poll(Math.min(left, POLL_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw fail("invs was interrupted while waiting for the answer to " + request.describe());
            }
            switch (received) {
                case null -> {
                    if (deadSeen) {
                        throw exited(request, due, timeout);
                    }
                    deadSeen = !process.isAlive();
                }
                case ReplyQueue.Received.Line line -> {
                    if (!line.blank()) {
                        return line;
                    }
                }
                case ReplyQueue.Received.Flooded flooded -> throw fail("the server flooded its standard output: more than "
                        + TraceLimits.size(flooded.limit()) + " without a line feed, answering " + request.describe()
                        + "; invs stopped it");
                case ReplyQueue.Received.Ended ended -> throw exited(request, due, timeout);
            }
        }
    }

    private ProtocolFailure timedOut(Request request, Duration timeout) {
        return fail("the server did not answer " + request.describe() + " within " + nanos(timeout) / 1_000_000
                + " ms; invs stopped it");
    }

    /** The failure for a server whose output ended: it exited, or the watchdog killed it at the deadline. */
    private ProtocolFailure exited(Request request, long due, Duration timeout) {
        if (System.nanoTime() - due >= 0) {
            return timedOut(request, timeout);
        }
        String status = exitStatus(Math.min(TimeUnit.SECONDS.toNanos(1), due - System.nanoTime()));
        return fail(status == null ? "the server closed its standard output before answering " + request.describe()
                : "the server exited" + status + " before answering " + request.describe());
    }

    /** Marks the process broken with {@code problem} (and its last standard error lines), kills it, returns the failure. */
    ProtocolFailure fail(String problem) {
        if (broken == null) {
            ProcessGroup.kill(process);
            LIVE.remove(this);
            replies.close();
            if (writer != null) {
                writer.close();
            }
            stderr.awaitEnd(500);
            broken = new ProtocolFailure(Utf8Text.printable(problem, PROBLEM_CHARS) + stderrTail());
        }
        return broken;
    }

    /** Ends the process politely: a {@code bye} request, closed pipes, and a kill after two seconds if still alive. */
    void stop() {
        if (broken == null) {
            if (writer != null) {
                writer.close();
            }
            try {
                requests.write(RequestWriter.line(new Request.Bye(nextId++)));
                requests.flush();
                requests.close();
            } catch (IOException e) {
                // the process is gone already
            }
            broken = new ProtocolFailure("the server was stopped");
        }
        reapAt = System.nanoTime() + STOP_GRACE_NANOS;
    }

    /** The watchdog's loop: kills servers blocked past their deadline, and stopped servers that did not exit in time. */
    private static void watch() {
        while (true) {
            try {
                Thread.sleep(WATCH_INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (ServerProcess server : LIVE) {
                long due = server.deadline;
                if (due != 0 && now - due > POLL_NANOS) {
                    // the exchange is stuck writing the request: killing the group breaks the pipe
                    ProcessGroup.kill(server.process);
                }
                long reap = server.reapAt;
                if (reap != 0 && (now - reap > 0 || !server.process.isAlive())) {
                    ProcessGroup.kill(server.process);
                    LIVE.remove(server);
                    server.replies.close();
                }
            }
        }
    }

    /** " with status N" once the process has exited (waiting up to {@code nanos}), null if it is still alive. */
    private String exitStatus(long nanos) {
        try {
            if (process.waitFor(Math.max(0, nanos), TimeUnit.NANOSECONDS)) {
                return " with status " + process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
        return null;
    }

    private String stderrTail() {
        List<String> lines = stderr.lines();
        if (lines.isEmpty()) {
            return " (nothing on its standard error)";
        }
        return "; the last lines on its standard error:\n    " + String.join("\n    ", lines);
    }

    /** The start of {@code line} for a message (decoding only what is shown). */
    private static String shown(byte[] line) {
        return JsonFields.shown(new String(line, 0, Math.min(line.length, 256), StandardCharsets.UTF_8));
    }


    /** The longest reply line that may show a buffer of {@code buffer} bytes: its hexadecimal and 64 KiB more. */
    private static int replyLine(int buffer) {
        return (int) Math.min(Integer.MAX_VALUE - 8, 2L * buffer + 64 * 1024);
    }

    /** {@code duration} in nanoseconds, or {@link Long#MAX_VALUE} when it is longer than that. */
    static long nanos(Duration duration) {
        try {
            return Math.max(0, duration.toNanos());
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public String toString() {
        return "server `" + command + "` (pid " + process.pid() + ")";
    }
}
