package invs.fuzz.tock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import invs.conformance.replay.Replay;
import invs.conformance.replay.ReplayResult;
import invs.conformance.replay.StepResult;
import invs.conformance.trace.Trace;
import invs.conformance.trace.TraceCodec;
import invs.fuzz.protocol.ExternalProvider;
import invs.spec.Configuration;
import invs.spec.Profile;
import io.vavr.control.Option;
import java.io.IOException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The upstream Tock capsule, run by the host harness ({@code impl/tock-harness}), replayed against the
 * specification through the protocol:
 * <ul>
 *   <li>the sanity traces ({@code impl/tock-harness/sanity}: the three upstream test apps' expectations,
 *       restart, reboot) conform and show exactly their recorded observations, and the harness broken on
 *       purpose ({@code --break}) is caught by them;</li>
 *   <li>every finding ({@code impl/tock-harness/findings}, {@code docs/upstream-findings.md}) still breaks
 *       the specification exactly as recorded, and the tock profile accepts or rejects it as recorded. When
 *       the capsule changes upstream, these tests say so and name the trace.</li>
 * </ul>
 * Needs cargo: without it the tests are aborted with that reason.
 */
class UpstreamCapsuleTest {
    private static final Duration REQUEST = Duration.ofSeconds(20);
    private static final Duration START = Duration.ofMinutes(2);

    private static ReplayResult replay(Trace trace, String options) {
        try (ExternalProvider provider = new ExternalProvider(TockHarness.command(options), REQUEST, START, false)) {
            return Replay.replay(trace, provider);
        }
    }

    private static String firstDifference(ReplayResult result) {
        return result.steps().find(StepResult::differsFromRecording)
                .map(step -> "step " + (step.index() + 1) + " (" + step.input() + ") now shows "
                        + step.observed().map(Object::toString).getOrElse("an exception") + ", recorded: "
                        + step.recorded().map(Object::toString).getOrElse("nothing"))
                .getOrElse("no step differs");
    }

    @TestFactory
    Stream<DynamicTest> theUpstreamTestAppsPassAndABrokenHarnessIsCaught() throws IOException {
        return TockHarness.rows("impl/tock-harness/sanity/expectations.tsv").stream()
                .map(row -> DynamicTest.dynamicTest(row.toString(), () -> {
                    TockHarness.build();
                    Trace trace = TraceCodec.read(row.trace());
                    ReplayResult result = replay(trace, row.options());
                    switch (row.expectation()) {
                        case "conforms" -> {
                            assertTrue(result.conforms(), row + " broke the specification:\n" + result.report());
                            assertTrue(result.matchesRecording(), row + ": " + firstDifference(result) + "\n"
                                    + result.report());
                        }
                        case "finding" -> assertTrue(result.violation().isDefined(),
                                row + ": the harness broken on purpose was not caught:\n" + result.report());
                        default -> fail("unknown expectation " + row.expectation());
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyUpstreamFindingStillShowsAsRecorded() throws IOException {
        return TockHarness.rows("impl/tock-harness/findings/expectations.tsv").stream()
                .map(row -> DynamicTest.dynamicTest(row.toString(), () -> {
                    TockHarness.build();
                    Trace trace = TraceCodec.read(row.trace());
                    String name = row.trace().getFileName().toString();
                    ReplayResult result = replay(trace, row.options());
                    assertTrue(result.violation().isDefined(), "upstream behaviour changed: " + name
                            + " no longer breaks the specification (every step conforms). If the capsule was fixed,"
                            + " update docs/upstream-findings.md and retire the trace.\n" + result.report());
                    assertTrue(result.matchesRecording(), "upstream behaviour changed: " + name + ": "
                            + firstDifference(result) + ". Update docs/upstream-findings.md and the trace.\n"
                            + result.report());
                    ReplayResult tock = replay(onTheTockBoard(trace), row.options());
                    boolean accepted = tock.conforms();
                    assertEquals(row.expectation().equals("accepts"), accepted, name + ": the tock profile "
                            + (accepted ? "now accepts" : "now rejects") + " this trace, recorded: " + row.expectation()
                            + "\n" + tock.report());
                }));
    }

    /** The trace on the same board read with the tock profile, with the tock board's 512-byte transfers. */
    private static Trace onTheTockBoard(Trace trace) {
        Configuration configuration = trace.header().configuration();
        Configuration tock = configuration.withProfile(Profile.TOCK).withTransferLimit(
                configuration.transferLimit().orElse(Option.some(Configuration.TOCK_KERNEL_BUFFER)));
        return new Trace(trace.header().withConfiguration(tock), trace.steps());
    }
}
