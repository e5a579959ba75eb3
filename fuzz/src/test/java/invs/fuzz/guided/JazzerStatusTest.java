package invs.fuzz.guided;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.control.Option;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What Jazzer's log says: its figures, and whether and why libFuzzer stopped before its time. */
class JazzerStatusTest {
    private static JazzerStatus read(List<String> lines) {
        JazzerStatus status = new JazzerStatus();
        lines.forEach(status::read);
        return status;
    }

    @Test
    void anOutOfMemoryStopIsReadWithTheInputItSaved() {
        JazzerStatus status = read(List.of(
                "INFO: Seed: 327685",
                "INFO:       16 files found in /tmp/g2/guided/corpus",
                "==26865== ERROR: libFuzzer: out-of-memory (used: 1215Mb; limit: 1Mb)",
                "   To change the out-of-memory limit use -rss_limit_mb=<N>",
                "artifact_prefix='/tmp/g2/guided/crashes/'; Test unit written to /tmp/g2/guided/crashes/oom-da39a3ee",
                "SUMMARY: libFuzzer: out-of-memory",
                "stat::number_of_executed_units: 1"));
        assertTrue(status.started());
        assertEquals(1, status.executions());
        assertEquals(Option.some("out-of-memory (used: 1215Mb; limit: 1Mb); its input is saved as"
                + " /tmp/g2/guided/crashes/oom-da39a3ee"), status.stoppedEarly());
        assertTrue(status.crashesWritten().isEmpty(), "an out-of-memory input is no failing input to triage");
    }

    @Test
    void anOutOfMemoryStopPrintedIntoAStatusLineIsReadToo() {
        // libFuzzer's memory watch prints from a thread of its own, into the line the fuzzing thread prints.
        JazzerStatus status = read(List.of(
                "INFO: Seed: 327685",
                "#52\tNEW    cov: 2383 ft: 6218 corp: 40/1203b lim: 8 exec/s: 52 ==26865== ERROR: libFuzzer:"
                        + " out-of-memory (used: 455Mb; exceeds: 1Mb)",
                "artifact_prefix='/tmp/g2/guided/crashes/'; Test unit written to /tmp/g2/guided/crashes/oom-da39a3ee"));
        assertEquals(Option.some("out-of-memory (used: 455Mb; exceeds: 1Mb); its input is saved as"
                + " /tmp/g2/guided/crashes/oom-da39a3ee"), status.stoppedEarly());
    }

    @Test
    void anErrorLineLostStillLeavesTheSummary() {
        JazzerStatus status = read(List.of(
                "INFO: Seed: 327685",
                "SUMMARY: libFuzzer: out-of-memory",
                "stat::number_of_executed_units: 52"));
        assertEquals(Option.some("out-of-memory"), status.stoppedEarly());
    }

    @Test
    void aRunThatFindsJavaExceptionsAndEndsOnTimeDidNotStopEarly() {
        JazzerStatus status = read(List.of(
                "INFO: Seed: 327685",
                "#4096 pulse cov: 812 ft: 1630 corp: 57/3107b lim: 43 exec/s: 1365 rss: 612Mb",
                "== Java Exception: invs.fuzz.guided.RuleBroken: lockstep:SUBSCRIBE_0_SUCCESS",
                "artifact_prefix='/tmp/c/'; Test unit written to /tmp/c/crash-0123",
                "Done 5000 runs in 3 second(s)",
                "stat::number_of_executed_units: 5000"));
        assertEquals(1, status.findings());
        assertEquals(5000, status.executions());
        assertEquals(Option.none(), status.stoppedEarly());
        assertEquals(io.vavr.collection.Vector.of("/tmp/c/crash-0123"), status.crashesWritten());
    }

    @Test
    void theFilesOfFailingInputsAreTakenWithSpacesAndPrefixesInTheirNames() {
        JazzerStatus status = read(List.of(
                "== Java Exception: invs.fuzz.guided.RuleBroken: lockstep:SUBSCRIBE_0_SUCCESS",
                "artifact_prefix='/home/Jane Doe/out/guided/crashes/'; Test unit written to /home/Jane Doe/out/guided/crashes/crash-01 ",
                "== Java Exception: invs.fuzz.guided.RuleBroken: lockstep:SUBSCRIBE_0_SUCCESS",
                "artifact_prefix='mine-'; Test unit written to mine-crash-02",
                "artifact_prefix='/tmp/c/'; Test unit written to /tmp/c/timeout-03"));
        assertEquals(io.vavr.collection.Vector.of("/home/Jane Doe/out/guided/crashes/crash-01", "mine-crash-02"),
                status.crashesWritten());
    }
}
