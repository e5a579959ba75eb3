package invs.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.trace.ConfigurationCodec;
import invs.conformance.trace.TraceCodec;
import invs.fuzz.protocol.MisbehavingServer;
import invs.spec.App;
import invs.spec.Configuration;
import invs.spec.Profile;
import io.vavr.collection.Vector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import invs.fuzz.cli.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FuzzCommandTest {
    private static final String[] QUICK = {"--steps", "60", "--threads", "1", "--progress", "none"};

    @TempDir
    Path directory;

    private CommandRun fuzz(String... args) {
        return CommandRun.of(Stream.of(new String[] {"fuzz", "--out", directory.resolve("findings").toString()}, QUICK, args)
                .flatMap(Stream::of).toArray(String[]::new));
    }

    @Test
    void aCampaignOfTheReferencePrintsTheReportWithCoverageAndTheRerunCommand() {
        CommandRun run = fuzz("--tries", "6");
        assertEquals(0, run.exit(), run.toString());
        String out = run.out();
        assertTrue(out.startsWith("invs fuzz: the reference implementation (in process), checked against the doc reading"
                + " of the driver document\nno finding\n"), out);
        assertTrue(out.contains("seed 0x0000000000050004, shard 0/1, 1 thread, 60 steps per try\n"), out);
        assertTrue(Pattern.compile("boards: doc-default, doc-permissions, doc-exhaustion, doc-64bit; [0-9]+ generated boards?"
                + " offered, [0-9]+ refused by the system\n").matcher(out).find(), out);
        assertTrue(Pattern.compile("6 tries in [0-9.]+ s: [0-9,]+ inputs, [0-9,]+ system calls checked, [0-9,]+ system calls/s")
                .matcher(out).find(), out);
        assertTrue(Pattern.compile("\\n  command 2 +SUCCESS +[1-9][0-9,]*\\n").matcher(out).find(), out);
        assertTrue(Pattern.compile("\\n  upcall 0 +NOSUPPORT +0   never \\(optional: the document also allows answering"
                + " NOSUPPORT at once\\)\\n").matcher(out).find(), out);
        assertTrue(out.contains("reports: " + directory.resolve("findings").resolve("report.json") + ", "), out);
        assertTrue(out.contains("findings: none"), out);
        assertTrue(out.contains("re-run exactly: ./invs fuzz --out " + directory.resolve("findings")
                + " --steps 60 --threads 1 --seed 0x50004 --tries 6\n"), out);
        try (Stream<Path> files = Files.list(directory.resolve("findings"))) {
            assertEquals(0, files.filter(file -> file.toString().endsWith(".jsonl")).count(), "no finding, no trace");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Twelve tries against {@code mutant}: the command's output, and the findings of the report's first cause. */
    private record TwelveTries(CommandRun run, com.fasterxml.jackson.databind.JsonNode findings) {
        static TwelveTries against(String mutant, Path out) throws IOException {
            CommandRun run = CommandRun.of("fuzz", "--mutant", mutant, "--tries", "12", "--out", out.toString(),
                    "--progress", "none");
            assertEquals(Main.FINDING, run.exit(), run.toString());
            return new TwelveTries(run, new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(out.resolve("report.json").toFile()).get("causes").get(0).get("findings"));
        }
    }

    @Test
    void aWrongUpcallValueIsFiledUnderItsClauseFromTheFirstFinding() throws IOException {
        // docs/guide.md section 3's example: the size upcall's argument is wrong; every failing try is filed
        // under the size upcall's clause, none under liveness's "no upcall" that a yield may also show
        TwelveTries campaign = TwelveTries.against("size-counts-header", directory.resolve("guide"));
        assertEquals(1, campaign.findings().size(), campaign.findings().toPrettyString());
        assertEquals("lockstep:SUBSCRIBE_0_SUCCESS", campaign.findings().get(0).get("rule").asText());
        assertTrue(campaign.run().out().contains("\nfindings: 1 distinct cause (1 rule broken, 5 failing tries)"),
                campaign.run().out());
    }

    @Test
    void findingsShrunkToTheSameRuleCountAsOneRuleBroken() throws IOException {
        // three findings of one cause, two of which shrink to the same rule: two rules broken, not three
        TwelveTries campaign = TwelveTries.against("region-of-neighbour", directory.resolve("neighbour"));
        assertEquals(3, campaign.findings().size(), campaign.findings().toPrettyString());
        java.util.Set<String> rules = new java.util.HashSet<>();
        campaign.findings().forEach(finding -> rules.add(finding.get("rule").asText()));
        assertEquals(2, rules.size(), campaign.findings().toPrettyString());
        assertTrue(campaign.run().out().contains("\nfindings: 1 distinct cause (2 rules broken, 4 failing tries)"),
                campaign.run().out());
    }

    @Test
    void aFindingIsShrunkSavedOncePerRuleAndReplayable() throws IOException {
        CommandRun run = fuzz("--tries", "6", "--mutant", "size-counts-header", "--standard", "default");
        assertEquals(Main.FINDING, run.exit(), run.toString());
        String out = run.out();
        assertTrue(out.contains("\n1 distinct cause (1 rule broken, "), out);
        assertTrue(out.contains("; every trace is saved under " + directory.resolve("findings")), out);
        assertTrue(Pattern.compile("\\[1] lockstep:SUBSCRIBE_0_SUCCESS, found by try [0-5] on doc-default").matcher(out).find(), out);
        Matcher replay = Pattern.compile("replay: \\./invs replay (\\S+) --mutant size-counts-header\\n").matcher(out);
        assertTrue(replay.find(), out);
        Path trace = Path.of(replay.group(1));
        assertTrue(Files.isRegularFile(trace), trace.toString());
        try (Stream<Path> files = Files.list(directory.resolve("findings"))) {
            assertEquals(1, files.filter(file -> file.toString().endsWith(".jsonl")).count(), "one trace per rule");
        }
        assertTrue(TraceCodec.read(trace).length() <= 6, "shrunk: " + Files.readString(trace));
        assertEquals(Main.FINDING, CommandRun.of("replay", trace.toString(), "--mutant", "size-counts-header").exit());
        CommandRun reference = CommandRun.of("replay", trace.toString());
        assertEquals(0, reference.exit(), reference.toString());
        // the findings line counts the traces the findings name, whatever the problems say
        String json = Files.readString(directory.resolve("findings").resolve("report.json"));
        Matcher problems = Pattern.compile("\"problems\"\\s*:\\s*\\[\\s*\\]").matcher(json);
        assertTrue(problems.find(), json);
        String oddProblem = problems.replaceFirst("\"problems\":[\"cannot write a trace into x: Not a directory\"]");
        String shown = invs.fuzz.campaign.CampaignReport.render(
                invs.conformance.report.JsonReportReader.parse(oddProblem, "report.json"));
        assertTrue(shown.contains("; every trace is saved under " + directory.resolve("findings") + "\n"), shown);
        assertTrue(shown.contains("\nproblem: cannot write a trace into x: Not a directory\n"), shown);
        String untraced = Pattern.compile("\"trace\"\\s*:\\s*\"[^\"]*\"").matcher(json).replaceAll("\"trace\" : null");
        String otherWords = untraced.replaceFirst("\"problems\"\\s*:\\s*\\[\\s*\\]", "\"problems\":[\"disk full\"]");
        shown = invs.fuzz.campaign.CampaignReport.render(invs.conformance.report.JsonReportReader.parse(otherWords, "report.json"));
        assertTrue(shown.contains("; no trace is saved under " + directory.resolve("findings")
                + "; the problems below say why it could not be written\n"), shown);
        assertFalse(shown.contains("replay:"), shown);
    }

    /**
     * A campaign in which no try began is no campaign: not "findings: none" and exit 0, but a usage error.
     * (Whether a try begins within a tiny --time depends on how fast threads start, so the rule is tested
     * on its own.)
     */
    @Test
    void aCampaignInWhichNoTryBeganIsAnError() {
        UserError error = org.junit.jupiter.api.Assertions.assertThrows(UserError.class,
                () -> FuzzCommand.requireTries(0, java.time.Duration.ofMillis(1)));
        assertEquals("no try began within --time 1ms: give more time (a server that is slow to start or to answer"
                + " counts against it)", error.getMessage());
        FuzzCommand.requireTries(1, java.time.Duration.ofMillis(1));
    }

    @Test
    void aTimeBudgetShowsProgressLinesAndSaysItRanOut() {
        CommandRun run = CommandRun.of("fuzz", "--time", "3s", "--steps", "40", "--progress", "lines", "--out",
                directory.toString(), "--standard", "doc-default");
        assertEquals(run.out().contains("findings: none") ? 0 : Main.FINDING, run.exit(), run.toString());
        // the guided-fuzzing tests may leave the fuzzer's instrumentation active in this JVM, which announces classes it loads
        String err = run.err().lines().filter(line -> !line.startsWith("INFO: Instrumented "))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        assertTrue(err.startsWith("invs: fuzzing the reference implementation (in process) under the doc reading"
                + " for 3s (seed 0x50004, shard 0/1); the report follows at the end\n"), run.err());
        assertTrue(Pattern.compile("fuzz: +[0-9]+% [0-9,]+ tries, [0-9,]+ syscalls, [0-9,]+ syscalls/s, [0-9]+ rules? broken")
                .matcher(run.err()).find(), run.err());
        assertTrue(Pattern.compile("\n[0-9,]+ tries in [0-9.]+ s \\(the time budget ran out first: --time gives more\\)")
                .matcher(run.out()).find(), run.out());
        assertTrue(run.out().contains("--seed 0x50004 --tries "), run.out());
        CommandRun planned = CommandRun.of("fuzz", "--time", "1s", "--tries", "100000000", "--progress", "none", "--out",
                directory.resolve("planned").toString(), "--standard", "doc-default");
        assertTrue(Pattern.compile("\n[0-9,]+ of 100,000,000 tries in [0-9.]+ s \\(the time budget ran out first: --time"
                + " gives more\\)").matcher(planned.out()).find(), planned.out());
        CommandRun shard = CommandRun.of("fuzz", "--time", "1s", "--tries", "100000000", "--shard", "1/4", "--progress",
                "none", "--out", directory.resolve("shard").toString(), "--standard", "doc-default");
        assertTrue(Pattern.compile("\\n[0-9,]+ of 25,000,000 tries in").matcher(shard.out()).find(), "the shard's share: "
                + shard.out());
        assertTrue(run.out().contains(" --time 1h\n") || run.out().contains(" --time 1h  # runs to its end "), run.out());
    }

    @Test
    void aConfigurationComesFromAFileOrFromFlags() throws IOException {
        Configuration configuration = Configuration.defaults(Profile.TOCK).withApps(Vector.of(App.selfOnly("one", 7),
                App.withoutPermissions("two", 8)));
        Path file = directory.resolve("two-apps.json");
        Files.writeString(file, ConfigurationCodec.encode(configuration).toPrettyString());
        CommandRun fromFile = fuzz("--tries", "2", "--config", file.toString());
        assertEquals(0, fromFile.exit(), fromFile.toString());
        assertTrue(fromFile.out().contains("checked against the tock reading"), fromFile.out());
        assertTrue(fromFile.out().contains("boards: two-apps\n"), fromFile.out());

        CommandRun fromFlags = fuzz("--tries", "2", "--storage", "0x1000", "--region-size", "1000", "--profile", "tock",
                "--apps", "selfonly:0x1001,b=none:0x1002,local", "--address-width", "64");
        assertEquals(0, fromFlags.exit(), fromFlags.toString());
        assertTrue(fromFlags.out().contains("boards: custom\n"), fromFlags.out());
        CommandRun modified = fuzz("--tries", "2", "--standard", "default,exhaustion", "--address-width", "64");
        assertEquals(0, modified.exit(), modified.toString());
        assertTrue(modified.out().contains("boards: doc-default*, doc-exhaustion*\n"), modified.out());
        CommandRun mixed = fuzz("--tries", "2", "--standard", "doc-default,tock-default");
        assertEquals(2, mixed.exit(), mixed.toString());
        assertTrue(mixed.err().contains("belong to two readings of the document; a campaign checks one"), mixed.err());
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of(List.of("--apps", "selfonly"), "invs: --apps: in 'selfonly': 'selfonly' needs an id, as in selfonly:0x1001"),
                Arguments.of(List.of("--apps", "root:1"), "invs: --apps: in 'root:1': unknown kind 'root'"),
                Arguments.of(List.of("--shard", "3/2"), "invs: Invalid value for option '--shard': a shard is i/N with 0 <= i < N, got 3/2"),
                Arguments.of(List.of("--profile", "linux"), "invs: --profile: doc or tock, got 'linux'"),
                Arguments.of(List.of("--storage", "lots"), "invs: Invalid value for option '--storage': 'lots' is not a number"),
                Arguments.of(List.of("--region-size", "0"), "invs: not a valid configuration: region size must be 1.."),
                Arguments.of(List.of("--address-width", "48"), "invs: --address-width: 32 or 64, got 48"),
                Arguments.of(List.of("--standard", "doc-huge"), "invs: --standard: no standard board called 'doc-huge'"),
                Arguments.of(List.of("--config", "/nonexistent/board.json"), "invs: /nonexistent/board.json: no such file"),
                Arguments.of(List.of("--mutant", "no-such-bug"), "invs: no mutant called 'no-such-bug' in the bug zoo"),
                Arguments.of(List.of("--mutant", "busy-global", "--sut-command", "x"), "invs: choose one system under test"),
                Arguments.of(List.of("--time", "soon"), "invs: Invalid value for option '--time': 'soon' is not a duration"),
                Arguments.of(List.of("--tries", "0"), "invs: --tries must be at least 1"),
                Arguments.of(List.of("--tries", "99999999999"), "invs: Invalid value for option '--tries':"
                        + " '99999999999' is more than 2147483647"),
                Arguments.of(List.of("--steps", "ten"), "invs: Invalid value for option '--steps': 'ten' is not a whole number"),
                Arguments.of(List.of("--shard", "3/4", "--tries", "3"), "invs: --shard 3/4: none of the 3 tries belongs to"
                        + " this shard (try k belongs to shard k mod 4); a campaign of 3 tries has at most 3 shards"),
                Arguments.of(List.of("--steps", "100001", "--tries", "1"), "invs: --steps: 1 to 100000 inputs per try, got 100001"),
                Arguments.of(List.of("--steps", "0"), "invs: --steps: 1 to 100000 inputs per try, got 0"),
                Arguments.of(List.of("--threads", "65", "--tries", "1"), "invs: --threads: 1 to 64 tries at once, got 65"),
                Arguments.of(List.of("--out", ""), "invs: --out: an empty path; name a directory"),
                Arguments.of(List.of("--standard", "doc-default", "--profile", "tock", "--tries", "1"),
                        "invs: --standard doc-default is a board of the doc reading but --profile chooses the tock one;"
                                + " name the shape alone (default) or leave out --profile"),
                Arguments.of(List.of("--seed", "18446744073709551616"), "invs: Invalid value for option '--seed':"
                        + " '18446744073709551616' is not a seed"),
                Arguments.of(List.of("--guided", "--tries", "5"), "invs: --guided runs for --time, Jazzer choosing its inputs;"
                        + " --tries applies to random campaigns only (as --tries, --shard, --steps, --threads and --swarm do)"),
                Arguments.of(List.of("--guided"), "invs: --guided runs for --time, Jazzer choosing its inputs; --steps applies"
                        + " to random campaigns only (as --tries, --shard, --steps, --threads and --swarm do)"),
                Arguments.of(List.of("--properties", "speed"), "invs: Invalid value for option '--properties' (NAME): 'speed' is not a property"),
                Arguments.of(List.of("--sut-command", "exec /nonexistent/server"),
                        "invs: cannot use the server `exec /nonexistent/server`: the server exited with status 127"));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void aBadValueIsAOneLineErrorWithTheUsageExitCode(List<String> args, String message) {
        CommandRun run = fuzz(args.toArray(String[]::new));
        assertEquals(Main.USAGE, run.exit(), run.toString());
        assertEquals(1, run.errLine().lines().count(), run.err());
        assertTrue(run.errLine().startsWith(message), run.err());
        assertEquals("", run.out());
    }

    /**
     * With --baseline, a board the reference cannot run (a doc board with a transfer limit) is not run: a random
     * campaign and a guided one (whose boards Jazzer's inputs choose from) refuse it before they begin.
     */
    @Test
    void boardsTheBaselineCannotRunAreRefusedBeforeTheCampaign() {
        String server = "python3 '" + Path.of("..", "docs", "examples", "python-server", "server.py").toAbsolutePath() + "'";
        List<String> board = List.of("--baseline", "--transfer-limit", "64", "--profile", "doc", "--sut-command", server,
                "--progress", "none", "--out", directory.resolve("baseline").toString());
        CommandRun random = CommandRun.of(Stream.concat(Stream.of("fuzz", "--tries", "5"), board.stream())
                .toArray(String[]::new));
        assertEquals(Main.USAGE, random.exit(), random.toString());
        assertTrue(random.errLine().startsWith("invs: none of the boards can be run by both skeleton and the baseline:"
                + " custom (the baseline cannot run it: the reference board moves whole buffers in the doc profile"), random.err());
        CommandRun guided = CommandRun.of(Stream.concat(Stream.of("fuzz", "--guided", "--time", "5s"),
                board.stream()).toArray(String[]::new));
        assertEquals(Main.USAGE, guided.exit(), guided.toString());
        assertTrue(guided.errLine().startsWith("invs: --baseline: the reference implementation cannot run any of the"
                + " configurations: the reference board moves whole buffers in the doc profile"), guided.err());
    }

    @Test
    void noMoreThreadsThanTriesRun() {
        CommandRun run = fuzz("--tries", "2", "--threads", "8");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("seed 0x0000000000050004, shard 0/1, 2 threads, 60 steps per try\n"), run.out());
    }

    @Test
    void anUnsignedDecimalSeedIsTheSameSeedAsItsSignedValue() {
        CommandRun unsigned = fuzz("--tries", "1", "--seed", "18446744073709551615");
        assertEquals(0, unsigned.exit(), unsigned.toString());
        assertTrue(unsigned.out().contains("seed 0xffffffffffffffff, "), unsigned.out());
        CommandRun signed = fuzz("--tries", "1", "--seed", "-1");
        assertTrue(signed.out().contains("seed 0xffffffffffffffff, "), signed.out());
    }

    @Test
    void aShapeTakesTheProfileAndAFullNameMustAgreeWithIt() {
        CommandRun shape = fuzz("--tries", "1", "--standard", "default", "--profile", "tock");
        assertEquals(0, shape.exit(), shape.toString());
        assertTrue(shape.out().contains("boards: tock-default;"), shape.out());
        CommandRun agreeing = fuzz("--tries", "1", "--standard", "tock-default", "--profile", "tock");
        assertEquals(0, agreeing.exit(), agreeing.toString());
        assertTrue(agreeing.out().contains("boards: tock-default;"), agreeing.out());
    }

    @Test
    void aReportThatCannotBeWrittenIsAOneLineErrorAndNotClaimedWritten() throws IOException {
        Path findings = directory.resolve("findings");
        Files.createDirectories(findings.resolve("report.json").resolve("inner"));
        CommandRun run = fuzz("--tries", "1");
        assertEquals(Main.USAGE, run.exit(), run.toString());
        assertEquals("invs: cannot write " + findings.resolve("report.json") + ": a directory is in the way",
                run.errLine().lines().reduce((first, last) -> last).orElseThrow(), "the last line: " + run.err());
        assertTrue(run.out().contains("findings: none"), "the report is still shown: " + run.out());
        assertFalse(run.out().contains("reports: "), run.out());
        try (Stream<Path> files = Files.list(findings)) {
            assertEquals(List.of(), files.filter(file -> file.toString().endsWith(".tmp")).toList());
        }
    }

    @Test
    void aMalformedConfigurationFileNamesTheField() throws IOException {
        Path file = directory.resolve("board.json");
        Files.writeString(file, ConfigurationCodec.encode(Configuration.defaults(Profile.DOC)).put("regionSize", "big").toString());
        CommandRun run = fuzz("--config", file.toString());
        assertEquals(Main.USAGE, run.exit());
        assertTrue(run.errLine().startsWith("invs: " + file + ": field regionSize: expected a region size"), run.err());
    }

    @Test
    void aServerThatCrashesOrHangsIsAFindingNotACrashOfInvs() {
        CommandRun crash = fuzz("--tries", "2", "--standard", "doc-default", "--shrink-time", "5s",
                "--sut-command", ChildJava.command(MisbehavingServer.class.getName(), "crash", "20"));
        assertEquals(Main.FINDING, crash.exit(), crash.toString());
        assertTrue(crash.out().contains("[1] robustness, found by try 0"), crash.out());
        assertTrue(crash.out().contains("the server exited with status 3 before answering request"), crash.out());
        assertTrue(crash.out().contains("panicked at 'index out of bounds' in storage.rs:42"), crash.out());
        assertTrue(crash.out().contains("shrunk to 21 steps"), crash.out());

        CommandRun hang = fuzz("--tries", "1", "--standard", "doc-default", "--shrink-time", "2s", "--sut-timeout", "300ms",
                "--sut-command", ChildJava.command(MisbehavingServer.class.getName(), "hang", "10"));
        assertEquals(Main.FINDING, hang.exit(), hang.toString());
        assertTrue(hang.out().contains("did not answer request"), hang.out());
        assertTrue(hang.out().contains("within 300 ms; invs stopped it"), hang.out());
        assertTrue(hang.out().contains("--sut-timeout 300ms\n"), "the replay command keeps the timeout: " + hang.out());
    }

    @Test
    void theHelpListsTheOptionsAndExitCodes() {
        CommandRun run = CommandRun.of("fuzz", "--help");
        assertEquals(0, run.exit());
        for (String option : List.of("--time", "--tries", "--seed", "--threads", "--shard", "--guided", "--storage",
                "--region-size", "--profile", "--apps", "--address-width", "--config", "--mutant", "--sut-command",
                "--sut-timeout", "--out", "Exit codes:")) {
            assertTrue(run.out().contains(option), option + " in " + run.out());
        }
    }

    @Test
    void aShardThatRanItsWholeShareIsReRunWithTheCampaignsTries() {
        CommandRun shard = fuzz("--tries", "11", "--shard", "0/3", "--threads", "1");
        assertEquals(0, shard.exit(), shard.toString());
        assertTrue(shard.out().contains(" --shard 0/3 ") && shard.out().contains(" --seed 0x50004 --tries 11\n"),
                "the other shards were run with --tries 11, though tries 0, 3, 6 and 9 are this shard's: " + shard.out());
    }

    @Test
    void theFirstShardOfACampaignBoundedByItsTimeAloneRunsTries() {
        // without --tries the campaign has Long.MAX_VALUE tries; shard 0's share of them overflowed to a negative
        // count, and it ran none: "no try began within --time"
        CommandRun first = fuzz("--shard", "0/2", "--time", "2s");
        assertEquals(0, first.exit(), first.toString());
        assertTrue(first.out().contains("seed 0x0000000000050004, shard 0/2, 1 thread"), first.out());
        assertFalse(first.out().contains("no try began"), first.out());
    }

    @Test
    void aTryCutAtTheDeadlineIsNamedInTheReRunLine() {
        CommandRun cut = fuzz("--steps", "100000", "--time", "30ms", "--threads", "1");
        assertEquals(0, cut.exit(), cut.toString());
        assertTrue(cut.out().contains("--seed 0x50004 --tries 1 --time 1h  # runs to its end the try this run cut at its"
                + " deadline: its findings may differ\n"), cut.out());
    }

    @Test
    void everyTraceIsNamedAfterTheRuleItsShrunkSequenceBreaks() throws java.io.IOException {
        // Three failures of this campaign shrink to another rule than the one they were found breaking.
        Path out = directory.resolve("named");
        CommandRun run = CommandRun.of("fuzz", "--mutant", "slot-table-wraps", "--tries", "3000", "--threads", "1",
                "--progress", "none", "--out", out.toString());
        assertEquals(Main.FINDING, run.exit(), run.toString());
        try (Stream<Path> traces = java.nio.file.Files.list(out).filter(file -> file.toString().endsWith(".jsonl"))) {
            for (Path trace : traces.toList()) {
                String header = java.nio.file.Files.readAllLines(trace).get(0);
                java.util.regex.Matcher clause = Pattern.compile("clause: +([A-Z0-9_]+)").matcher(header);
                assertTrue(clause.find(), header);
                assertTrue(trace.getFileName().toString().contains("-" + clause.group(1).toLowerCase(java.util.Locale.ROOT) + "-"),
                        trace.getFileName() + " holds a finding of " + clause.group(1));
            }
        }
    }

    @Test
    void aMutantOfTheOtherReadingIsSaidToBeLegalHere() {
        CommandRun run = fuzz("--mutant", "transfer-limit-hardcoded", "--tries", "2");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.err().contains("invs: transfer-limit-hardcoded is a bug under the tock reading only; this campaign"
                + " checks the doc reading, which allows what it does (--profile tock checks the other)"), run.err());
        assertTrue(CommandRun.of("systems").out().contains("(a bug under the tock reading only: --profile tock)"));
    }
}
