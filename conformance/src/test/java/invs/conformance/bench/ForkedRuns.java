package invs.conformance.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a benchmark's main class again in a fresh JVM of the same Java and class path, and hands back what
 * it printed: figures that depend on how the JIT compiled one JVM's code vary more between JVMs than
 * between rounds in one, so a benchmark takes the median over several.
 */
final class ForkedRuns {
    private ForkedRuns() {
    }

    /** The lines {@code main} printed, run with {@code args} in a fresh JVM; fails when it does. */
    static List<String> run(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx4g", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = process.waitFor();
            if (status != 0) {
                throw new IllegalStateException(main.getSimpleName() + " " + String.join(" ", args) + " exited with " + status);
            }
            return output.lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + main.getSimpleName() + " in a fresh JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + main.getSimpleName() + " ran", e);
        }
    }
}
