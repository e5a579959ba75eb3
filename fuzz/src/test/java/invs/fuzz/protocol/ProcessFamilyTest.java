package invs.fuzz.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What killing a server's family kills: a process the server left behind holding its pipes, and not
 * another child of invs that holds them (a server being started holds copies of invs's descriptors until
 * it runs its command). Needs {@code /proc} (Linux), where families are found by their pipes.
 */
class ProcessFamilyTest {
    @BeforeAll
    static void needsProc() {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")),
                "families are found by their pipes only where /proc exists (Linux)");
    }

    private static String pipe(long pid, int fd) throws IOException {
        return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "fd", Integer.toString(fd))).toString();
    }

    private static String firstLine(Process process) throws IOException {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }

    @Test
    void anotherChildOfInvsHoldingTheServersPipeSurvivesTheKill() throws Exception {
        ProcessFamily family = ProcessFamily.start("exec sleep 60");
        long server = family.process().pid();
        Process sibling = new ProcessBuilder("/bin/sh", "-c", "exec 3<>/proc/" + server + "/fd/1; echo held; exec sleep 60")
                .start();
        try {
            assertEquals("held", firstLine(sibling));
            assertEquals(pipe(server, 1), pipe(sibling.pid(), 3), "the sibling holds the server's standard output");
            family.kill();
            assertTrue(family.process().waitFor(10, TimeUnit.SECONDS), "the server is killed");
            assertFalse(sibling.waitFor(500, TimeUnit.MILLISECONDS), "the other child of invs is left alone");
        } finally {
            sibling.destroyForcibly();
            family.kill();
        }
    }

    @Test
    void aProcessTheServerLeftBehindWithItsPipeIsKilledEvenUnmarked() throws Exception {
        // env -i: the sleeper does not carry the family's mark; it holds the server's standard output
        ProcessFamily family = ProcessFamily.start("env -i sleep 60 & echo $!; exec sleep 60");
        try {
            long sleeper = Long.parseLong(firstLine(family.process()).strip());
            ProcessHandle handle = ProcessHandle.of(sleeper).orElseThrow();
            Path process = Path.of("/proc", Long.toString(sleeper));
            long due = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.readString(process.resolve("comm")).strip().equals("sleep") && System.nanoTime() - due < 0) {
                Thread.sleep(10); // the shell's child is not yet sleep, run by env with no environment
            }
            Path environ = process.resolve("environ");
            assertFalse(Files.readString(environ).contains(ProcessFamily.MARK), "the sleeper is unmarked");
            family.kill();
            assertTrue(handle.onExit().get(10, TimeUnit.SECONDS) != null, "the sleeper is killed");
            assertFalse(handle.isAlive());
        } finally {
            family.kill();
        }
    }
}
