package invs.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ExploreCommandTest {
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(new ExploreCommand());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        line.setCaseInsensitiveEnumValuesAllowed(true);
        int code = line.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** A run and how long it took, in seconds. */
    private record Timed(Run run, double seconds) {
    }

    private static Timed timed(String... args) {
        long start = System.nanoTime();
        Run run = run(args);
        return new Timed(run, (System.nanoTime() - start) / 1e9);
    }

    @Test
    void theSpecificationKeepsItsPropertiesWithinTheBound() {
        Run run = run("--depth", "3");
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("depth 3 completed"), run.out());
        assertTrue(run.out().contains("0 violation(s)"), run.out());
    }

    @Test
    void anExplorationStoppedBeforeItsDepthSaysSoAndWhy() {
        Run timed = run("--depth", "6", "--time", "1ms");
        assertEquals(0, timed.code(), timed.out() + timed.err());
        // A millisecond may see depth 1 (14 states) completed on a quick machine; never depth 6 (seconds).
        assertTrue(timed.out().matches("(?s).*not complete: depth [01] of the 6 asked for \\(the time budget ran out\\).*"),
                timed.out());
        Run bounded = run("--depth", "4", "--max-states", "10");
        assertTrue(bounded.out().matches("(?s).*not complete: depth [0-3] of the 4 asked for \\(--max-states 10 was reached\\).*"),
                bounded.out());
        Run thousand = run("--depth", "4", "--max-states", "1000");
        assertTrue(thousand.out().contains(" 1,000 states") && thousand.out().contains("--max-states 1000 was reached"),
                "--max-states bounds the states, not 512 nodes expanded at a time: " + thousand.out());
        Run whole = run("--depth", "2");
        assertTrue(!whole.out().contains("not complete"), whole.out());
    }

    @Test
    void theReferenceAgreesOnEveryExploredTransition() {
        Run run = run("--depth", "3", "--lockstep");
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("0 divergence(s)"), run.out());
    }

    @Test
    void aMutantIsCaughtWithItsSequence() {
        Run run = run("--depth", "3", "--mutant", "size-counts-header");
        assertEquals(Main.FINDING, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("divergence after"), run.out());
        assertTrue(run.out().contains("SUBSCRIBE_0_SUCCESS"), run.out());
    }

    @Test
    void aSystemIsSentOnlyTheEventsItAnnounces() {
        java.nio.file.Path server = java.nio.file.Path.of("src/test/resources/servers/drain-only.py").toAbsolutePath();
        String command = "python3 '" + server + "' '" + ChildJava.serve().replace("'", "'\\''") + "'";
        Run run = run("--depth", "2", "--sut-command", command);
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("the system under test does not announce tick, reboot, restart, flash-fault: 5 of the 25 moves"), run.out());
        assertTrue(run.out().contains(" 0 divergence(s)"), run.out());
    }

    @Test
    void theTimeBudgetBoundsTheReplayAgainstASlowSystem() {
        // every sequence of this server hangs at its fourth input until the 300 ms timeout stops it
        String command = ChildJava.command(invs.fuzz.protocol.MisbehavingServer.class.getName(), "hang", "3");
        Timed timed = timed("--depth", "3", "--time", "4s", "--sut-timeout", "300ms", "--sut-command", command);
        Run run = timed.run();
        double seconds = timed.seconds();
        assertEquals(Main.FINDING, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("divergence(s) (cut short: the time budget ran out before every explored"
                + " transition was replayed)"), run.out());
        assertTrue(seconds < 30, "the replay of more than a hundred sequences took " + seconds + " s for a budget of 4 s");
    }

    @Test
    void theTimeBudgetEndsAWalkAgainstASystemSlowInEveryAnswer() {
        // every reply comes 150 ms late, within the timeout: a walk of 64 moves took about a minute past --time
        String command = ChildJava.command(invs.fuzz.protocol.SlowLink.class.getName(), "150000", ChildJava.serve());
        Timed timed = timed("--depth", "3", "--time", "3s", "--sut-command", command);
        assertEquals(0, timed.run().code(), timed::toString);
        assertTrue(timed.run().out().contains(" 0 divergence(s) (cut short: the time budget ran out"), timed::toString);
        assertTrue(timed.seconds() < 20, "the replay took " + timed.seconds() + " s for a budget of 3 s");
    }

    @Test
    void aServerThatHangsOnResetIsWaitedForOnceBeforeTheReplay() {
        // the refusal probe waits its --sut-timeout; the capabilities come from the hello, not from a second reset
        String command = ChildJava.command(invs.fuzz.protocol.MisbehavingServer.class.getName(), "reset-hang", "0");
        Timed timed = timed("--depth", "2", "--time", "2s", "--sut-timeout", "5s", "--sut-command", command);
        assertTrue(timed.run().out().contains("(cut short: the time budget ran out"), timed::toString);
        assertTrue(timed.seconds() < 9, "two resets of 5 s were waited for: " + timed.seconds() + " s");
    }

    @Test
    void badBoundsAreAUsageError() {
        assertEquals(Main.USAGE, Main.run("explore", "--apps", "9"));
        CommandRun huge = CommandRun.of("explore", "--regions", "300000000");
        assertEquals(Main.USAGE, huge.exit());
        assertEquals("invs: --regions: 300000000 regions of 4 bytes need 4800000000 bytes of storage, more than a"
                + " configuration holds (4294967295)", huge.errLine());
    }

    @Test
    void theTimeBudgetIsADurationAndSecondsIsItsFormerName() {
        Run time = run("--depth", "2", "--time", "3000000h");
        assertEquals(0, time.code(), time.out() + time.err());
        assertTrue(time.out().contains("depth 2 completed"), time.out());
        Run infinite = run("--depth", "2", "--seconds", "Infinity");
        assertEquals(0, infinite.code(), infinite.out() + infinite.err());
        assertTrue(infinite.out().contains("depth 2 completed"), "the deadline does not overflow: " + infinite.out());
        assertEquals("invs: --seconds: 'NaN' is not a number of seconds", CommandRun.of("explore", "--seconds", "NaN").errLine());
        assertEquals(Main.USAGE, CommandRun.of("explore", "--seconds", "5", "--time", "5s").exit());
    }

    @Test
    void divergencesAreSavedAsTracesThatReplay(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory)
            throws java.io.IOException {
        Run run = run("--depth", "3", "--mutant", "size-counts-header", "--out", directory.toString());
        assertEquals(Main.FINDING, run.code(), run.out() + run.err());
        java.nio.file.Path first = directory.resolve("explore-mutant-size-counts-header-divergence.jsonl");
        assertTrue(run.out().contains("saved " + first), run.out());
        CommandRun replay = CommandRun.of("replay", first.toString(), "--mutant", "size-counts-header");
        assertEquals(Main.FINDING, replay.exit(), replay.toString());
        assertEquals(0, CommandRun.of("replay", first.toString()).exit(), "the reference passes the same inputs");
        assertEquals(Main.USAGE, CommandRun.of("explore", "--depth", "2", "--out", directory.toString()).exit(),
                "without an implementation there is no divergence to save");
    }

    @Test
    void theReadingAServerAnnouncesIsCheckedUnlessProfileSaysOtherwise() {
        Run announced = run("--depth", "2", "--sut-command", ChildJava.serve("--reading", "tock"));
        assertEquals(0, announced.code(), announced.out() + announced.err());
        assertTrue(announced.out().contains(" tock profile;"), announced.out());
        assertTrue(announced.out().contains(" 0 divergence(s)"), announced.out());
        Run other = run("--depth", "2", "--profile", "doc", "--sut-command", ChildJava.serve("--reading", "tock"));
        assertEquals(Main.FINDING, other.code(), "a tock server checked under the doc reading diverges: " + other.out());
        assertTrue(other.out().contains(" doc profile;"), other.out());
    }

    @Test
    void aServersDivergencesAreSavedUnderItsNameAndTheCapIsSaid(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory)
            throws java.io.IOException {
        Run run = run("--depth", "3", "--sut-command", ChildJava.serve("--mutant", "size-counts-header"), "--out",
                directory.toString());
        assertEquals(Main.FINDING, run.code(), run.out() + run.err());
        assertTrue(run.out().contains(" 5 divergence(s) (the replay stops at the first 5)"), run.out());
        assertTrue(run.out().contains("(2 more divergence(s) not shown; saved below)"), run.out());
        try (var saved = java.nio.file.Files.list(directory)) {
            assertEquals(5, saved.filter(file -> file.getFileName().toString().startsWith("explore-invs-divergence")).count(),
                    "named after the server's hello (invs serve), not 'external'");
        }
        assertTrue(run.out().contains("explored states the system never entered"), run.out());
    }

    @Test
    void aServerThatOwnsTheOnlyBoardIsReplayedOnOneThread(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory) {
        // a second instance of this server exits at once, as one holding the only real board would
        String command = "exec flock -n '" + directory.resolve("board.lock") + "' " + ChildJava.serve();
        Run run = run("--depth", "2", "--threads", "1", "--sut-command", command);
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains(" 0 divergence(s)"), run.out());
        assertEquals(Main.USAGE, CommandRun.of("explore", "--threads", "0").exit());
    }
}
