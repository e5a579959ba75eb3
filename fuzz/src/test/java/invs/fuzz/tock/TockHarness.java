package invs.fuzz.tock;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The host harness that runs the upstream Tock capsule ({@code impl/tock-harness}): where it is, and
 * building it once per test run with its own launcher. When cargo is not installed, or the Tock sources
 * are not on the machine, the tests that need them are aborted with that reason (JUnit reports them as
 * skipped, with the message); any other build failure fails them.
 */
final class TockHarness {
    /** The repository root (tests run in the {@code fuzz} module directory). */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** The launcher, relative to the root: what {@code --sut-command} names. */
    static final String SERVE = "impl/tock-harness/serve";

    private static String buildFailure;
    private static boolean built;

    private TockHarness() {
    }

    /**
     * Builds the harness if needed (a cold build takes minutes). Aborts the calling test when cargo is
     * not installed; fails it when the build fails for another reason.
     */
    static synchronized void build() {
        if (!built && buildFailure == null) {
            buildFailure = runBuild();
            built = buildFailure == null;
        }
        if (buildFailure != null && buildFailure.contains("cargo not found")) {
            Assumptions.abort("cargo is not installed, so the upstream Tock capsule cannot be built and these tests"
                    + " do not run: " + buildFailure.strip());
        }
        if (buildFailure != null && buildFailure.contains("no Tock tree at")) {
            Assumptions.abort("the Tock sources are not on this machine, so the upstream capsule cannot be built and"
                    + " these tests do not run: " + buildFailure.strip());
        }
        if (buildFailure != null) {
            fail("the Tock harness did not build: " + buildFailure);
        }
    }

    private static String runBuild() {
        try {
            Path log = Files.createTempFile("tock-harness-build", ".log");
            Process process = new ProcessBuilder("bash", ROOT.resolve(SERVE).toString(), "--build")
                    .directory(ROOT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            boolean finished = process.waitFor(30, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            if (!finished) {
                return "the build did not finish in 30 minutes:\n" + output;
            }
            return process.exitValue() == 0 ? null : output;
        } catch (IOException e) {
            return "cannot run " + SERVE + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The shell command serving the capsule with harness {@code options} ({@code -} or empty: none). */
    static String command(String options) {
        String serve = "'" + ROOT.resolve(SERVE).toString().replace("'", "'\\''") + "'";
        return options.isBlank() || options.equals("-") ? serve : serve + " " + options;
    }

    /**
     * One row of an expectations table: the trace file, the harness options and the expectation. Lines
     * starting with {@code #} and blank lines are skipped; fields are separated by tabs.
     */
    record Row(Path trace, String options, String expectation) {
        @Override
        public String toString() {
            return trace.getFileName() + (options.equals("-") ? "" : " (" + options + ")") + ": " + expectation;
        }
    }

    /** The rows of {@code table} (a path relative to the root), the traces resolved beside it. */
    static List<Row> rows(String table) throws IOException {
        Path file = ROOT.resolve(table);
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length != 3) {
                throw new IOException(table + ": expected three tab-separated fields in: " + line);
            }
            rows.add(new Row(file.resolveSibling(fields[0]), fields[1], fields[2]));
        }
        return rows;
    }
}
