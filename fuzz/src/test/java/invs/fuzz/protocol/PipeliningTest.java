package invs.fuzz.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.campaign.Budget;
import invs.conformance.campaign.Campaign;
import invs.conformance.campaign.CampaignResult;
import invs.conformance.campaign.Finding;
import invs.conformance.sut.Answers;
import invs.conformance.sut.SystemUnderTest;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.zoo.Zoo;
import invs.fuzz.ChildJava;
import invs.spec.AllowReadOnly;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Profile;
import io.vavr.collection.Vector;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Pipelining over the protocol against real child processes: a server that announces it gets batches and
 * gives the same findings as one served one request at a time; a server that does not announce it never
 * gets a request before it has answered the one before; a server that stops reading in the middle of a
 * batch is a failure within the timeout, and its process is gone.
 */
class PipeliningTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration START = Duration.ofSeconds(60);
    private static final String MUTANT = "busy-check-missing";
    private static final Configuration BOARD = Configuration.defaults(Profile.DOC);

    @Test
    void pipelinedAndOneAtATimeServersGiveTheSameFindingsOnAZooMutant() {
        CampaignResult inProcess = campaign(Zoo.named(MUTANT).get());
        try (ExternalProvider pipelined = new ExternalProvider(ChildJava.serve("--mutant", MUTANT), TIMEOUT, START, false);
             ExternalProvider oneAtATime = new ExternalProvider(ChildJava.command(OneAtATimeServer.class.getName(),
                     "--mutant", MUTANT), TIMEOUT, START, false)) {
            assertEquals(ProtocolServer.PIPELINING, pipelined.preflight().pipelining());
            assertEquals(1, oneAtATime.preflight().pipelining());
            try (SystemUnderTest system = pipelined.create(BOARD)) {
                assertTrue(system.pipelines(), "invs serve announces pipelining");
            }
            try (SystemUnderTest system = oneAtATime.create(BOARD)) {
                assertFalse(system.pipelines(), "the strict server does not");
            }
            CampaignResult batched = campaign(pipelined);
            CampaignResult stepByStep = campaign(oneAtATime);
            assertFalse(inProcess.findings().isEmpty(), MUTANT + " is killed in process");
            assertEquals(summary(inProcess), summary(stepByStep), "one request at a time finds what the engine finds in process");
            assertEquals(summary(stepByStep), summary(batched), "pipelining finds the same");
        }
    }

    @Test
    void aServerAnsweringAsTheReferenceGetsTheSameInputsPipelinedAsInProcess() {
        // pipelined batches are aimed by the reference implementation's answers, which are the served
        // reference's: the same tries check the same inputs and system calls as in process
        CampaignResult inProcess = campaign(new invs.conformance.reference.ReferenceProvider());
        try (ExternalProvider pipelined = new ExternalProvider(ChildJava.serve(), TIMEOUT, START, false)) {
            CampaignResult batched = campaign(pipelined);
            assertTrue(inProcess.findings().isEmpty() && batched.findings().isEmpty());
            assertEquals(inProcess.tries(), batched.tries());
            assertEquals(inProcess.statistics().inputs(), batched.statistics().inputs());
            assertEquals(inProcess.statistics().syscalls(), batched.statistics().syscalls());
        }
    }

    @Test
    void aServerIsJudgedOnWhatItAnswersWhateverWasForecast() {
        // a reply that is the forecast's line is read as the forecast: any other reply is the server's own
        SystemUnderTestFactory reference = new invs.conformance.reference.ReferenceProvider();
        try (ExternalProvider served = new ExternalProvider(ChildJava.serve(), TIMEOUT, START, false)) {
            for (long seed = 1; seed <= 3; seed++) {
                Vector<Input> inputs = Vector.empty();
                Vector<invs.spec.Observation> truth = Vector.empty();
                try (SystemUnderTest aimed = reference.create(BOARD)) {
                    var generator = new invs.conformance.generation.InputGenerator(BOARD, aimed.capabilities(), seed);
                    for (int step = 0; step < 150; step++) {
                        Input input = generator.next();
                        invs.spec.Observation observation = aimed.apply(input);
                        generator.observe(input, observation);
                        inputs = inputs.append(input);
                        truth = truth.append(observation);
                    }
                }
                Vector<invs.spec.Observation> wrong = truth.map(observation -> observation.equals(invs.spec.Observation.success())
                        ? invs.spec.Observation.failure(invs.spec.ErrorCode.BUSY) : invs.spec.Observation.success());
                assertTrue(truth.exists(invs.spec.Observation.Yielded.class::isInstance), "the sequence yields");
                try (SystemUnderTest system = served.create(BOARD)) {
                    assertEquals(truth, answers(system.send(inputs, wrong), inputs.size()), "forecast wrong: seed " + seed);
                }
                try (SystemUnderTest system = served.create(BOARD)) {
                    assertEquals(truth, answers(system.send(inputs, truth), inputs.size()), "forecast right: seed " + seed);
                }
                try (SystemUnderTest system = served.create(BOARD)) {
                    assertEquals(truth, answers(system.send(inputs, wrong.take(40).appendAll(truth.drop(40))), inputs.size()),
                            "forecast wrong for the first 40: seed " + seed);
                }
                // every yield forecast to show one buffer: from each app's second yield on, its forecast line
                // leaves the buffer out, as does the server's reply wherever the app shows its last buffer again
                Vector<invs.spec.Observation> oneBuffer = truth.map(observation -> observation
                        instanceof invs.spec.Observation.Yielded(var upcall, var buffer)
                        ? new invs.spec.Observation.Yielded(upcall, Bytes.filled(3, 0x5a)) : observation);
                assertTrue(showsABufferAgain(inputs, truth), "an app shows its last buffer again: seed " + seed);
                try (SystemUnderTest system = served.create(BOARD)) {
                    assertEquals(truth, answers(system.send(inputs, oneBuffer), inputs.size()),
                            "every buffer forecast wrong: seed " + seed);
                }
            }
        }
    }

    /** Whether a yield in {@code inputs} shows the buffer its app's yield before it showed. */
    private static boolean showsABufferAgain(Vector<Input> inputs, Vector<invs.spec.Observation> observations) {
        java.util.Map<AppId, Bytes> last = new java.util.HashMap<>();
        for (int at = 0; at < inputs.size(); at++) {
            if (inputs.get(at) instanceof invs.spec.Yield(AppId app)
                    && observations.get(at) instanceof invs.spec.Observation.Yielded yielded
                    && yielded.readBuffer().equals(last.put(app, yielded.readBuffer()))) {
                return true;
            }
        }
        return false;
    }

    private static Vector<invs.spec.Observation> answers(invs.conformance.sut.PendingAnswers pending, int count) {
        Vector<invs.spec.Observation> answers = Vector.empty();
        for (int at = 0; at < count; at++) {
            answers = answers.append(pending.next());
        }
        return answers;
    }

    @Test
    void aServerThatDoesNotAnnouncePipeliningGetsOneRequestAtATime() {
        try (ExternalProvider strict = new ExternalProvider(ChildJava.command(OneAtATimeServer.class.getName()),
                TIMEOUT, START, false)) {
            CampaignResult result = campaign(strict);
            assertTrue(result.tries() >= 20, "tries: " + result.tries());
            assertTrue(result.findings().isEmpty(), () -> result.findings().head().report());
        }
    }

    @Test
    void withNoPipeliningTheCommandLineSendsOneRequestAtATimeToAServerThatAnnouncesIt() throws Exception {
        String announcing = ChildJava.command(OneAtATimeServer.class.getName(), "--announce");
        java.nio.file.Path out = java.nio.file.Files.createTempDirectory("invs-no-pipelining");
        String[] fuzz = {"fuzz", "--sut-command", announcing, "--standard", "doc-default", "--tries", "20",
                "--steps", "60", "--time", "60s", "--progress", "none", "--out", out.toString()};
        java.io.PrintStream stdout = System.out;
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        int oneAtATime;
        int pipelined;
        try (java.io.PrintStream capture = new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            String[] strict = java.util.Arrays.copyOf(fuzz, fuzz.length + 1);
            strict[fuzz.length] = "--sut-no-pipelining";
            oneAtATime = invs.fuzz.Main.run(strict);
            // every pipelined try fails at its first batch and costs a new server: two tries tell as much as twenty
            String[] few = java.util.Arrays.copyOf(fuzz, fuzz.length + 2);
            few[java.util.Arrays.asList(fuzz).indexOf("--tries") + 1] = "2";
            few[fuzz.length] = "--shrink-time";
            few[fuzz.length + 1] = "2s";
            pipelined = invs.fuzz.Main.run(few);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        String text = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, oneAtATime, text);
        assertTrue(text.contains("one request at a time (announces pipelining)"), text);
        assertEquals(1, pipelined, "without the option the batches reach the strict server: " + text);
    }

    /** A server announcing a window of 2 never has more than 2 requests unanswered (one more was sent before). */
    @Test
    void aServerAnnouncingASmallWindowNeverHasMoreRequestsUnanswered() {
        try (ExternalProvider small = new ExternalProvider(ChildJava.command(OneAtATimeServer.class.getName(), "--window", "2"),
                TIMEOUT, START, false)) {
            CampaignResult result = campaign(small);
            assertTrue(result.findings().isEmpty(), () -> result.findings().head().report());
            assertTrue(result.tries() >= 20, "tries: " + result.tries());
        }
    }

    @Test
    void theStrictServerNoticesARequestSentBeforeItsAnswer() {
        // the same server announcing pipelining: the check above can fail
        try (ExternalProvider announcing = new ExternalProvider(ChildJava.command(OneAtATimeServer.class.getName(),
                "--announce"), TIMEOUT, START, false)) {
            CampaignResult result = campaign(announcing);
            assertFalse(result.findings().isEmpty(), "a pipelined batch reached the strict server unnoticed");
            assertTrue(result.findings().head().report().contains("a request arrived before the answer to the one before"),
                    result.findings().head().report());
        }
    }

    @Test
    void aServerThatStopsReadingMidBatchIsAFailureWithinTheTimeoutAndIsKilled() throws InterruptedException {
        // 64 allows of 8 KiB: a megabyte of requests, more than a pipe holds, so invs's writer blocks too;
        // the timeout leaves a cold child JVM on a loaded machine time to answer its first reset
        Vector<Input> batch = Vector.range(0, 64).map(index -> (Input) new AllowReadOnly(AppId.of(0), 0,
                Bytes.filled(8192, index)));
        try (ExternalProvider stalling = new ExternalProvider(ChildJava.command(MisbehavingServer.class.getName(),
                "stall", "3"), Duration.ofSeconds(2), START, false);
             SystemUnderTest system = stalling.create(BOARD)) {
            assertTrue(system.pipelines());
            long start = System.nanoTime();
            Answers answers = system.applyAll(batch);
            long took = (System.nanoTime() - start) / 1_000_000;
            assertEquals(3, answers.answered(), "the answers before the stall are kept");
            String message = answers.failure().get().getMessage();
            assertTrue(message.contains("did not answer request 6 (input app0 allow-ro") && message.contains("within 2000 ms"),
                    message);
            assertTrue(took < 8000, "stopped after " + took + " ms");
            long pid = pidIn(message);
            Optional<ProcessHandle> server = ProcessHandle.of(pid);
            for (int wait = 0; wait < 50 && server.isPresent() && server.get().isAlive(); wait++) {
                Thread.sleep(100);
            }
            assertFalse(server.isPresent() && server.get().isAlive(), "the server " + pid + " was left running");
        }
    }

    private static long pidIn(String message) {
        Matcher pid = Pattern.compile("pid (\\d+)").matcher(message);
        assertTrue(pid.find(), "the server's standard error is quoted: " + message);
        return Long.parseLong(pid.group(1));
    }

    private static CampaignResult campaign(SystemUnderTestFactory factory) {
        return Campaign.against("pipelining", factory).seed(Campaign.DEFAULT_SEED)
                .budget(new Budget(30, 150, Duration.ofSeconds(120))).stopAtFirstFinding(true)
                .shrinkTime(Duration.ofSeconds(60)).run();
    }

    /** What a campaign found: for each finding, its rule, the try, the length before shrinking and the shrunk trace. */
    private static Vector<String> summary(CampaignResult result) {
        return result.findings().map((Finding finding) -> finding.key() + " in " + finding.origin() + ", "
                + finding.originalLength() + " steps, shrunk to " + finding.trace().steps());
    }
}
