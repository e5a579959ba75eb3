package invs.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The real command line against servers that misbehave on purpose ({@code src/test/resources/hostile/server.py}):
 * each run ends within its timeouts with a finding or a one-line error and the documented exit code, under
 * {@code -Xmx256m}, and leaves no process behind (each server writes down its pid and its children's).
 * The cases run concurrently: most of their time is spent waiting for timeouts.
 */
@Execution(ExecutionMode.CONCURRENT)
class HostileServersIT {
    private static final Path SERVER = Path.of("src", "test", "resources", "hostile", "server.py").toAbsolutePath();
    private static final Path TRACE = Path.of("examples", "write-read.jsonl").toAbsolutePath();
    private static final Duration LIMIT = Duration.ofSeconds(120);

    @TempDir
    Path directory;

    private static String server(String mode) {
        return "python3 '" + SERVER + "' " + mode;
    }

    /**
     * {@code invs replay} of a short trace against the server in {@code mode}, with timeouts long enough for
     * a busy machine: the server misbehaves on purpose, never because it was slow.
     */
    private InvsProcess replay(String mode) throws Exception {
        return replay(mode, "10s", "60s");
    }

    /** {@code invs replay} of a short trace against the server in {@code mode}, with the given timeouts. */
    private InvsProcess replay(String mode, String timeout, String startTimeout) throws Exception {
        return InvsProcess.run(directory, LIMIT, "replay", TRACE.toString(), "--sut-command", server(mode),
                "--sut-timeout", timeout, "--sut-start-timeout", startTimeout);
    }

    @Test
    void aSlowServerThatPipelinesDoesNotKeepACampaignPastItsTime() throws Exception {
        // A correct server answering each input a second after the one before: the first try's first two
        // batches (8 and 16 inputs) are in flight when the time is up, and waiting them out one by one took
        // about 20 s more; judging stops at the deadline instead, and closing a try waits one --sut-timeout in
        // all for its answers still in flight, then stops the server (the try begun before it likewise).
        String slow = ChildJava.command(java.util.List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                "invs.fuzz.protocol.MisbehavingServer", "slow", "0", "1000");
        InvsProcess run = InvsProcess.run(directory, LIMIT, "fuzz", "--sut-command", slow, "--standard", "doc-default",
                "--boards", "standard", "--threads", "1", "--time", "4s", "--shrink-time", "1s", "--sut-timeout", "3s",
                "--progress", "none", "--out", directory.resolve("findings").toString());
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().contains("(the time budget ran out first: --time gives more)"), run::toString);
        // start-up and the hello (a few seconds on a loaded machine), 4 s of tries, one reply and two
        // --sut-timeouts past the deadline (measured: 10.7 s in all)
        run.clean().within(20);
    }

    @Test
    void aServerThatExitsWhileAChildHoldsItsOutputIsAFindingAndTheChildIsKilled() throws Exception {
        // the command of the report: the sleeper keeps standard output open after the server exits
        InvsProcess run = InvsProcess.run(directory, LIMIT, "fuzz", "--sut-command",
                "sleep 300 & echo $! >> \"$HOSTILE_PIDS\"; exec " + server("crash"), "--standard", "doc-default",
                "--sut-timeout", "10s", "--sut-start-timeout", "60s", "--tries", "1", "--time", "5s", "--shrink-time", "2s",
                "--progress", "none",
                "--out", directory.resolve("findings").toString());
        run.finding("the server exited with status 3 before answering request").clean().within(90).noProcessLeft();
        assertTrue(run.pids().size() >= 2, "the sleeper wrote down its pid: " + run);
    }

    @Test
    void aChildInASessionOfItsOwnThatKeepsTheOutputIsFoundAndKilled() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "processes holding a pipe are found through /proc");
        InvsProcess run = InvsProcess.run(directory, LIMIT, "replay", TRACE.toString(), "--sut-command",
                "setsid sleep 300 & echo $! >> \"$HOSTILE_PIDS\"; exec " + server("crash"), "--sut-timeout", "10s",
                "--sut-start-timeout", "60s");
        run.finding("the server exited with status 3 before answering request 4").clean().within(60).noProcessLeft();
        assertTrue(run.pids().size() >= 2, "the sleeper wrote down its pid: " + run);
    }

    @Test
    void aServerThatForksAChildAndExitsIsAFinding() throws Exception {
        InvsProcess run = replay("fork-child").finding("the server exited with status 3 before answering request 4")
                .clean().within(60).noProcessLeft();
        assertTrue(run.pids().size() >= 2, "the child wrote down its pid: " + run);
    }

    /**
     * A daemon forking itself away every 5 ms holds the server's pipes: one scan of the processes misses the
     * generation born during it, so invs scans again, newest first, and kills again while the read blocks.
     * Before, the read blocked until the daemon's minute was over.
     */
    @Test
    void aServerLeavingADaemonThatForksItselfAwayIsAFindingWithinItsTimeout() throws Exception {
        InvsProcess run = replay("hop", "2s", "60s").finding("the server exited with status 0 before answering request 4")
                .clean().within(20).noProcessLeft();
        assertTrue(run.pids().size() >= 2, "the daemon wrote down its pids: " + run);
    }

    @Test
    void aServerThatCrashesIsAFindingQuotingItsLastWordsEscaped() throws Exception {
        replay("crash").finding("panicked at 'index out of bounds' \\u001b[31min red").clean().within(60).noProcessLeft();
    }

    @Test
    void aServerThatHangsIsStoppedAtTheTimeout() throws Exception {
        replay("hang", "1s", "60s").finding("did not answer request 4 (input app0 subscribe 0) within 1000 ms").clean()
                .within(90).noProcessLeft();
    }

    @Test
    void aServerThatIgnoresTermAndByeIsKilled() throws Exception {
        replay("ignore-term", "1s", "60s").finding("within 1000 ms").clean().within(90).noProcessLeft();
    }

    @Test
    void aServerFloodingItsOutputWithoutALineFeedIsAFindingInBoundedMemory() throws Exception {
        replay("flood-stdout").finding("the server flooded its standard output: more than 64 KiB without a line feed")
                .clean().within(60).noProcessLeft();
    }

    @Test
    void aServerFloodingItsErrorStreamCostsNoMemory() throws Exception {
        InvsProcess run = replay("flood-stderr").finding("robustness broken").clean().within(60).noProcessLeft();
        assertTrue(run.out().length() < 20_000, "the standard error tail is bounded: " + run.out().length() + " chars");
    }

    @Test
    void controlBytesInARepliesAreEscaped() throws Exception {
        replay("garbage").finding("malformed reply (not valid JSON").finding("\\u001b[2J").clean().within(60)
                .noProcessLeft();
    }

    @Test
    void invalidUtf8InAReplyIsReportedInWords() throws Exception {
        replay("invalid-utf8").finding("malformed reply (not valid UTF-8 at byte 53)").clean().within(60).noProcessLeft();
    }

    @Test
    void aReplyWithAnotherIdIsAFinding() throws Exception {
        replay("wrong-id").finding("with a reply for request 1004").clean().within(60).noProcessLeft();
    }

    @Test
    void aServerThatLiesPlausiblyIsCaughtByTheSpecification() throws Exception {
        replay("liar").finding("violation at step 6: lockstep broken").clean().within(60).noProcessLeft();
    }

    @Test
    void aServerOfAnotherProtocolVersionIsAUsageError() throws Exception {
        replay("wrong-version").oneLineError(Main.USAGE, "the server speaks protocol 2; invs speaks 1").clean()
                .within(60).noProcessLeft();
    }

    @Test
    void aServerThatExitsAtOnceIsAUsageErrorWithItsLastWords() throws Exception {
        replay("exit-at-start").oneLineError(Main.USAGE, "exited with status 5 before answering request 1 (hello)")
                .oneLineError(Main.USAGE, "cannot open /dev/flash0").clean().within(60).noProcessLeft();
    }

    @Test
    void aServerThatNeverAnswersHelloIsStoppedAtTheStartTimeout() throws Exception {
        replay("mute", "1s", "3s").oneLineError(Main.USAGE, "did not answer request 1 (hello) within 3000 ms").clean()
                .within(60).noProcessLeft();
    }

    /**
     * {@code invs fuzz} of short tries against the server in {@code mode}, which pipelines and strikes at the
     * fourth input of the first batch (a server serves several sequences, so shrunk traces fail elsewhere).
     */
    private InvsProcess fuzzPipelined(String mode, String timeout) throws Exception {
        return InvsProcess.run(directory, LIMIT, "fuzz", "--sut-command", server(mode), "--standard", "doc-default",
                "--sut-timeout", timeout, "--sut-start-timeout", "60s", "--tries", "2", "--steps", "100", "--time", "10s",
                "--shrink-time", "2s", "--progress", "none", "--out", directory.resolve("findings").toString());
    }

    @Test
    void aPipeliningServerThatStopsReadingMidBatchIsAFindingWithinTheTimeout() throws Exception {
        fuzzPipelined("stall-pipelined", "1s").finding("found after 4 steps").finding("within 1000 ms; invs stopped it").clean()
                .within(60).noProcessLeft();
    }

    @Test
    void aPipeliningServerThatCrashesMidBatchIsAFinding() throws Exception {
        fuzzPipelined("crash-pipelined", "10s").finding("found after 4 steps").finding("the server exited with status 3 before answering request")
                .finding("index out of bounds").clean().within(90).noProcessLeft();
    }

    @Test
    void aPipeliningServerThatFloodsMidBatchIsAFindingInBoundedMemory() throws Exception {
        fuzzPipelined("flood-stdout-pipelined", "10s")
                .finding("found after 4 steps")
                .finding("the server flooded its standard output: more than 64 KiB without a line feed, answering request")
                .clean().within(90).noProcessLeft();
    }

    @Test
    void aReplayAgainstAPipeliningServerThatCrashesMidBatchShowsTheStepsAfterItUnchecked() throws Exception {
        // the trace's 15 inputs go in one batch; the server exits at the fourth
        replay("crash-pipelined").finding("violation at step 4: robustness broken")
                .finding("the server exited with status 3 before answering request").finding("NOT_CHECKED")
                .finding("index out of bounds").clean().within(60).noProcessLeft();
    }

    @Test
    void aReplayAgainstAPipeliningServerThatStopsReadingMidBatchEndsWithinTheTimeout() throws Exception {
        replay("stall-pipelined", "1s", "60s").finding("violation at step 4: robustness broken")
                .finding("within 1000 ms; invs stopped it").clean().within(60).noProcessLeft();
    }

    /**
     * A SIGTERM in the middle of a campaign against a correct server (`invs serve` behind a shell that
     * would start a sleep when the server ends): the servers invs kills as it exits are not findings, and
     * none is left behind, nor a server started while invs was exiting. Before, most such runs wrote a
     * robustness trace ("the server exited with status 143") and left shells that ran the sleep.
     */
    @Test
    void aCampaignStoppedBySigtermFindsNothingAndLeavesNoServer() throws Exception {
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String serve = "echo $$ >> \"$HOSTILE_PIDS\"; '" + javaCommand + "' -jar '" + InvsProcess.JAR + "' serve; exec sleep 300";
        Path findings = Files.createDirectories(directory.resolve("terminated"));
        Files.writeString(findings.resolve("report.json"), "{\"an earlier campaign's report\": true}");
        InvsProcess run = InvsProcess.terminated(directory, 2, Duration.ofSeconds(3), LIMIT, "fuzz", "--sut-command", serve,
                "--threads", "4", "--time", "60s", "--progress", "none", "--out", findings.toString());
        assertEquals(143, run.exit(), run::toString);
        try (var files = Files.list(findings)) {
            assertEquals(java.util.List.of(), files.map(Path::getFileName).map(Path::toString).toList(),
                    "no finding written, and no earlier report left to be read as this run's");
        }
        run.clean().noProcessLeft();
        assertTrue(run.pids().size() >= 2, "servers were running: " + run.pids());
    }

    /**
     * A SIGTERM while `invs explore --lockstep` replays against a correct server (two threads: the second
     * server starts when the replay does, half a second before the signal; at depth 4 the specification's
     * exploration takes seconds and the replay several more): the servers invs kills as it exits are no
     * divergence, nothing is written under --out, and no server is left.
     */
    @Test
    void anExplorationStoppedBySigtermWhileReplayingReportsNoDivergenceAndLeavesNoServer() throws Exception {
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String serve = "echo $$ >> \"$HOSTILE_PIDS\"; exec '" + javaCommand + "' -jar '" + InvsProcess.JAR + "' serve";
        Path divergences = Files.createDirectories(directory.resolve("explore-terminated"));
        InvsProcess run = InvsProcess.terminated(directory, 2, Duration.ofMillis(500), LIMIT, "explore", "--lockstep",
                "--depth", "4", "--threads", "2", "--time", "100s", "--sut-command", serve, "--out", divergences.toString());
        assertEquals(143, run.exit(), run::toString);
        assertFalse(run.out().contains("divergence"), run::toString);
        try (var files = Files.list(divergences)) {
            assertEquals(java.util.List.of(), files.map(Path::getFileName).map(Path::toString).toList(), "no trace written");
        }
        run.clean().noProcessLeft();
        assertEquals(2, run.pids().size(), "both servers were running: " + run.pids());
    }

    @Test
    void aFuzzCampaignAgainstAHangingServerEndsWithAFinding() throws Exception {
        InvsProcess.run(directory, LIMIT, "fuzz", "--sut-command", server("hang"), "--standard", "doc-default",
                        "--sut-timeout", "500ms", "--sut-start-timeout", "60s", "--tries", "2", "--steps", "10",
                        "--time", "10s", "--shrink-time", "2s",
                        "--progress", "none", "--out", directory.resolve("findings").toString())
                .finding("within 500 ms").clean().within(60).noProcessLeft();
    }
}
