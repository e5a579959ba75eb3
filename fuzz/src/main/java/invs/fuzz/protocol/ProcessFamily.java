package invs.fuzz.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A server process and every process it started, so that when invs gives up on a server nothing it
 * started survives, not even a child it left behind (a {@code sleep 40 &} that still holds the server's
 * standard output after the server exited, a daemon that started a session of its own). The server and
 * its live descendants are killed through their process handles; where {@code /proc} exists (Linux), so is
 * every process that carries the family's mark in its environment ({@value #MARK}, inherited by whatever
 * the server starts) or that holds one of the server's pipes, except invs's other children (a server being
 * started holds copies of invs's descriptors for a moment). Elsewhere only the server and its live
 * descendants can be found.
 *
 * <p>The server stays in invs's session and process group: in a session of its own, Linux's scheduler
 * would treat it as another user's work (autogroups), which slows every round trip on a busy machine.
 */
final class ProcessFamily {
    /** The environment variable that marks the processes of a family. */
    static final String MARK = "INVS_SERVER";
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    private static final Path PROC = Path.of("/proc");
    private static final AtomicLong FAMILIES = new AtomicLong();
    /** The most scans of {@code /proc} one kill makes. */
    private static final int SCANS = 50;
    /** How many scans in a row that find nothing end a kill. */
    private static final int QUIET_SCANS = 3;

    private final Process process;
    private final byte[] mark;
    private final Set<String> pipes;

    private ProcessFamily(Process process, String id) {
        this.process = process;
        this.mark = (MARK + "=" + id).getBytes(StandardCharsets.UTF_8);
        this.pipes = pipesOf(process.pid());
    }

    /** Starts {@code command} through the shell ({@code /bin/sh -c}, on Windows {@code cmd.exe /c}), marked. */
    static ProcessFamily start(String command) throws IOException {
        String id = "invs-" + ProcessHandle.current().pid() + "-" + FAMILIES.incrementAndGet();
        ProcessBuilder builder = new ProcessBuilder(WINDOWS ? List.of("cmd.exe", "/c", command) : List.of("/bin/sh", "-c", command));
        builder.environment().put(MARK, id);
        return new ProcessFamily(builder.start(), id);
    }

    /** The server process (the shell running its command). */
    Process process() {
        return process;
    }

    /** " with status N" once the server process has exited (waiting up to {@code nanos}), null if it is still alive. */
    String exitStatus(long nanos) {
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

    /**
     * Kills the server, its live descendants, and every other process of the family or holding its pipes.
     * {@code /proc} is scanned again until {@link #QUIET_SCANS} scans in a row find none (at most
     * {@link #SCANS}): a process of the family that forks while a scan runs (a daemon forking itself away,
     * fork and setsid and fork) has a child the scan may not see, which the next one kills.
     */
    void kill() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        if (!Files.isDirectory(PROC)) {
            return;
        }
        Set<Long> killed = new HashSet<>();
        for (int scan = 0, quiet = 0; scan < SCANS && quiet < QUIET_SCANS; scan++) {
            quiet = killFound(killed) > 0 ? 0 : quiet + 1;
        }
    }

    /**
     * Kills every live process of the family or holding its pipes found in one scan of {@code /proc}, newest
     * first (the highest process ids) and each as soon as it is found, so that a process forking itself away
     * every few milliseconds is caught between two forks; how many not in {@code killed} (to which they are
     * added: one that takes its time to die, in an uninterruptible wait, is not found again and again).
     */
    private long killFound(Set<Long> killed) {
        long self = ProcessHandle.current().pid();
        List<Long> pids;
        try (Stream<Path> entries = Files.list(PROC)) {
            pids = entries.map(entry -> entry.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong).filter(pid -> pid != self).sorted(Comparator.reverseOrder()).toList();
        } catch (IOException | UncheckedIOException e) {
            return 0; // /proc went away: nothing more can be found
        }
        long found = 0;
        for (long pid : pids) {
            Path entry = PROC.resolve(Long.toString(pid));
            if ((marked(entry) || holdsPipe(entry) && !startedByInvs(entry, self))
                    && ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false) && killed.add(pid)) {
                found++;
            }
        }
        return found;
    }

    /**
     * Whether the process at {@code entry} of {@code /proc} is a child of invs ({@code self}) other than this
     * family's server: another server being started. Until it runs its command, such a child holds copies of
     * every descriptor invs has open, the ends of this family's pipes among them; it is none of this
     * family's, and killing it would kill the next server (status 137, before its {@code hello}).
     */
    private boolean startedByInvs(Path entry, long self) {
        long pid = Long.parseLong(entry.getFileName().toString());
        return pid != process.pid() && ProcessHandle.of(pid).flatMap(ProcessHandle::parent)
                .map(parent -> parent.pid() == self).orElse(false);
    }

    /** Whether the environment of the process at {@code entry} of {@code /proc} holds the family's mark. */
    private boolean marked(Path entry) {
        byte[] environment;
        try {
            environment = Files.readAllBytes(entry.resolve("environ"));
        } catch (IOException e) {
            return false; // not ours to read, or gone
        }
        for (int start = 0; start < environment.length; ) {
            int end = start;
            while (end < environment.length && environment[end] != 0) {
                end++;
            }
            if (Arrays.equals(environment, start, end, mark, 0, mark.length)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /** Whether the process at {@code entry} of {@code /proc} holds one of the server's pipes. */
    private boolean holdsPipe(Path entry) {
        if (pipes.isEmpty()) {
            return false;
        }
        try (Stream<Path> fds = Files.list(entry.resolve("fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return pipes.contains(Files.readSymbolicLink(fd).toString());
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return false; // not ours to look at, or gone
        }
    }

    /** The pipes of the standard input and output of process {@code pid} ({@code pipe:[inode]}); empty without /proc. */
    private static Set<String> pipesOf(long pid) {
        Set<String> found = new HashSet<>();
        for (int fd = 0; fd <= 1; fd++) {
            try {
                String target = Files.readSymbolicLink(PROC.resolve(Long.toString(pid)).resolve("fd")
                        .resolve(Integer.toString(fd))).toString();
                if (target.startsWith("pipe:")) {
                    found.add(target);
                }
            } catch (IOException | UnsupportedOperationException e) {
                // no /proc, or the process is gone already
            }
        }
        return Set.copyOf(found);
    }
}
