package invs.fuzz.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a failed build of the Tock harness says: the end of its standard error, however much it warned
 * before (the build's standard error goes to a file: read through a pipe only up to 64 KiB, a build that
 * warned more died of SIGPIPE and was reported by a warning cut mid-word).
 */
class TockHarnessBuildTest {
    @TempDir
    Path directory;

    @Test
    void theScriptsLineComesWithTheFirstCompilerError() {
        String errors = "warning: unused variable `x`\nerror[E0425]: cannot find value `y`\nerror: could not compile\n"
                + "tock-harness: cargo build failed for the Tock tree /t (messages above)\n";
        // "(messages above)" would point away from the error now on the same line
        assertEquals("tock-harness: cargo build failed for the Tock tree /t: error[E0425]: cannot find value `y`",
                TockHarness.why(errors, 2));
        assertEquals("tock-harness: cargo build failed for the Tock tree /t (messages above)", TockHarness.why(
                "warning: unused\ntock-harness: cargo build failed for the Tock tree /t (messages above)\n", 2));
        assertEquals("only a warning", TockHarness.why("only a warning\n\n", 2));
        assertEquals("exit status 101", TockHarness.why("  \n", 101));
    }

    @Test
    void theEndOfAStandardErrorFarLongerThanTheTailIsRead() throws IOException {
        Path log = directory.resolve("build.log");
        Files.writeString(log, "warning: unused variable\n".repeat(12_000) + "error: could not compile `harness`\n"
                + "tock-harness: cargo build failed\n");
        String tail = FileTail.of(log);
        assertTrue(tail.length() <= 64 * 1024, "length " + tail.length());
        assertEquals("tock-harness: cargo build failed: error: could not compile `harness`", TockHarness.why(tail, 2));
    }
}
