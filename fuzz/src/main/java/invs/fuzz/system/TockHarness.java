package invs.fuzz.system;

import invs.fuzz.cli.UserError;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

    private TockHarness() {
    }

    /** Builds the harness when needed and returns the shell command that serves it. @throws UserError when it cannot */
    static String build() {
        Path serve = home().resolve("impl").resolve("tock-harness").resolve("serve");
        if (!Files.isExecutable(serve)) {
            throw new UserError("--sut tock-capsule needs " + serve + ", which is not there (run invs from its repository)");
        }
        try {
            Process process = new ProcessBuilder(List.of(serve.toString(), "--build"))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(false).start();
            process.getOutputStream().close();
            String errors;
            try (InputStream stderr = process.getErrorStream()) {
                errors = new String(stderr.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(BUILD_MINUTES, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new UserError("building the Tock harness took more than " + BUILD_MINUTES + " minutes; gave up");
            }
            if (process.exitValue() != 0) {
                String line = errors.lines().filter(text -> !text.isBlank()).reduce((first, next) -> next)
                        .orElse("exit status " + process.exitValue());
                throw new UserError("cannot build the Tock harness: " + line.strip());
            }
        } catch (IOException e) {
            throw new UserError("cannot run " + serve + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while building the Tock harness");
        }
        return "'" + serve.toString().replace("'", "'\\''") + "'";
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
