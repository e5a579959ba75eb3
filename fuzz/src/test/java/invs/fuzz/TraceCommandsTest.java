package invs.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.check.Property;
import invs.conformance.check.Session;
import invs.conformance.reference.ReferenceSystem;
import invs.conformance.trace.Trace;
import invs.conformance.trace.TraceCodec;
import invs.conformance.trace.TraceHeader;
import invs.conformance.trace.TraceStep;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Subscribe;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code replay}, {@code check-trace} and {@code regression-test} on trace files. */
class TraceCommandsTest {
    private static final AppId APP = AppId.of(0);
    private static final Configuration BOARD = Configuration.defaults(Profile.DOC);
    /** Size, then write 4 bytes and read them back: steps 4 and 12 are the two yields with upcalls worth changing. */
    private static final Vector<Input> INPUTS = Vector.of(new Subscribe(APP, 0), new Command(APP, 1, 0, 0), new Drain(),
            new Yield(APP), new Subscribe(APP, 2), new AllowReadOnly(APP, 0, Bytes.fromHex("c0ffee00")),
            Command.write(APP, 10), new Drain(), new Yield(APP), new Subscribe(APP, 1), new AllowReadWrite(APP, 0, 4),
            Command.read(APP, 10), new Drain(), new Yield(APP));

    @TempDir
    Path directory;

    private Path trace;

    @BeforeEach
    void recordTheReference() {
        Vector<TraceStep> steps;
        try (Session session = Session.open(BOARD, ReferenceSystem::new, invs.conformance.check.Checks.online())) {
            INPUTS.forEach(session::step);
            steps = session.steps();
        }
        trace = directory.resolve("good.jsonl");
        TraceCodec.write(new Trace(TraceHeader.of(BOARD, 0, "reference"), steps), trace);
    }

    @Test
    void replayShowsEveryStepAndConformsOnTheReference() {
        CommandRun run = CommandRun.of("replay", trace.toString());
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("   4. app0 yield"), run.out());
        assertTrue(run.out().contains("upcall 0 (SUCCESS, 2048, 0)"), run.out());
        assertTrue(run.out().endsWith("conforms: all 14 steps agree with the specification\n"), run.out());
    }

    @Test
    void textFromATraceReachesTheTerminalWithItsControlCharactersEscaped() throws IOException {
        Path escaping = directory.resolve("escaping.jsonl");
        Files.writeString(escaping, Files.readString(trace).replace("\"system\":\"reference\"",
                "\"system\":\"sys\\u001b[2J\""));
        CommandRun run = CommandRun.of("replay", escaping.toString());
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("\nrecorded on sys\\u001b[2J\n"), run.out());
        Path named = directory.resolve("named.jsonl");
        Files.writeString(named, Files.readString(trace).replace("\"name\":\"alpha\"", "\"name\":\"a\\u001b[31mRED\""));
        CommandRun refused = CommandRun.of("replay", named.toString());
        assertEquals(Main.USAGE, refused.exit(), refused.toString());
        assertTrue(refused.errLine().contains("an app's name has no control characters, got U+001B in it"), refused.errLine());
    }

    @Test
    void replayOnAMutantShowsTheViolationAndWhereItDiffersFromTheRecording() {
        CommandRun run = CommandRun.of("replay", trace.toString(), "--mutant", "size-counts-header");
        assertEquals(Main.FINDING, run.exit(), run.toString());
        assertTrue(run.out().contains("violation at step 4: lockstep broken at step 4 (app0 yield)"), run.out());
        assertTrue(run.out().contains("(recorded: upcall 0 (SUCCESS, 2048, 0)"), run.out());
        assertTrue(run.out().contains("differs from the recording at step 4"), run.out());
    }

    @Test
    void aMalformedTraceIsOneLineNamingTheLineAndField() throws IOException {
        Path bad = directory.resolve("bad.jsonl");
        Files.writeString(bad, Files.readString(trace).replace("\"arg1\":0", "\"arg1\":-1"));
        for (String command : new String[] {"replay", "check-trace", "regression-test"}) {
            CommandRun run = CommandRun.of(command, bad.toString());
            assertEquals(Main.USAGE, run.exit(), run.toString());
            assertEquals("invs: " + bad + ": line 3, field input.arg1: expected an unsigned 32-bit number, got -1",
                    run.errLine());
        }
        CommandRun missing = CommandRun.of("replay", directory.resolve("nope.jsonl").toString());
        assertEquals("invs: " + directory.resolve("nope.jsonl") + ": no such file", missing.errLine());
        for (String command : new String[] {"replay", "check-trace", "regression-test"}) {
            CommandRun empty = CommandRun.of(command, ""); // not the working directory, as a path of no name reads
            assertEquals(Main.USAGE, empty.exit(), empty.toString());
            assertEquals("invs: an empty path; name a trace file", empty.errLine());
        }
    }

    @Test
    void aVersionWrittenAsAStringOrAnUnknownPropertyIsAnInputError() throws IOException {
        String text = Files.readString(trace);
        Path version = Files.writeString(directory.resolve("version.jsonl"), text.replace("\"version\":1,", "\"version\":\"0x1\","));
        Path property = Files.writeString(directory.resolve("property.jsonl"),
                text.replace("\"version\":1,", "\"version\":1,\"property\":\"nope\",\"subject\":0,"));
        for (String command : new String[] {"replay", "check-trace", "regression-test"}) {
            CommandRun run = CommandRun.of(command, version.toString());
            assertEquals(Main.USAGE, run.exit(), run.toString());
            assertEquals("invs: " + version + ": line 1, field version: expected a version of 1 or more (a JSON integer,"
                    + " not a string), got \"0x1\"", run.errLine());
            CommandRun unknown = CommandRun.of(command, property.toString());
            assertEquals(Main.USAGE, unknown.exit(), unknown.toString());
            assertEquals("invs: " + property + ": line 1, field property: expected lockstep, liveness, durability,"
                    + " isolation or robustness, got \"nope\"", unknown.errLine());
        }
    }

    @Test
    void upperCaseHexadecimalIsReadAsTheProtocolReadsIt() throws IOException {
        String text = Files.readString(trace);
        assertTrue(text.contains("\"data\":\"c0ffee00\""), text);
        Path upper = Files.writeString(directory.resolve("upper.jsonl"), text.replace("c0ffee00", "C0FFEE00"));
        assertEquals(TraceCodec.read(trace), TraceCodec.read(upper));
        for (String command : new String[] {"replay", "check-trace"}) {
            CommandRun run = CommandRun.of(command, upper.toString());
            assertEquals(0, run.exit(), run.toString());
        }
    }

    @Test
    void recordReplacesAnOldLogSayingSoButNeverItsInput() throws IOException {
        Path log = Files.writeString(directory.resolve("log.jsonl"), "old");
        CommandRun run = CommandRun.of("replay", trace.toString(), "--record", log.toString());
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("recorded the observations in " + log + " (it replaces the file that was there)"),
                run.out());
        assertEquals(14, TraceCodec.read(log).length());
        String before = Files.readString(trace);
        CommandRun onItself = CommandRun.of("replay", trace.toString(), "--record", trace.toString());
        assertEquals(Main.USAGE, onItself.exit());
        assertEquals("invs: --record: " + trace + " is also an input of this command; name another file", onItself.errLine());
        assertEquals(before, Files.readString(trace));
    }

    @Test
    void regressionTestWritesItsClassToAFileWhenAsked() throws IOException {
        Path java = directory.resolve("src/FindingRegressionTest.java");
        CommandRun run = CommandRun.of("regression-test", trace.toString(), "--out", java.toString());
        assertEquals(0, run.exit(), run.toString());
        assertEquals("wrote " + java, run.out().strip());
        assertTrue(Files.readString(java).contains("class FindingRegressionTest {"));
        assertEquals(Main.USAGE, CommandRun.of("regression-test", trace.toString(), "--out", trace.toString()).exit());
    }

    @Test
    void anIsolationSubjectBeyondTheBoardOptionsBoardIsAnInputError() throws IOException {
        Path isolation = directory.resolve("isolation.jsonl");
        Trace recorded = TraceCodec.read(trace);
        TraceCodec.write(new Trace(recorded.header().withProperty("isolation").withSubject(2), recorded.steps()), isolation);
        assertEquals(0, CommandRun.of("replay", isolation.toString()).exit());
        for (String command : new String[] {"replay", "check-trace"}) {
            CommandRun run = CommandRun.of(command, isolation.toString(), "--apps", "selfonly:0x1001");
            assertEquals(Main.USAGE, run.exit(), run.toString());
            assertEquals("invs: " + isolation + ": line 1, field subject: process slot 2, but the configuration has 1 app"
                    + " (slot 0)", run.errLine());
        }
    }

    @Test
    void anAppBeyondTheBoardOrAHugeBufferIsAnInputError() throws IOException {
        Path app = directory.resolve("app.jsonl");
        Files.writeString(app, Files.readString(trace).replace("{\"kind\":\"yield\",\"app\":0}",
                "{\"kind\":\"yield\",\"app\":5}"));
        for (String command : new String[] {"replay", "check-trace"}) {
            CommandRun run = CommandRun.of(command, app.toString());
            assertEquals(Main.USAGE, run.exit(), run.toString());
            assertTrue(run.errLine().startsWith("invs: " + app + ": line 5, field input.app: app 5 is not on the board"),
                    run.errLine());
        }
        CommandRun small = CommandRun.of("replay", trace.toString(), "--max-buffer", "2");
        assertEquals(Main.USAGE, small.exit(), small.toString());
        assertTrue(small.errLine().contains("field input.data: 4 bytes is more than the largest buffer allowed, 2 bytes"),
                small.errLine());
    }

    @Test
    void aSecondStepOnALineIsAnErrorNotSkipped() throws IOException {
        String text = Files.readString(trace);
        Path joined = directory.resolve("joined.jsonl");
        Files.writeString(joined, text.replace("}\n{\"step\":14,", "}\r{\"step\":14,"));
        Path twice = directory.resolve("twice.jsonl");
        Files.writeString(twice, text.replace("{\"step\":4,\"input\":", "{\"step\":4,\"input\":{\"kind\":\"drain\"},\"input\":"));
        for (String command : new String[] {"replay", "check-trace"}) {
            CommandRun run = CommandRun.of(command, joined.toString());
            assertEquals(Main.USAGE, run.exit(), run.toString());
            assertTrue(run.errLine().startsWith("invs: " + joined + ": line 14: not valid JSON: more after the JSON object,"
                    + " at column "), run.errLine());
            CommandRun duplicate = CommandRun.of(command, twice.toString());
            assertEquals(Main.USAGE, duplicate.exit(), duplicate.toString());
            assertEquals("invs: " + twice + ": line 5, field input: given twice (a field may appear once in an object)",
                    duplicate.errLine());
        }
    }

    @Test
    void aTraceLongerThanTheStepLimitIsAnError() {
        for (String command : new String[] {"replay", "check-trace"}) {
            CommandRun run = CommandRun.of(command, trace.toString(), "--max-steps", "13");
            assertEquals(Main.USAGE, run.exit(), run.toString());
            assertEquals("invs: " + trace + ": line 15: more than 13 steps, the most a trace may hold (--max-steps)",
                    run.errLine());
            assertEquals(0, CommandRun.of(command, trace.toString(), "--max-steps", "14").exit());
            CommandRun zero = CommandRun.of(command, trace.toString(), "--max-steps", "0");
            assertEquals(Main.USAGE, zero.exit(), zero.toString());
            assertEquals("invs: --max-steps: 1 or more, got 0", zero.errLine());
        }
    }

    @Test
    void checkTraceAcceptsAGoodLog() {
        CommandRun run = CommandRun.of("check-trace", trace.toString());
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().endsWith("conforms: all 14 steps are allowed by the specification\n"), run.out());
    }

    @Test
    void checkTraceNamesTheFirstDivergence() throws IOException {
        Trace good = TraceCodec.read(trace);
        Vector<TraceStep> steps = good.steps().update(13, TraceStep.of(INPUTS.get(13),
                new Observation.Yielded(Option.some(Upcall.success(1, 4)), Bytes.fromHex("c0ffee01"))));
        Path diverging = directory.resolve("board-log.jsonl");
        String text = TraceCodec.format(new Trace(good.header(), steps));
        Files.writeString(diverging, text.replace("\n{\"step\":5,", "\n\n{\"step\":5,"));
        CommandRun run = CommandRun.of("check-trace", diverging.toString());
        assertEquals(Main.FINDING, run.exit(), run.toString());
        assertTrue(run.out().contains("first divergence at step 14 (line 16 of " + diverging + "): lockstep broken at step 14"),
                run.out());
        assertTrue(run.out().contains("observed: upcall 1 (SUCCESS, 4, 0), buffer 4:c0ffee01"), run.out());
    }

    @Test
    void checkTraceUsesBoardOptionsInsteadOfTheHeader() {
        CommandRun run = CommandRun.of("check-trace", trace.toString(), "--region-size", "1024");
        assertEquals(Main.FINDING, run.exit(), run.toString());
        assertTrue(run.out().contains("first divergence at step 4 "), run.out());
    }

    @Test
    void boardsOfACampaignAreRefusedWhereTheTraceChoosesTheBoard() {
        for (String command : new String[] {"check-trace", "replay"}) {
            for (String mode : new String[] {"generated", "bogus"}) {
                CommandRun run = CommandRun.of(command, trace.toString(), "--boards", mode);
                assertEquals(Main.USAGE, run.exit(), run.toString());
                assertEquals("invs: --boards chooses the boards of a campaign's tries; " + command + " runs the trace's"
                        + " board (--config or --standard replace it, field options modify it)", run.errLine());
            }
        }
    }

    @Test
    void checkTraceNeedsObservations() throws IOException {
        Path inputsOnly = directory.resolve("inputs.jsonl");
        TraceCodec.write(Trace.ofInputs(TraceHeader.of(BOARD, 0, ""), INPUTS), inputsOnly);
        CommandRun run = CommandRun.of("check-trace", inputsOnly.toString());
        assertEquals(Main.USAGE, run.exit());
        assertTrue(run.errLine().startsWith("invs: " + inputsOnly + ": step 1 records no observation"), run.err());
    }

    @Test
    void regressionTestPrintsAJUnitClassForTheTrace() {
        CommandRun run = CommandRun.of("regression-test", trace.toString(), "--package", "my.tests", "--class",
                "SizeRegressionTest");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().startsWith("package my.tests;\n"), run.out());
        assertTrue(run.out().contains("class SizeRegressionTest {"), run.out());
        assertTrue(run.out().contains("ConformanceAssertions.assertConforms(configuration, inputs,"
                + " new invs.conformance.reference.ReferenceProvider());"), run.out());
        assertTrue(run.out().contains("new Command(AppId.of(0), 3, 0xaL, 0x0L)"), run.out());
        assertEquals(Main.USAGE, CommandRun.of("regression-test", trace.toString(), "--class", "2bad").exit());
    }

    @Test
    void regressionTestRefusesNamesAndExpressionsThatWouldNotCompile() {
        String[][] cases = {
                {"--class", "class", "invs: --class: 'class' is a Java keyword"},
                {"--class", "Test", "invs: --class: 'Test' is a type the test uses"},
                {"--method", "wait", "invs: --method: 'wait' is a method of Object"},
                {"--package", "my.int", "invs: --package: 'my.int' is not a Java package name a test can be in"
                        + " (names separated by dots, none a keyword, not java.*, which the JVM keeps for itself)"},
                {"--package", "java.tests", "invs: --package: 'java.tests' is not a Java package name a test can be in"
                        + " (names separated by dots, none a keyword, not java.*, which the JVM keeps for itself)"},
                {"--factory", "", "invs: --factory: not a Java expression: it is empty"},
                {"--factory", "\"unterminated", "invs: --factory: not a Java expression: its string literal is not closed"},
                {"--factory", "new X(", "invs: --factory: not a Java expression: its '(' is never closed"}};
        for (String[] option : cases) {
            CommandRun run = CommandRun.of("regression-test", trace.toString(), option[0], option[1]);
            assertEquals(Main.USAGE, run.exit(), run.toString());
            assertEquals(option[2], run.errLine());
        }
    }

    @Test
    void regressionTestChecksTheTraceAsReplayDoesAndRefusesOneTooLargeForAClass() throws IOException {
        Path yields = directory.resolve("yields.jsonl");
        TraceCodec.write(Trace.ofInputs(TraceHeader.of(BOARD, 0, ""), Vector.<Input>of(new AllowReadWrite(APP, 0, 1 << 20))
                .appendAll(Vector.fill(17, new Yield(APP)))), yields);
        CommandRun replayed = CommandRun.of("replay", yields.toString());
        CommandRun emitted = CommandRun.of("regression-test", yields.toString());
        assertEquals(Main.USAGE, emitted.exit(), emitted.toString());
        assertEquals(replayed.errLine(), emitted.errLine());
        assertTrue(emitted.errLine().contains("show 17 MiB of buffers in all"), emitted.errLine());
        Path storage = Files.writeString(directory.resolve("storage.jsonl"),
                Files.readString(trace).replaceFirst("\"storageLength\":\\d+", "\"storageLength\":4294967295"));
        CommandRun onTheReference = CommandRun.of("regression-test", storage.toString());
        assertEquals(Main.USAGE, onTheReference.exit(), onTheReference.toString());
        assertEquals("invs: the reference implementation cannot run the configuration of " + storage + ": the reference"
                + " board holds at most 2^31-1 bytes of storage, not 4294967295 (name a system that can with --factory)",
                onTheReference.errLine());
        assertEquals(0, CommandRun.of("regression-test", storage.toString(), "--factory", "factory()").exit());
        Path tooLong = directory.resolve("long.jsonl");
        TraceCodec.write(Trace.ofInputs(TraceHeader.of(BOARD, 0, ""), Vector.fill(5001, new Drain())), tooLong);
        CommandRun refused = CommandRun.of("regression-test", tooLong.toString());
        assertEquals(Main.USAGE, refused.exit(), refused.toString());
        assertEquals("invs: " + tooLong + ": too large for a regression test: 5001 steps, more than the 5000 a test holds",
                refused.errLine());
    }

    @Test
    void regressionTestKeepsADescriptionInItsComment() throws IOException {
        Path hostile = directory.resolve("hostile.jsonl");
        TraceCodec.write(Trace.ofInputs(TraceHeader.of(BOARD, 0, "").withDescription(
                "x \\u002a\\u002f static { System.exit(42); } /*"), Vector.of(new Drain())), hostile);
        CommandRun run = CommandRun.of("regression-test", hostile.toString(), "--class", "EvilTest");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("     * x &#92;u002a&#92;u002f static { System.exit(42); } /*\n"), run.out());
        assertFalse(run.out().contains("\\u"), run.out());
    }
}
