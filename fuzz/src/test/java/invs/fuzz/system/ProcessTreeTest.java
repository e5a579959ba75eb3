package invs.fuzz.system;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Killing a process tree kills what the process started, not only the process. */
class ProcessTreeTest {
    @Test
    void killingATreeKillsTheChildItStarted() throws Exception {
        long child;
        ProcessHandle childHandle;
        try (ProcessTree tree = ProcessTree.start(new ProcessBuilder(List.of("/bin/sh", "-c", "sleep 300 & echo $!; wait")))) {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(tree.process().getInputStream(),
                    StandardCharsets.UTF_8))) {
                child = Long.parseLong(out.readLine().trim());
                childHandle = ProcessHandle.of(child).orElseThrow();
                assertTrue(childHandle.isAlive());
                tree.kill();
            }
            assertTrue(tree.process().waitFor(10, TimeUnit.SECONDS), "the process ends");
        }
        childHandle.onExit().get(10, TimeUnit.SECONDS);
        assertFalse(childHandle.isAlive(), "the sleep it started, pid " + child + ", was killed too");
    }
}
