package invs.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.trace.TraceCodec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example files docs/guide.md uses behave as the guide says. */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of("examples");
    private static final String WRITE_READ = EXAMPLES.resolve("write-read.jsonl").toString();

    @TempDir
    Path directory;

    @Test
    void theHandWrittenTraceConformsOnTheReferenceAndCatchesTheMutantAtStepSix() {
        CommandRun reference = CommandRun.of("replay", WRITE_READ);
        assertEquals(0, reference.exit(), reference.toString());
        assertTrue(reference.out().contains("conforms: all 15 steps agree with the specification"), reference.out());
        CommandRun mutant = CommandRun.of("replay", WRITE_READ, "--mutant", "size-counts-header");
        assertEquals(Main.FINDING, mutant.exit(), mutant.toString());
        assertTrue(mutant.out().contains("violation at step 6:"), mutant.out());
    }

    @Test
    void theRecordedLogIsWhatTheReferenceAnswersToday() {
        Path recorded = directory.resolve("recorded.jsonl");
        CommandRun run = CommandRun.of("replay", WRITE_READ, "--record", recorded.toString());
        assertEquals(0, run.exit(), run.toString());
        assertEquals(TraceCodec.read(EXAMPLES.resolve("write-read-recorded.jsonl")), TraceCodec.read(recorded));
    }

    @Test
    void theLogsCheckAsTheGuideSays() {
        CommandRun good = CommandRun.of("check-trace", EXAMPLES.resolve("write-read-recorded.jsonl").toString());
        assertEquals(0, good.exit(), good.toString());
        CommandRun board = CommandRun.of("check-trace", EXAMPLES.resolve("board-log.jsonl").toString());
        assertEquals(Main.FINDING, board.exit(), board.toString());
        assertTrue(board.out().contains("first divergence at step 14 (line 15 of "), board.out());
        CommandRun smaller = CommandRun.of("check-trace", EXAMPLES.resolve("write-read-recorded.jsonl").toString(),
                "--region-size", "1024");
        assertEquals(Main.FINDING, smaller.exit(), smaller.toString());
    }

    @Test
    void theBoardFileIsAConfiguration() {
        CommandRun run = CommandRun.of("fuzz", "--config", EXAMPLES.resolve("board.json").toString(), "--tries", "3",
                "--steps", "50", "--progress", "none", "--out", directory.toString());
        assertTrue(run.exit() <= Main.FINDING, run.toString());
        assertTrue(run.out().contains("boards: board\n"), run.out());
    }
}
