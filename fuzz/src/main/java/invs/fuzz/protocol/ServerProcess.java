package invs.fuzz.protocol;

import invs.conformance.trace.LineReader;
import invs.conformance.trace.LineTooLongException;
import invs.conformance.trace.TraceFormatException;
import invs.conformance.trace.Utf8Text;
import invs.spec.AllowReadWrite;
import invs.spec.Observation;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * One server child process and its pipes: requests go to its standard input, replies come from its
 * standard output, one line each, of at most {@link #MAX_LINE} bytes (or room for twice the largest
 * read-write buffer invs has allowed in its requests, whichever is more); the last lines of its standard
 * error are kept for reports ({@link StderrTail}). When invs gives up on a server, it kills it with
 * every process it started ({@link ProcessFamily}).
 *
 * <p>Every exchange returns within its timeout. The reply is read directly (one thread wake-up per
 * reply), and the {@link ServerWatchdog} ends a read that would go on too long: at the deadline, or when
 * the server dies during the exchange, it kills the server's family, which closes the pipes even when a
 * child the server left behind holds them, and kills it again every {@link #KILL_AGAIN_NANOS} while the
 * read still blocks (a process forked away during the kill). The first failure breaks the process for
 * good: every later exchange fails with the same message.
 *
 * <p>A server that announces pipelining gets batches of requests ({@link #send}) written by a
 * {@link RequestWriter} thread while the replies are read ({@link #receive}), so that neither side waits
 * for the other on a full pipe; each reply is due within the timeout of the moment invs asks for it.
 * Before it blocks on a reply invs polls for it ({@link SpinningInput}): always, for a request sent alone;
 * for batches, only while polling pays.
 */
final class ServerProcess {
    /**
     * The longest reply line before invs has allowed a read-write buffer: 64 KiB. A reply shows no more than
     * the buffer its app allowed (and a longer one is a finding anyway), so a server cannot make invs hold
     * megabytes per reply, each kept with the step that shows it, by lying about a buffer.
     */
    static final int MAX_LINE = ReplyLines.longest(0);
    private static final int PROBLEM_CHARS = 2000;
    private static final long STOP_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long KILL_AGAIN_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    /** The longest wait invs computes a deadline for (about 146 years), so that deadlines never overflow. */
    private static final long LONGEST_NANOS = Long.MAX_VALUE / 2;

    /**
     * How long invs polls for the reply to a request sent alone before it blocks waiting for it, every
     * time: one millisecond (a server answering one request at a time most often answers within it).
     */
    static final long ONE_AT_A_TIME_SPIN_NANOS = 1_000_000;

    private final String command;
    private final ProcessFamily family;
    private final Process process;
    private final SpinningInput input;
    private final LineReader replies;
    private final OutputStream requests;
    private final StderrTail stderr;
    /** The lines of requests sent one at a time, from the thread that drives this server. */
    private final LineEncoder lines = new LineEncoder();
    private RequestWriter writer;
    /** What each app's yields showed last, once the server agreed to leave out a buffer shown again; else null. */
    private ShownBuffers shown;
    private long nextId = 1;
    /** Requests {@link #send sent} and not yet answered; its size is the window the last {@link #send} said. */
    private final RequestWindow window = new RequestWindow();
    private ProtocolFailure broken;
    /** When the current exchange must be answered (System.nanoTime), 0 when none is under way. */
    private volatile long deadline;
    /** Whether the watchdog stopped the server at the deadline of the current exchange. */
    private volatile boolean expired;
    /** Whether the watchdog stopped the server during the current exchange, and when it last killed it (System.nanoTime). */
    private volatile boolean stopped;
    private volatile long killedAt;
    /** When a stopped process is killed if it has not exited (System.nanoTime), 0 when not stopped. */
    private volatile long reapAt;

    private ServerProcess(String command, ProcessFamily family) {
        this.command = command;
        this.family = family;
        this.process = family.process();
        this.input = new SpinningInput(process.getInputStream(), ONE_AT_A_TIME_SPIN_NANOS);
        this.replies = new LineReader(input, MAX_LINE);
        this.requests = process.getOutputStream();
        this.stderr = new StderrTail(process.getErrorStream(), "invs-server-" + process.pid() + "-err");
    }

    /** Starts {@code command} through the shell. @throws ProtocolFailure when it cannot be started */
    static ServerProcess start(String command) {
        try {
            return ServerWatchdog.started(() -> new ServerProcess(command, ProcessFamily.start(command)));
        } catch (IOException e) {
            throw new ProtocolFailure("cannot start the server `" + command + "`: " + e.getMessage());
        }
    }

    /** Lets a yield's reply leave out the buffer its app showed last, put back by invs: once hello agreed to it. */
    void useSameBuffer() {
        shown = new ShownBuffers();
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
        if (awaiting() > 0) {
            throw new IllegalStateException(awaiting() + " requests sent wait for their replies");
        }
        Request request = next(build);
        long due = begin(timeout);
        input.pollAlways(ONE_AT_A_TIME_SPIN_NANOS);
        try {
            refuseUnasked(request);
            write(request);
            return reply(new AwaitedReply(request, null), due, timeout);
        } finally {
            deadline = 0;
        }
    }

    /**
     * Fails when the server wrote a non-blank line no request asked for (a second reply?) before
     * {@code request} is sent, so that it is told in the sequence that caused it, not taken for the reply;
     * before a reset such lines (the last sequence's, found too late to fail it) are dropped.
     */
    private void refuseUnasked(Request request) {
        try {
            while (replies.buffered() > 0 || input.available() > 0) {
                byte[] line = replies.next();
                if (line == null || expired) {
                    return; // the exchange will say what happened
                }
                if (!ReplyLines.isBlank(line) && !(request instanceof Request.Reset)) { // a reset starts afresh
                    throw fail(ReplyLines.unasked(request.describe(), line));
                }
            }
        } catch (LineTooLongException e) {
            throw fail(ReplyLines.flooded(e, "before " + request.describe()));
        } catch (IOException e) {
            // the exchange will say what happened
        }
    }

    /**
     * Sends the requests {@code builds} make, with consecutive ids, after every request sent before,
     * without waiting for replies: at most {@code window} unanswered at once, the others written as the
     * replies to those are taken ({@link #receive}). {@code forecasts} holds the observations their replies
     * are forecast to show, one for each request from the first, or fewer ({@link AwaitedReply}).
     *
     * @throws ProtocolFailure when an exchange has failed before
     */
    void send(List<LongFunction<Request>> builds, List<Observation> forecasts, int window) {
        if (broken != null) {
            throw broken;
        }
        this.window.resize(window);
        input.pollWhilePaying(ProtocolServer.SPIN_NANOS);
        this.window.queue(builds, forecasts);
        writeQueued();
    }

    /**
     * The reply to the oldest request {@link #send sent} and not yet answered, due within {@code timeout}
     * of this call.
     *
     * @throws ProtocolFailure when the reply is missing or not valid, as {@link #exchange} does
     */
    Reply receive(Duration timeout) {
        if (broken != null) {
            throw broken;
        }
        AwaitedReply awaited = window.oldest();
        if (awaited == null) {
            throw new IllegalStateException("no request sent waits for its reply");
        }
        long due = begin(timeout);
        try {
            Reply reply = reply(awaited, due, timeout);
            writeQueued(); // only once its reply is read does a request leave the window
            return reply;
        } finally {
            deadline = 0;
        }
    }

    /** How many requests {@link #send sent} wait for their replies. */
    int awaiting() {
        return window.awaiting();
    }

    /**
     * Forgets the requests sent and not yet written, and takes and drops the replies to those written, all
     * within {@code timeout} (a slow server's hundreds in flight are not waited for one by one): the server is
     * then ready for the next exchange.
     * @throws ProtocolFailure when a reply is missing, late or not valid
     */
    void discardAwaiting(Duration timeout) {
        window.dropQueued();
        long until = System.nanoTime() + Math.min(nanos(timeout), LONGEST_NANOS);
        while (window.anyUnanswered()) {
            receive(Duration.ofNanos(Math.max(1, until - System.nanoTime())));
        }
    }

    /** Writes as many of the queued requests as the window lets be unanswered, from the writer thread. */
    private void writeQueued() {
        List<AwaitedReply> batch = window.admit(this::next);
        if (!batch.isEmpty()) {
            writer().send(batch);
        }
    }

    /** The request {@code build} makes with the next id; the reply line may show the buffer it allows. */
    private Request next(LongFunction<Request> build) {
        Request request = build.apply(nextId++);
        if (request instanceof Request.Apply(long id, AllowReadWrite allow)) {
            replies.raiseLimit(ReplyLines.longest(allow.length()));
        }
        return request;
    }

    /** Begins an exchange: the deadline of a reply due within {@code timeout} from now, also set for the watchdog. */
    private long begin(Duration timeout) {
        expired = false;
        stopped = false;
        long due = System.nanoTime() + Math.min(nanos(timeout), LONGEST_NANOS);
        deadline = due == 0 ? 1 : due;
        return due;
    }

    private RequestWriter writer() {
        if (writer == null) {
            writer = new RequestWriter(requests, "invs-server-" + process.pid() + "-in", shown != null);
        }
        return writer;
    }

    /** Writes one request line from this thread (the watchdog ends a write the server never reads). */
    private void write(Request request) {
        lines.clear();
        lines.add(request);
        try {
            lines.writeTo(requests);
            requests.flush();
        } catch (IOException e) { // the server closed its input or died: what it wrote before says more
        }
    }

    /**
     * The reply to the request {@code awaited}, which has been sent: the next non-blank line until
     * {@code due}, the forecast when the line is the forecast's, else decoded. A forecast's line already read
     * whole is taken as it lies in the reader's buffer.
     */
    private Reply reply(AwaitedReply awaited, long due, Duration timeout) {
        Reply read = awaited.forecastIfNext(replies); // the forecast's line, read whole already
        if (read != null) {
            return ShownBuffers.filledIn(shown, awaited.request(), read, null, this::fail);
        }
        Request request = awaited.request();
        while (true) {
            byte[] line = receive(request, due, timeout);
            Reply forecast = awaited.forecastIfSame(line);
            if (forecast != null) {
                return ShownBuffers.filledIn(shown, request, forecast, line, this::fail);
            }
            Reply reply;
            try {
                reply = Reply.decode(line);
            } catch (TraceFormatException e) {
                throw fail(ReplyLines.malformed(request.describe(), line, e.getMessage()));
            }
            if (reply.id() == request.id()) {
                return ShownBuffers.filledIn(shown, request, reply, line, this::fail);
            }
            if (!(request instanceof Request.Reset) || reply.id() > request.id()) { // before a reset: the last sequence's
                throw fail("the server answered " + request.describe() + " with a reply for request " + reply.id()
                        + ": " + ReplyLines.shown(line));
            }
        }
    }

    /** Reads the next non-blank line, unless the watchdog stops the server first. */
    private byte[] receive(Request request, long due, Duration timeout) {
        while (true) {
            byte[] line;
            try {
                line = replies.next();
            } catch (LineTooLongException e) {
                throw fail(ReplyLines.flooded(e, "answering " + request.describe()));
            } catch (IOException e) {
                line = null;
            }
            if (expired) {
                throw fail("the server did not answer " + request.describe() + " within " + nanos(timeout) / 1_000_000
                        + " ms; invs stopped it" + ReplyLines.UNFLUSHED);
            }
            if (line == null) {
                String status = family.exitStatus(Math.min(TimeUnit.SECONDS.toNanos(1), due - System.nanoTime()));
                throw fail(status == null ? "the server closed its standard output before answering " + request.describe()
                        : "the server exited" + status + " before answering " + request.describe());
            }
            if (!ReplyLines.isBlank(line)) {
                return line;
            }
        }
    }

    /**
     * The watchdog's look at this server at {@code now}: stops it at the deadline of an exchange or when it
     * died during one, and reaps it once stopped. Returns false when the server needs no more watching.
     */
    boolean check(long now) {
        long due = deadline; // read once: the exchange may end (and set it to 0) meanwhile
        if (due != 0 && !stopped && (now - due >= 0 || !process.isAlive())) {
            expired = now - due >= 0;
            stopped = true;
            killedAt = now;
            kill();
        } else if (due != 0 && stopped && now - killedAt >= KILL_AGAIN_NANOS) {
            // the read of the reply still blocks: a process that escaped the kill holds the pipe
            killedAt = now;
            kill();
        }
        long reap = reapAt;
        if (reap != 0) {
            if (now - reap > 0 || !process.isAlive()) {
                kill();
                return false;
            }
            return true;
        }
        return broken == null;
    }

    /** Kills the server and every process it started. */
    void kill() {
        family.kill();
    }

    /** Marks the process broken with {@code problem} (and its last standard error lines), kills it, returns the failure. */
    ProtocolFailure fail(String problem) {
        if (broken == null) {
            kill();
            ServerWatchdog.remove(this);
            if (writer != null) {
                writer.close();
            }
            stderr.awaitEnd(500);
            broken = new ProtocolFailure(Utf8Text.printable(problem, PROBLEM_CHARS) + stderr.shown());
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
                requests.write(LineEncoder.line(new Request.Bye(nextId++)));
                requests.flush();
                requests.close();
            } catch (IOException e) {
                // the process is gone already
            }
            broken = new ProtocolFailure("the server was stopped");
        }
        reapAt = System.nanoTime() + STOP_GRACE_NANOS;
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
