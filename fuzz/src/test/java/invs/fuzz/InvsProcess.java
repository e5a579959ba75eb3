package invs.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of the real command line ({@code target/invs.jar}) in a child JVM with a small heap
 * ({@code -Xmx256m}), as a user would run it: its exit code, its output, how long it took, and the
 * processes the servers it started wrote down (a server appends its pid to the file named by the
 * environment variable {@code HOSTILE_PIDS}).
 *
 * @param exit the exit code
 * @param out  standard output
 * @param err  standard error
 * @param took the wall-clock time
 * @param pids the processes started on its behalf
 */
record InvsProcess(int exit, String out, String err, Duration took, List<Long> pids) {
    static final Path JAR = Path.of("target", "invs.jar").toAbsolutePath();
    /** The heap every run gets: what invs must live within whatever its input. */
    static final String HEAP = "-Xmx256m";

    /** Runs {@code invs args} in {@code directory} with an empty standard input, killing it after {@code limit}. */
    static InvsProcess run(Path directory, Duration limit, String... args) throws IOException, InterruptedException {
        return run(directory, limit, null, args);
    }

    /** Runs {@code invs args} with the file {@code input} (or nothing) on standard input. */
    static InvsProcess run(Path directory, Duration limit, Path input, String... args) throws IOException, InterruptedException {
        return run(directory, limit, input, null, args);
    }

    /**
     * Runs {@code invs args} as {@link #run(Path, Duration, String...)} does, sending it a SIGTERM
     * {@code settle} after {@code servers} servers have written their process ids into {@code HOSTILE_PIDS}
     * (on a loaded machine they start late), or after half of {@code limit} at the latest.
     */
    static InvsProcess terminated(Path directory, int servers, Duration settle, Duration limit, String... args)
            throws IOException, InterruptedException {
        return run(directory, limit, null, new Termination(servers, settle), args);
    }

    /** When to send the SIGTERM: {@code settle} after {@code servers} servers started. */
    private record Termination(int servers, Duration settle) {
        /** Waits for the servers and the settling time, at most until {@code until} (nanoseconds). */
        void await(Process process, Path pids, long until) throws IOException, InterruptedException {
            while (process.isAlive() && System.nanoTime() < until && started(pids).size() < servers) {
                Thread.sleep(100);
            }
            process.waitFor(Math.min(settle.toMillis(), Math.max(0, (until - System.nanoTime()) / 1_000_000)),
                    TimeUnit.MILLISECONDS);
        }
    }

    private static InvsProcess run(Path directory, Duration limit, Path input, Termination termination, String... args)
            throws IOException, InterruptedException {
        Path pids = Files.createTempFile(directory, "pids", ".txt");
        Path out = Files.createTempFile(directory, "out", ".txt");
        Path err = Files.createTempFile(directory, "err", ".txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(input == null ? ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))
                        : ProcessBuilder.Redirect.from(input.toFile()));
        builder.environment().put("HOSTILE_PIDS", pids.toString());
        builder.environment().remove("INVS_DEBUG");
        long start = System.nanoTime();
        Process process = builder.start();
        if (termination != null) {
            termination.await(process, pids, start + limit.toNanos() / 2);
            process.destroy(); // SIGTERM, as kill(1) or a supervisor sends it
        }
        boolean finished = process.waitFor(Math.max(0, limit.toNanos() - (System.nanoTime() - start)), TimeUnit.NANOSECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
        }
        InvsProcess run = new InvsProcess(process.exitValue(), read(out), read(err), took, started(pids));
        assertTrue(finished, "invs " + String.join(" ", args) + " still ran after " + limit + ": " + run);
        return run;
    }

    /** The process ids the servers wrote into {@code pids} so far (a line being written is left out). */
    private static List<Long> started(Path pids) throws IOException {
        return Files.readAllLines(pids).stream().filter(line -> line.matches("[0-9]+")).map(Long::parseLong).toList();
    }

    private static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return new String(bytes, 0, Math.min(bytes.length, 200_000), StandardCharsets.UTF_8);
    }

    /** Asserts the exit code and that standard error is one line starting with {@code invs: } holding {@code fragment}. */
    InvsProcess oneLineError(int code, String fragment) {
        assertEquals(code, exit, this::toString);
        String line = err.strip();
        assertFalse(line.contains("\n"), () -> "more than one line on standard error: " + this);
        assertTrue(line.startsWith("invs: "), this::toString);
        assertTrue(line.contains(fragment), () -> "no '" + fragment + "' in: " + this);
        return this;
    }

    /** Asserts the exit code and that standard output holds {@code fragment}. */
    InvsProcess finding(String fragment) {
        assertEquals(Main.FINDING, exit, this::toString);
        assertTrue(out.contains(fragment), () -> "no '" + fragment + "' in: " + this);
        return this;
    }

    /** Asserts that nothing shows a stack trace, an internal error or a raw control character. */
    InvsProcess clean() {
        for (String text : List.of(out, err)) {
            assertFalse(text.contains("\tat ") || text.contains("Exception in thread") || text.contains("internal error")
                    || text.contains("OutOfMemoryError"), this::toString);
            assertTrue(text.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r'),
                    () -> "a raw control character in: " + this);
        }
        return this;
    }

    /** Asserts that the run took less than {@code seconds}. */
    InvsProcess within(long seconds) {
        assertTrue(took.toSeconds() < seconds, () -> "took " + took + " (bound " + seconds + " s): " + this);
        return this;
    }

    /** Asserts that every process a server wrote down is gone (a zombie waiting for its parent counts as gone). */
    InvsProcess noProcessLeft() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        for (long pid : pids) {
            while (alive(pid) && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertFalse(alive(pid), () -> "process " + pid + " outlived invs: " + this);
        }
        return this;
    }

    private static boolean alive(long pid) {
        if (!Files.isDirectory(Path.of("/proc"))) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false; // no such process, or it went away while we looked
        }
    }

    @Override
    public String toString() {
        String shown = pids.size() <= 20 ? pids.toString() : pids.subList(0, 20) + " and " + (pids.size() - 20) + " more";
        return "exit " + exit + " after " + took.toMillis() + " ms, pids " + shown + "\n--- out\n"
                + (out.length() > 4000 ? out.substring(0, 4000) + "…" : out) + "--- err\n"
                + (err.length() > 4000 ? err.substring(0, 4000) + "…" : err);
    }
}
