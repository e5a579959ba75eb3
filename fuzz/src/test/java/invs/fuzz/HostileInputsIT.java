package invs.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The real command line, under {@code -Xmx256m}, on hostile trace files and requests (huge lengths, apps
 * beyond the board, a byte-order mark, binary, truncated, endless lines) and on options at the edge of
 * their range: a one-line error with exit code 2, or the right answer, never a stack trace.
 */
@Execution(ExecutionMode.CONCURRENT)
class HostileInputsIT {
    private static final Path EXAMPLE = Path.of("examples", "write-read.jsonl").toAbsolutePath();
    private static final Duration LIMIT = Duration.ofSeconds(120);

    @TempDir
    Path directory;

    private Path trace(String name, String... steps) throws IOException {
        String header = Files.readAllLines(EXAMPLE).get(0);
        Path file = directory.resolve(name);
        Files.writeString(file, header + "\n" + String.join("\n", steps) + "\n");
        return file;
    }

    private static String step(int number, String input) {
        return "{\"step\":" + number + ",\"input\":" + input + "}";
    }

    private InvsProcess invs(String... args) throws Exception {
        return InvsProcess.run(directory, LIMIT, args);
    }

    @Test
    void aHugeBufferLengthIsAnInputErrorInReplayAndCheckTrace() throws Exception {
        Path huge = trace("huge.jsonl", "{\"step\":1,\"input\":{\"kind\":\"allow-rw\",\"app\":0,\"number\":0,"
                + "\"length\":2000000000},\"observation\":{\"kind\":\"success\"}}");
        String message = "line 2, field input.length: 2000000000 bytes is more than the largest buffer allowed, 1 MiB";
        invs("replay", huge.toString()).oneLineError(Main.USAGE, message).clean().within(60);
        invs("check-trace", huge.toString()).oneLineError(Main.USAGE, message).clean().within(60);
    }

    @Test
    void manyYieldsOfALargeBufferAreRefusedBeforeTheyFillTheMemory() throws Exception {
        String[] steps = new String[401];
        steps[0] = step(1, "{\"kind\":\"allow-rw\",\"app\":0,\"number\":0,\"length\":1048576}");
        for (int i = 1; i < steps.length; i++) {
            steps[i] = step(i + 1, "{\"kind\":\"yield\",\"app\":0}");
        }
        invs("replay", trace("yields.jsonl", steps).toString())
                .oneLineError(Main.USAGE, "line 19, field input: the yields up to this step show 17 MiB of buffers in all")
                .clean().within(60);
    }

    @Test
    void manyLargeAllowsAreRefusedBeforeTheyFillTheMemory() throws Exception {
        // 80 buffers of 1 MiB, each on a line within the limits: more than a quarter of the 256 MiB heap in all
        Path many = directory.resolve("allows.jsonl");
        String data = "ab".repeat(1 << 20);
        try (var out = Files.newBufferedWriter(many, StandardCharsets.US_ASCII)) {
            out.write(Files.readAllLines(EXAMPLE).get(0) + "\n");
            for (int i = 1; i <= 80; i++) {
                out.write(step(i, "{\"kind\":\"allow-ro\",\"app\":0,\"number\":0,\"data\":\"" + data + "\"}") + "\n");
            }
        }
        for (String command : new String[] {"replay", "check-trace"}) {
            invs(command, many.toString())
                    .oneLineError(Main.USAGE, "field input.data: the buffers of the trace up to this step take more than ")
                    .oneLineError(Main.USAGE, "give Java more memory (INVS_JAVA_OPTS=-Xmx8g, for example)")
                    .clean().within(60);
        }
    }

    @Test
    void anAppBeyondTheBoardIsAnInputError() throws Exception {
        Path app = trace("app.jsonl", step(1, "{\"kind\":\"yield\",\"app\":3}").replace("}}",
                "},\"observation\":{\"kind\":\"yielded\",\"upcall\":null,\"buffer\":\"\"}}"));
        String message = "line 2, field input.app: app 3 is not on the board: the configuration has 3 apps (slots 0 to 2)";
        invs("replay", app.toString()).oneLineError(Main.USAGE, message).clean().within(60);
        invs("check-trace", app.toString()).oneLineError(Main.USAGE, message).clean().within(60);
        invs("check-trace", EXAMPLE.toString().replace("write-read.jsonl", "write-read-recorded.jsonl"), "--apps",
                "selfonly:0x1001").oneLineError(Main.USAGE, "field input.app: app 2 is not on the board").clean();
    }

    @Test
    void serveStartedWithItsStandardInputClosedReadsNoRequests() throws Exception {
        // Without the launcher's care, Java's own modules file took descriptor 0 and was answered line by line.
        Path root = Path.of("..").toAbsolutePath().normalize();
        Process serve = new ProcessBuilder("bash", "-c", "exec ./invs serve <&-").directory(root.toFile())
                .redirectError(directory.resolve("stderr.txt").toFile()).start();
        byte[] replies = serve.getInputStream().readAllBytes();
        assertTrue(serve.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "serve ended");
        assertEquals(0, serve.exitValue());
        assertEquals(0, replies.length, () -> new String(replies, 0, Math.min(replies.length, 300), StandardCharsets.UTF_8));
    }

    @Test
    void aByteOrderMarkIsAccepted() throws Exception {
        Path bom = directory.resolve("bom.jsonl");
        try (OutputStream out = Files.newOutputStream(bom)) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            out.write(Files.readAllBytes(EXAMPLE));
        }
        InvsProcess run = invs("replay", bom.toString()).clean().within(60);
        assertEquals(0, run.exit(), run::toString);
    }

    @Test
    void binaryTruncatedAndEndlessFilesAreInputErrors() throws Exception {
        Path binary = directory.resolve("binary.jsonl");
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        bytes[0] = 'x';
        bytes[1] = (byte) 0xFF;
        Files.write(binary, bytes);
        invs("replay", binary.toString()).oneLineError(Main.USAGE, "line 1: not valid UTF-8 at byte 2").clean().within(60);
        Path truncated = trace("truncated.jsonl", step(1, "{\"kind\":\"yield\",\"app\":0}"), "{\"step\":2,\"inpu");
        invs("check-trace", truncated.toString()).oneLineError(Main.USAGE, "line 3: not valid JSON").clean().within(60);
        Path endless = directory.resolve("endless.jsonl");
        byte[] block = new byte[1 << 20];
        Arrays.fill(block, (byte) 'x');
        try (OutputStream out = Files.newOutputStream(endless)) {
            for (int i = 0; i < 300; i++) {
                out.write(block);
            }
        }
        invs("replay", endless.toString()).oneLineError(Main.USAGE, "line 1: longer than 4160 KiB").clean().within(60);
    }

    @Test
    void serveAnswersHostileRequestsWithErrorsAndGoesOn() throws Exception {
        String configuration = Files.readAllLines(EXAMPLE).get(0).replaceFirst("^.*\"configuration\":", "")
                .replaceFirst("}$", "");
        Path requests = directory.resolve("requests.txt");
        try (OutputStream out = Files.newOutputStream(requests)) {
            out.write(("{\"type\":\"hello\",\"id\":1,\"protocol\":1}\n"
                    + "{\"type\":\"reset\",\"id\":2,\"configuration\":" + configuration + "}\n"
                    + "{\"type\":\"input\",\"id\":3,\"input\":{\"kind\":\"allow-rw\",\"app\":0,\"number\":0,\"length\":2000000000}}\n"
                    + "{\"type\":\"input\",\"id\":4,\"input\":{\"kind\":\"yield\",\"app\":9}}\n").getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {'{', (byte) 0xFE, '}', '\n'});
            byte[] block = new byte[1 << 20];
            Arrays.fill(block, (byte) ' ');
            for (int i = 0; i < 10; i++) {
                out.write(block);
            }
            out.write(("x\n{\"type\":\"input\",\"id\":5,\"input\":{\"kind\":\"yield\",\"app\":0}}\n"
                    + "{\"type\":\"bye\",\"id\":6}\n").getBytes(StandardCharsets.UTF_8));
        }
        InvsProcess run = InvsProcess.run(directory, LIMIT, requests, "serve").clean().within(60);
        assertEquals(0, run.exit(), run::toString);
        String[] replies = run.out().split("\n");
        assertEquals(8, replies.length, run::toString);
        assertTrue(replies[2].contains("\"error\"") && replies[2].contains("field input.length: 2000000000 bytes"), replies[2]);
        assertTrue(replies[3].contains("field input.app: app 9 is not on the board"), replies[3]);
        assertTrue(replies[4].contains("not valid UTF-8 at byte 2"), replies[4]);
        assertTrue(replies[5].contains("longer than 4160 KiB"), replies[5]);
        assertTrue(replies[6].contains("\"type\":\"observation\",\"id\":5"), "the server went on: " + replies[6]);
    }

    @Test
    void replayNeverRecordsOverItsOwnInput() throws Exception {
        Path copy = directory.resolve("mine.jsonl");
        Files.copy(EXAMPLE, copy);
        byte[] before = Files.readAllBytes(copy);
        invs("replay", copy.toString(), "--record", copy.toString())
                .oneLineError(Main.USAGE, "--record: " + copy + " is also an input of this command").clean();
        assertArrayEquals(before, Files.readAllBytes(copy));
        invs("replay", copy.toString(), "--record", "/proc/invs-record.jsonl")
                .oneLineError(Main.USAGE, "--record: cannot write in /proc").clean();
    }

    @Test
    void aStorageAreaOfZeroBytesIsABoardWhereEveryAllocationFails() throws Exception {
        InvsProcess run = invs("fuzz", "--storage", "0", "--tries", "20", "--progress", "none", "--out",
                directory.resolve("findings").toString()).clean().within(60);
        assertEquals(0, run.exit(), run::toString);
    }

    @Test
    void durationsBeyondTheLongestMeanNoLimitAndLoseNothing() throws Exception {
        InvsProcess forever = invs("fuzz", "--time", "3000000h", "--tries", "5", "--progress", "none", "--out",
                directory.resolve("findings").toString()).clean().within(60);
        assertEquals(0, forever.exit(), forever::toString);
        invs("fuzz", "--shrink-time", "3000000h", "--mutant", "drain-stalls", "--tries", "20", "--progress", "none",
                "--out", directory.resolve("findings").toString()).finding("drain-stalls").clean().within(90);
    }

    /**
     * A board of {@code apps} self-only apps with room for all their regions: six flash faults armed, then
     * each app subscribes, allows 8 bytes and asks for a write, all accepted; {@code more} steps follow.
     * No app yields, so which writes completed, and how, stays open: the states multiply with the apps.
     */
    private Path unseenWrites(String name, int apps, String... more) throws IOException {
        StringBuilder board = new StringBuilder();
        for (int app = 0; app < apps; app++) {
            String id = String.format("\"0x%08x\"", 0x1000 + app);
            board.append(app == 0 ? "" : ",").append("{\"name\":\"app").append(app).append("\",\"shortId\":").append(id)
                    .append(",\"permissions\":{\"kind\":\"self-only\",\"id\":").append(id).append("}}");
        }
        java.util.List<String> lines = new java.util.ArrayList<>();
        lines.add("{\"format\":\"invs-trace\",\"version\":1,\"configuration\":{\"storageLength\":" + (256 * apps + 4096)
                + ",\"regionSize\":64,\"transferLimit\":null,\"addressWidth\":32,\"profile\":\"doc\",\"apps\":[" + board + "]}}");
        java.util.List<String> inputs = new java.util.ArrayList<>();
        for (int fault = 0; fault < 6; fault++) {
            inputs.add("{\"kind\":\"flash-fault\"}");
        }
        for (int app = 0; app < apps; app++) {
            inputs.add("{\"kind\":\"subscribe\",\"app\":" + app + ",\"number\":2}");
            inputs.add("{\"kind\":\"allow-ro\",\"app\":" + app + ",\"number\":0,\"data\":\"0102030405060708\"}");
            inputs.add("{\"kind\":\"command\",\"app\":" + app + ",\"number\":3,\"arg1\":0,\"arg2\":0}");
        }
        inputs.addAll(Arrays.asList(more));
        for (int step = 0; step < inputs.size(); step++) {
            String input = inputs.get(step);
            String observation = input.contains("\"kind\":\"subscribe\"") || input.contains("allow-ro")
                    || input.contains("\"kind\":\"command\"") ? "success" : "quiet";
            lines.add("{\"step\":" + (step + 1) + ",\"input\":" + input + ",\"observation\":{\"kind\":\"" + observation + "\"}}");
        }
        Path file = directory.resolve(name);
        Files.write(file, lines);
        return file;
    }

    /** Each app's second write, then a tick: accepted only if its first one completed, unseen. */
    private static String[] secondWrites(int apps) {
        String[] second = new String[2 * apps];
        for (int app = 0; app < apps; app++) {
            second[2 * app] = "{\"kind\":\"command\",\"app\":" + app + ",\"number\":3,\"arg1\":0,\"arg2\":0}";
            second[2 * app + 1] = "{\"kind\":\"tick\"}";
        }
        return second;
    }

    @Test
    void aTraceThatLeavesMoreStatesOpenThanTheSpecificationFollowsIsNotCheckedToItsEnd() throws Exception {
        // Each app's second write is accepted only if its first one completed, unseen: whole, or failed with a
        // fault. 13 apps: before the bound on one step, checking ran for hours (11 apps took 281 s).
        Path widening = unseenWrites("widening.jsonl", 13, secondWrites(13));
        invs("check-trace", widening.toString())
                .oneLineError(Main.USAGE, "widening.jsonl: not checked to the end (71 steps; no finding before): the"
                        + " specification gave up following the observations at step 62 (app8 command 3 (0x0, 0x0)):"
                        + " more than 8,192 states left open")
                .clean().within(60);
        // A drain completes 16 writes that each may have failed: from one state, every subset of faults.
        Path draining = unseenWrites("draining.jsonl", 16, "{\"kind\":\"drain\"}");
        InvsProcess replay = invs("replay", draining.toString())
                .oneLineError(Main.USAGE, "at step 55 (drain): more than 8,192 states left open").clean().within(60);
        assertTrue(replay.out().contains("  54. app15 command 3") && replay.out().contains("AGREED")
                && replay.out().contains("  55. drain") && replay.out().contains("NOT_CHECKED"), replay::toString);
    }

    @Test
    void statesThatEachWroteToLargeRegionsShareTheirUntouchedBytes() throws Exception {
        // Eight apps with 3 MiB regions, each write possibly failed by an armed fault: 256 states. Each state
        // held a copy of every region it wrote, 24 MiB, and this ran out of memory (exit 3) within 256 MiB.
        int regionSize = 3 * 1024 * 1024;
        StringBuilder apps = new StringBuilder();
        StringBuilder steps = new StringBuilder();
        int step = 0;
        for (int app = 0; app < 8; app++) {
            String id = String.format("\"0x%08x\"", app + 1);
            apps.append(app == 0 ? "" : ",").append("{\"name\":\"a").append(app).append("\",\"shortId\":").append(id)
                    .append(",\"permissions\":{\"kind\":\"self-only\",\"id\":").append(id).append("}}");
            for (String[] pair : new String[][] {
                    {"{\"kind\":\"subscribe\",\"app\":" + app + ",\"number\":2}", "success"},
                    {"{\"kind\":\"allow-ro\",\"app\":" + app + ",\"number\":0,\"data\":\"" + "ab".repeat(16) + "\"}", "success"},
                    {"{\"kind\":\"flash-fault\"}", "quiet"},
                    {"{\"kind\":\"command\",\"app\":" + app + ",\"number\":3,\"arg1\":" + (regionSize - 16) + ",\"arg2\":0}", "success"},
                    {"{\"kind\":\"drain\"}", "quiet"}}) {
                steps.append("{\"step\":").append(++step).append(",\"input\":").append(pair[0])
                        .append(",\"observation\":{\"kind\":\"").append(pair[1]).append("\"}}\n");
            }
        }
        Path faulted = directory.resolve("large-regions.jsonl");
        Files.writeString(faulted, "{\"format\":\"invs-trace\",\"version\":1,\"seed\":0,\"configuration\":{\"storageLength\":"
                + 8 * (regionSize + 13) + ",\"regionSize\":" + regionSize + ",\"transferLimit\":null,\"addressWidth\":32,"
                + "\"profile\":\"doc\",\"apps\":[" + apps + "]}}\n" + steps);
        InvsProcess checked = invs("check-trace", faulted.toString()).clean().within(60);
        assertEquals(0, checked.exit(), checked::toString);
        assertTrue(checked.out().contains("conforms: all 40 steps are allowed by the specification"), checked::toString);
    }

    @Test
    void theBoundOnOneStepIsAnOption() throws Exception {
        Path nine = unseenWrites("nine.jsonl", 9, secondWrites(9));
        // The last step makes 12,259 states: beyond the default bound, within twice it.
        invs("check-trace", nine.toString()).oneLineError(Main.USAGE, "at step 50 (app8 command 3 (0x0, 0x0)): more than"
                + " 8,192 states left open (8,194 made so far); --max-step-states raises the bound").clean().within(60);
        InvsProcess wider = invs("check-trace", nine.toString(), "--max-step-states", "16384").clean().within(100);
        assertEquals(0, wider.exit(), wider::toString);
        assertTrue(wider.out().contains("conforms: all 51 steps are allowed by the specification"), wider::toString);
        invs("replay", nine.toString(), "--max-step-states", "0")
                .oneLineError(Main.USAGE, "--max-step-states: 1 to 16777216, got 0").clean().within(60);
    }

    @Test
    void aBoardBeyondWhatAConfigurationOrTheReferenceHoldsIsAOneLineError() throws Exception {
        invs("fuzz", "--storage", "4294967295", "--tries", "1", "--progress", "none", "--out", directory.resolve("findings").toString())
                .oneLineError(Main.USAGE, "custom").clean().within(60);
        invs("explore", "--regions", "300000000").oneLineError(Main.USAGE, "--regions: 300000000 regions of 4 bytes need")
                .clean().within(60);
    }

    @Test
    void serverOptionsWithoutAServerAreUsageErrors() throws Exception {
        invs("replay", EXAMPLE.toString(), "--sut-fresh").oneLineError(Main.USAGE, "--sut-fresh applies to a server")
                .clean().within(60);
        invs("fuzz", "--sut-timeout", "1s", "--tries", "1").oneLineError(Main.USAGE, "it needs --sut-command").clean()
                .within(60);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--seconds=Infinity", "--seconds=9999999999", "--time=3000000h"})
    void exploreFindsTheMutantWhateverTheTimeBudget(String budget) throws Exception {
        invs("explore", "--lockstep", "--depth", "3", "--mutant", "drain-stalls", budget,
                "--out", directory.resolve("explored").toString()).finding("saved ").clean().within(90);
    }

    @Test
    void exploreRefusesATimeThatIsNotANumber() throws Exception {
        invs("explore", "--depth", "3", "--seconds", "NaN")
                .oneLineError(Main.USAGE, "--seconds: 'NaN' is not a number of seconds").clean().within(60);
    }
}
