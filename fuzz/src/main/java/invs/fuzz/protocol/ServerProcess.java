package invs.fuzz.protocol;

import invs.conformance.trace.TraceFormatException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * One server child process and its two pipes: requests go to its standard input, replies come from its
 * standard output, one line each; its standard error is kept (the last lines) for reports. Every exchange
 * has a deadline, enforced by a watchdog thread that looks at every live server a few times a second and
 * kills those past their deadline (two volatile writes per exchange instead of a timer task, which would
 * wake a thread on every request). The first failure breaks the process for good: it is killed and every
 * later exchange fails with the same message.
 */
final class ServerProcess {
    private static final int STDERR_LINES = 12;
    private static final long WATCH_INTERVAL_MILLIS = 20;
    private static final long STOP_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final Set<ServerProcess> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Thread watchdog = new Thread(ServerProcess::watch, "invs-server-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(server -> kill(server.process)),
                "invs-server-reaper"));
    }

    private final String command;
    private final Process process;
    private final BufferedReader replies;
    private final Writer requests;
    private final ArrayDeque<String> stderr = new ArrayDeque<>();
    private final Thread drain;
    private long nextId = 1;
    private ProtocolFailure broken;
    /** When the current exchange must be answered (System.nanoTime), 0 when none is under way. */
    private volatile long deadline;
    /** When a stopped process is killed if it has not exited (System.nanoTime), 0 when not stopped. */
    private volatile long reapAt;
    private volatile boolean expired;

    private ServerProcess(String command, Process process) {
        this.command = command;
        this.process = process;
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.drain = new Thread(this::drainStderr, "invs-server-stderr");
        drain.setDaemon(true);
        drain.start();
    }

    /** Starts {@code command} through the shell. @throws ProtocolFailure when it cannot be started */
    static ServerProcess start(String command) {
        List<String> shell = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                ? List.of("cmd.exe", "/c", command) : List.of("/bin/sh", "-c", command);
        try {
            ServerProcess server = new ServerProcess(command, new ProcessBuilder(shell).start());
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
        Request request = build.apply(nextId++);
        expired = false;
        deadline = System.nanoTime() + timeout.toNanos();
        String line;
        try {
            requests.write(JsonFields.line(request.encode()));
            requests.write('\n');
            requests.flush();
            line = replies.readLine();
            while (line != null && line.isBlank()) {
                line = replies.readLine();
            }
        } catch (IOException e) {
            line = null;
        } finally {
            deadline = 0;
        }
        if (expired) {
            throw fail("the server did not answer " + request.describe() + " within " + timeout.toMillis()
                    + " ms; invs stopped it");
        }
        if (line == null) {
            throw fail("the server exited" + exitStatus() + " before answering " + request.describe());
        }
        Reply reply;
        try {
            reply = Reply.decode(line);
        } catch (TraceFormatException e) {
            throw fail("the server answered " + request.describe() + " with a malformed reply ("
                    + e.getMessage() + "): " + JsonFields.shown(line));
        }
        if (reply.id() != request.id()) {
            throw fail("the server answered " + request.describe() + " with a reply for request " + reply.id()
                    + ": " + JsonFields.shown(line));
        }
        return reply;
    }

    /** Marks the process broken with {@code problem} (and its last standard error lines), kills it, returns the failure. */
    ProtocolFailure fail(String problem) {
        if (broken == null) {
            kill(process);
            LIVE.remove(this);
            try {
                drain.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            broken = new ProtocolFailure(problem + stderrTail());
        }
        return broken;
    }

    /** Ends the process politely: a {@code bye} request, closed pipes, and a kill after two seconds if still alive. */
    void stop() {
        if (broken == null) {
            try {
                requests.write(JsonFields.line(new Request.Bye(nextId++).encode()));
                requests.write('\n');
                requests.flush();
                requests.close();
            } catch (IOException e) {
                // the process is gone already
            }
            broken = new ProtocolFailure("the server was stopped");
        }
        reapAt = System.nanoTime() + STOP_GRACE_NANOS;
    }

    /** The watchdog's loop: kills servers past their deadline, and stopped servers that did not exit in time. */
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
                if (due != 0 && now - due > 0) {
                    server.expired = true;
                    kill(server.process);
                }
                long reap = server.reapAt;
                if (reap != 0 && (now - reap > 0 || !server.process.isAlive())) {
                    kill(server.process);
                    LIVE.remove(server);
                }
            }
        }
    }

    private String exitStatus() {
        try {
            if (process.waitFor(1, TimeUnit.SECONDS)) {
                return " with status " + process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }

    private String stderrTail() {
        synchronized (stderr) {
            if (stderr.isEmpty()) {
                return " (nothing on its standard error)";
            }
            return "; the last lines on its standard error:\n    " + String.join("\n    ", stderr);
        }
    }

    private void drainStderr() {
        try (BufferedReader errors = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line = errors.readLine(); line != null; line = errors.readLine()) {
                synchronized (stderr) {
                    if (stderr.size() == STDERR_LINES) {
                        stderr.removeFirst();
                    }
                    stderr.addLast(line.length() > 300 ? line.substring(0, 300) + "…" : line);
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    private static void kill(Process process) {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return "server `" + command + "` (pid " + process.pid() + ")";
    }
}
