package invs.fuzz.tock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.check.Checks;
import invs.conformance.check.Property;
import invs.conformance.check.Run;
import invs.conformance.check.Session;
import invs.conformance.sut.SystemUnderTest;
import invs.conformance.trace.Trace;
import invs.conformance.trace.TraceCodec;
import invs.conformance.trace.TraceStep;
import invs.fuzz.protocol.ExternalProvider;
import invs.spec.AppId;
import invs.spec.Input;
import invs.spec.Reboot;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.io.IOException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The upstream Tock capsule's harness ({@code impl/tock-harness}) pipelining: it announces a window when
 * started with {@code --pipelining} (none by default), and the sanity traces and the findings, sent in batches as a campaign
 * sends them, show exactly their recorded observations. Boots beyond the kernel's 32 deferred calls make
 * the harness re-execute itself at a reboot or a reset while the requests after it are already read;
 * every one of them must still be answered, in order, as recorded. Needs cargo: without it the tests are
 * aborted with that reason.
 */
class PipelinedCapsuleTest {
    private static final Duration REQUEST = Duration.ofSeconds(20);
    private static final Duration START = Duration.ofMinutes(2);
    /** The boots one harness process image makes before it re-executes itself (the kernel's deferred calls). */
    private static final int BOOTS_PER_IMAGE = 32;

    /** The harness with {@code options} ({@code -}: none), told to announce pipelining when {@code pipelining}. */
    private static ExternalProvider harness(String options, boolean pipelining) {
        String told = pipelining ? (options.equals("-") ? "" : options + " ") + "--pipelining" : options;
        return new ExternalProvider(TockHarness.command(told), REQUEST, START, false, true);
    }

    /** Runs the trace's inputs in batches, as a campaign does, and checks them as {@code Replay} does. */
    private static Run run(Trace trace, ExternalProvider provider) {
        boolean isolation = trace.header().property().contains(Property.ISOLATION.label());
        Checks checks = isolation && trace.header().subject().isDefined()
                ? new Checks(Property.online().append(Property.ISOLATION), Option.some(AppId.of(trace.header().subject().get())))
                : Checks.online();
        return Session.run(trace.header().configuration(), provider, checks, trace.steps().map(TraceStep::input));
    }

    /** The first step of {@code run} whose observation is not the one {@code trace} recorded, if any. */
    private static Option<String> firstDifference(Trace trace, Run run) {
        for (int index = 0; index < run.steps().size(); index++) {
            TraceStep recorded = trace.steps().get(index);
            TraceStep observed = run.steps().get(index);
            if (!observed.observation().equals(recorded.observation())) {
                return Option.some("step " + (index + 1) + " (" + recorded.input() + ") shows "
                        + observed.observation().map(Object::toString).getOrElse("nothing") + ", recorded: "
                        + recorded.observation().map(Object::toString).getOrElse("nothing"));
            }
        }
        return Option.none();
    }

    private static void assertShowsItsRecording(Trace trace, Run run, String name) {
        assertTrue(run.violation().isEmpty(), () -> name + " broke the specification: " + run.violation().get());
        assertEquals(trace.length(), run.steps().size(), name + ": every step ran");
        assertEquals(Option.none(), firstDifference(trace, run), name);
    }

    @Test
    void theHarnessAnnouncesPipeliningOnlyWhenToldTo() {
        TockHarness.build();
        Trace trace = sanity("reboot.jsonl");
        try (ExternalProvider pipelining = harness("-", true);
             ExternalProvider strict = harness("-", false)) {
            assertEquals(256, pipelining.preflight().pipelining());
            assertEquals(1, strict.preflight().pipelining());
            try (SystemUnderTest system = pipelining.create(trace.header().configuration())) {
                assertTrue(system.pipelines(), "--pipelining announces a window");
            }
            try (SystemUnderTest system = strict.create(trace.header().configuration())) {
                assertFalse(system.pipelines(), "by default the harness announces none");
            }
            assertShowsItsRecording(trace, run(trace, strict), "reboot.jsonl served one request at a time");
        }
    }

    @TestFactory
    Stream<DynamicTest> theSanityTracesShowTheirRecordingInBatches() throws IOException {
        return TockHarness.rows("impl/tock-harness/sanity/expectations.tsv").stream()
                .filter(row -> row.expectation().equals("conforms"))
                .map(row -> DynamicTest.dynamicTest(row.toString(), () -> {
                    TockHarness.build();
                    Trace trace = TraceCodec.read(row.trace());
                    try (ExternalProvider provider = harness(row.options(), true)) {
                        assertShowsItsRecording(trace, run(trace, provider), row.toString());
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyFindingShowsAsRecordedInBatches() throws IOException {
        return TockHarness.rows("impl/tock-harness/findings/expectations.tsv").stream()
                .map(row -> DynamicTest.dynamicTest(row.toString(), () -> {
                    TockHarness.build();
                    Trace trace = TraceCodec.read(row.trace());
                    try (ExternalProvider provider = harness(row.options(), true)) {
                        Run run = run(trace, provider);
                        assertTrue(run.violation().isDefined(), row + " no longer breaks the specification");
                        assertEquals(Option.none(), firstDifference(trace, run), row.toString());
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> requestsReadAheadSurviveEveryReExecution() {
        return Stream.of(true, false).map(pipelining -> DynamicTest.dynamicTest(
                pipelining ? "pipelined" : "one request at a time", () -> {
                    TockHarness.build();
                    Trace manyReboots = sanity("many-reboots.jsonl");
                    try (ExternalProvider provider = harness("-", pipelining)) {
                        try (SystemUnderTest system = provider.create(manyReboots.header().configuration())) {
                            assertEquals(pipelining, system.pipelines());
                        }
                        // that reset, another and 30 reboots use up the first image's boots: the next reset
                        // re-executes the harness with its sequence's first inputs sent; the runs after it
                        // re-execute it at reboots in the middle of batches (41 boots a run)
                        Vector<Input> leadIn = Vector.fill(BOOTS_PER_IMAGE - 2, () -> new Reboot(0));
                        Run first = Session.run(manyReboots.header().configuration(), provider, Checks.online(), leadIn);
                        assertTrue(first.violation().isEmpty() && first.steps().size() == leadIn.size(),
                                () -> "the lead-in failed: " + first.violation());
                        for (int round = 1; round <= 4; round++) {
                            assertShowsItsRecording(manyReboots, run(manyReboots, provider),
                                    "many-reboots.jsonl, round " + round);
                        }
                    }
                }));
    }

    private static Trace sanity(String name) {
        return TraceCodec.read(TockHarness.ROOT.resolve("impl/tock-harness/sanity").resolve(name));
    }
}
