package invs.fuzz.protocol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Server processes in a process group of their own, so that when invs gives up on a server it can kill
 * everything the server started, including children it left behind (a {@code sleep 40 &} that still holds
 * the server's standard output after the server exited). On systems with {@code setsid} (Linux) the shell
 * that runs the server's command starts a new session and process group whose id is its pid, and a kill
 * sends SIGKILL to the whole group; elsewhere the server and its live descendants are killed one by one.
 */
final class ProcessGroup {
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    private static final Optional<Path> SETSID = WINDOWS ? Optional.empty()
            : Stream.of("/usr/bin/setsid", "/bin/setsid").map(Path::of).filter(Files::isExecutable).findFirst();

    private ProcessGroup() {
    }

    /** Starts {@code command} through the shell, in a process group of its own where possible. */
    static Process start(String command) throws IOException {
        List<String> shell = WINDOWS ? List.of("cmd.exe", "/c", command)
                : SETSID.map(setsid -> List.of(setsid.toString(), "/bin/sh", "-c", command))
                        .orElse(List.of("/bin/sh", "-c", command));
        return new ProcessBuilder(shell).start();
    }

    /**
     * Kills {@code process}, its live descendants and, where servers have their own group, every process
     * left in that group (whether or not {@code process} is still alive). Returns at once if there is
     * nothing to kill.
     */
    static void kill(Process process) {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        if (SETSID.isPresent()) {
            killGroup(process.pid());
        }
    }

    /** SIGKILL to the process group {@code id} (the pid of the server's shell, which leads its group). */
    private static void killGroup(long id) {
        try {
            Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -9 -" + id + " 2>/dev/null")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
            if (!kill.waitFor(2, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
            }
        } catch (IOException e) {
            // no shell to send the signal: the server itself was killed above
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
