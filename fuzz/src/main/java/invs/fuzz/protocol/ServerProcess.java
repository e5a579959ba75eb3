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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;

/**
 * One server child process and its two pipes: requests go to its standard input, replies come from its
 * standard output, one line each; its standard error is kept (the last lines) for reports. Every exchange
 * has a deadline enforced by a watchdog that kills the process. The first failure breaks the process for
 * good: it is killed and every later exchange fails with the same message.
 */
final class ServerProcess {
    private static final int STDERR_LINES = 12;
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ServerProcess::kill), "invs-server-reaper"));
    }

    private final String command;
    private final Process process;
    private final BufferedReader replies;
    private final Writer requests;
    private final ArrayDeque<String> stderr = new ArrayDeque<>();
    private final Thread drain;
    private long nextId = 1;
    private ProtocolFailure broken;

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
            Process process = new ProcessBuilder(shell).start();
            LIVE.add(process);
            return new ServerProcess(command, process);
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
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> {
            expired.set(true);
            kill(process);
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
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
            alarm.cancel(false);
        }
        if (expired.get()) {
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
        WATCHDOG.schedule(() -> kill(process), 2, TimeUnit.SECONDS);
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
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        LIVE.remove(process);
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "invs-server-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    @Override
    public String toString() {
        return "server `" + command + "` (pid " + process.pid() + ")";
    }
}
