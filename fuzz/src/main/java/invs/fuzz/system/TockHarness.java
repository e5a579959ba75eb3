package invs.fuzz.system;

import invs.fuzz.cli.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds and builds the host harness that serves the upstream Tock capsule ({@code impl/tock-harness/serve}):
 * the project's directory comes from the launcher ({@code -Dinvs.home}) or from where the jar lies.
 */
final class TockHarness {
    /** The longest a cold build may take (it compiles the kernel and the capsules). */
    private static final long BUILD_MINUTES = 20;
    /** How much of the end of the build's standard error is read for the line that says why it failed. */

    private TockHarness() {
    }

    /** Builds the harness when needed and returns the shell command that serves it. @throws UserError when it cannot */
    static String build() {
        Path serve = home().resolve("impl").resolve("tock-harness").resolve("serve");
        if (!Files.isExecutable(serve)) {
            throw new UserError("--sut tock-capsule needs " + serve + ", which is not there (run invs from its repository)");
        }
        Path log = null;
        try {
            // Standard error goes to a file: a pipe read only so far would stop a build that warns a lot
            // (SIGPIPE), and one read to its end would keep the timeout below from bounding a build that hangs.
            log = Files.createTempFile("invs-tock-harness-build", ".log");
            try (ProcessTree build = ProcessTree.start(new ProcessBuilder(List.of(serve.toString(), "--build"))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile()))) {
                Process process = build.process();
                process.getOutputStream().close();
                if (!process.waitFor(BUILD_MINUTES, TimeUnit.MINUTES)) {
                    build.kill();
                    throw new UserError("building the Tock harness took more than " + BUILD_MINUTES + " minutes; gave up");
                }
                if (process.exitValue() != 0) {
                    throw new UserError("cannot build the Tock harness: " + why(FileTail.of(log), process.exitValue()));
                }
            }
        } catch (IOException e) {
            throw new UserError("cannot run " + serve + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while building the Tock harness");
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // a temporary file left in the temporary directory
                }
            }
        }
        return "'" + serve.toString().replace("'", "'\\''") + "'";
    }

    /**
     * Why the build failed, from the end of its standard error: its last line (the harness script's own),
     * and the first line of the compiler's that begins with {@code error} when there is one (the script's
     * line only points at the messages above it).
     */
    static String why(String errors, int status) {
        java.util.List<String> lines = errors.lines().map(String::strip).filter(text -> !text.isEmpty()).toList();
        if (lines.isEmpty()) {
            return "exit status " + status;
        }
        String last = lines.get(lines.size() - 1);
        // the script's "(messages above)" points at what now follows it on the same line
        return lines.stream().filter(text -> text.startsWith("error") && !text.equals(last)).findFirst()
                .map(error -> last.replace(" (messages above)", "") + ": " + error).orElse(last);
    }

    private static Path home() {
        String property = System.getProperty("invs.home");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        try {
            Path jar = Path.of(TockHarness.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // fuzz/target/invs.jar or fuzz/target/classes: the repository is two levels up from target.
            return jar.getParent().getParent().getParent();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Path.of("").toAbsolutePath();
        }
    }
}
