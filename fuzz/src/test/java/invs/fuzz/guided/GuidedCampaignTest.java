package invs.fuzz.guided;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.fuzz.ChildJava;
import invs.fuzz.CommandRun;
import invs.fuzz.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code invs fuzz --guided}: Jazzer in a child JVM, its findings shrunk and saved like a campaign's. */
class GuidedCampaignTest {
    @TempDir
    Path directory;

    @Test
    void guidedFuzzingFindsAMutantAndKeepsJazzersFilesInTheirFolder() throws IOException {
        Set<String> before = listing(Path.of(""));
        Path out = directory.resolve("findings");
        CommandRun run = CommandRun.of("fuzz", "--guided", "--time", "2s", "--mutant", "size-counts-header",
                "--standard", "doc-default", "--out", out.toString(), "--progress", "none");
        assertEquals(Main.FINDING, run.exit(), run.toString());
        assertTrue(run.out().startsWith("invs fuzz --guided: bug-zoo mutant size-counts-header"), run.out());
        assertTrue(Pattern.compile("[0-9,]+ executions \\([0-9,]+/s\\), coverage [0-9,]+ edges").matcher(run.out()).find(),
                run.out());
        assertTrue(run.out().contains("[1] lockstep:SUBSCRIBE_0_SUCCESS, found by guided input crash-"), run.out());
        Matcher replay = Pattern.compile("replay: \\./invs replay (\\S+) --mutant size-counts-header\\n").matcher(run.out());
        assertTrue(replay.find(), run.out());
        assertTrue(Files.isRegularFile(Path.of(replay.group(1))));
        try (Stream<Path> crashes = Files.list(out.resolve("guided").resolve("crashes"))) {
            assertTrue(crashes.anyMatch(file -> file.getFileName().toString().startsWith("crash-")));
        }
        assertTrue(Files.isRegularFile(out.resolve("guided").resolve("jazzer.log")));
        assertEquals(before, listing(Path.of("")), "Jazzer wrote nothing into the working directory");
    }

    @Test
    void theReadingAServerAnnouncesIsCheckedAndAnEarlierReportIsRemoved() throws IOException {
        Path out = directory.resolve("announced");
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.json"), "{}"); // an earlier campaign's, which invs merge would read
        CommandRun run = CommandRun.of("fuzz", "--guided", "--time", "2s", "--standard", "default", "--sut-command",
                ChildJava.serve("--reading", "tock"), "--out", out.toString(), "--progress", "none", "--jazzer-arg=-runs=0");
        assertTrue(run.out().contains(", configurations: tock-default\n"), run.toString());
        assertFalse(Files.exists(out.resolve("report.json")), "the earlier report stayed");
    }

    @Test
    void jazzerStoppingBeforeItsTimeIsSaidAndNotReportedAsNoFinding() {
        // libFuzzer looks at its memory once a second from a thread of its own, from its start. The budget is
        // for a loaded machine: with 3 s a fresh-clone run once ran out of time first, and with 10 s another
        // (Jazzer's start-up took 8.7 s, leaving 1.1 s of fuzzing). Jazzer stops at its first look, so a
        // larger budget costs no time when the test passes.
        stoppedEarly("stopped", "40s", "-rss_limit_mb=1", "Jazzer stopped after [0-9.]+ s of its 40s: libFuzzer:"
                + " out-of-memory \\(used: [0-9]+Mb; limit: 1Mb\\); its input is saved as \\S+/oom-[0-9a-f]+; see \\S+jazzer.log");
    }

    @Test
    void jazzerEndingWithoutSayingWhyIsNoSuccess() {
        // a negative -max_len makes libFuzzer's native code abort (std::bad_alloc) as it starts fuzzing
        stoppedEarly("aborted", "20s", "-max_len=-1", "Jazzer ended with exit status [0-9]+( \\(signal [0-9]+\\))? after"
                + " [0-9.]+ s of its 20s, reporting no finding; see \\S+jazzer.log");
    }

    /**
     * A guided campaign under {@code name} for {@code time}, Jazzer given {@code jazzerArgument}, which stops
     * early: exit 2, the report and the last line of standard error saying why ({@code why}, a pattern), and
     * no "findings: none" without "in what ran".
     */
    private void stoppedEarly(String name, String time, String jazzerArgument, String why) {
        CommandRun run = CommandRun.of("fuzz", "--guided", "--time", time, "--standard", "doc-default", "--out",
                directory.resolve(name).toString(), "--progress", "none", "--jazzer-arg=" + jazzerArgument);
        assertEquals(Main.USAGE, run.exit(), run.toString());
        assertTrue(Pattern.compile("\n" + why + "\n").matcher(run.out()).find(), run.out());
        assertTrue(run.out().contains("findings: none in what ran\n"), run.out());
        String last = run.err().strip().lines().reduce((first, second) -> second).orElseThrow();
        assertTrue(Pattern.compile("invs: " + why).matcher(last).matches(), run.err());
    }

    /**
     * A failing input an earlier run saved and did not triage (it was interrupted) is triaged by the next:
     * here Jazzer runs nothing new ({@code -runs=0}, a corpus of one harmless input), and the size query saved
     * under {@code crashes/} is still the finding; the run after that does not triage it again.
     */
    @Test
    void aFailingInputSavedByAnEarlierRunIsTriaged() throws IOException {
        Path out = directory.resolve("earlier");
        Path guided = earlierRun(out, "crash-00000000000000aa", FAILING);
        CommandRun run = guidedRun(out, "-runs=0");
        assertEquals(Main.FINDING, run.exit(), run.toString());
        assertTrue(run.out().contains("1 failing input (crash-…) saved under " + guided.resolve("crashes")
                + ", 0 new in this run; 1 triaged now (those no earlier run triaged, and those this run found again)\n"),
                run.out());
        assertTrue(run.out().contains("[1] lockstep:SUBSCRIBE_0_SUCCESS, found by guided input crash-00000000000000aa"),
                run.out());
        CommandRun again = guidedRun(out, "-runs=0");
        assertTrue(again.out().contains(", 0 new in this run; 0 triaged now"), "triaged once, not by every run: " + again.out());
        try (Stream<Path> traces = Files.list(out)) {
            assertEquals(1, traces.filter(file -> file.toString().endsWith(".jsonl")).count(), "one trace of the finding");
        }
    }

    @Test
    void aFailingInputThisRunFoundAgainIsAFindingThoughAnEarlierRunTriagedIt() throws Exception {
        Path out = directory.resolve("found again"); // a space in the path, as libFuzzer's log shows it
        // named as libFuzzer names what it saves, so that finding it again writes the same file
        String name = "crash-" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(FAILING));
        earlierRun(out, name, FAILING);
        Path seeds = Files.createDirectories(directory.resolve("seeds"));
        Files.write(seeds.resolve("failing"), FAILING);
        CommandRun first = guidedRun(out, "-runs=0");
        assertEquals(Main.FINDING, first.exit(), first.toString());
        // Jazzer runs the same input again (a corpus of its own): it fails, and libFuzzer saves it under the same name
        CommandRun again = guidedRun(out, seeds.toString());
        assertEquals(Main.FINDING, again.exit(), "it said findings: none, exit 0: " + again);
        assertTrue(again.out().contains(", 0 new in this run; 1 triaged now"), again.out());
        assertTrue(again.out().contains("[1] lockstep:SUBSCRIBE_0_SUCCESS, found by guided input " + name), again.out());
    }

    /** An input that size-counts-header fails: a size query answered with the header counted. */
    private static final byte[] FAILING = {0, 3, 0, 13, 0, 0, 0};

    /** {@code out} as a run left it that saved {@code input} under {@code crashes/} as {@code name}: its guided directory. */
    private static Path earlierRun(Path out, String name, byte[] input) throws IOException {
        Path guided = out.resolve("guided");
        Files.createDirectories(guided.resolve("corpus"));
        Files.createDirectories(guided.resolve("crashes"));
        Files.write(guided.resolve("corpus").resolve("nothing"), new byte[] {0});
        Files.write(guided.resolve("crashes").resolve(name), input);
        return guided;
    }

    /** A guided run of size-counts-header on doc-default in {@code out}, Jazzer given {@code jazzerArgument}. */
    private static CommandRun guidedRun(Path out, String jazzerArgument) {
        return CommandRun.of("fuzz", "--guided", "--time", "2s", "--mutant", "size-counts-header", "--standard",
                "doc-default", "--out", out.toString(), "--progress", "none", "--jazzer-arg=" + jazzerArgument);
    }

    private static Set<String> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
