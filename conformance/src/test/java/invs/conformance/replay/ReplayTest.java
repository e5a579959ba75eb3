package invs.conformance.replay;

import invs.conformance.check.Checks;

import invs.conformance.check.Property;
import invs.conformance.check.Session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.fixtures.Pipelining;
import invs.conformance.reference.ReferenceProvider;
import invs.conformance.reference.ReferenceSystem;
import invs.conformance.sut.SystemUnderTest;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.trace.Trace;
import invs.conformance.trace.TraceCodec;
import invs.conformance.trace.TraceStep;
import invs.conformance.zoo.Zoo;
import invs.spec.Bytes;
import invs.spec.Observation;
import invs.spec.Upcall;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

class ReplayTest {

    static Trace resource(String name) {
        try (InputStream in = ReplayTest.class.getResourceAsStream("/traces/" + name)) {
            return TraceCodec.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aHandWrittenTraceFileReplaysOnTheReference() {
        Trace trace = resource("write-then-read.jsonl");
        ReplayResult result = Replay.replay(trace, new ReferenceProvider());
        assertTrue(result.conforms(), result.report());
        assertTrue(result.matchesRecording(), result.report());
        assertEquals(trace.length(), result.steps().size());
    }

    @Test
    void aFindingsTraceFileReplaysItsViolationExactly() {
        Trace trace = resource("size-counts-header.jsonl");
        ReplayResult onMutant = Replay.replay(trace, Zoo.named("size-counts-header").get());
        assertEquals(Verdict.VIOLATED, onMutant.steps().last().verdict(), onMutant.report());
        assertEquals("lockstep:SUBSCRIBE_0_SUCCESS", onMutant.violation().get().key());
        assertTrue(onMutant.matchesRecording(), onMutant.report());
        ReplayResult onReference = Replay.replay(trace, new ReferenceProvider());
        assertTrue(onReference.conforms(), onReference.report());
        assertFalse(onReference.matchesRecording());
    }

    @Test
    void anIsolationFindingsTraceReplaysAsTheIsolationFindingItWasSavedFor() {
        // saved by a campaign against the mutant; its inputs break lockstep on it too, at the same step
        Trace trace = resource("slot-table-wraps-isolation.jsonl");
        ReplayResult onMutant = Replay.replay(trace, Zoo.named("slot-table-wraps").get());
        assertEquals("isolation:INTRO_REGION", onMutant.violation().get().key(), onMutant.report());
        assertEquals(trace.length() - 1, onMutant.violation().get().step());
        assertTrue(Replay.replay(trace, new ReferenceProvider()).conforms());
    }

    @Test
    void stepsAfterAViolationAreAppliedButNotChecked() {
        Trace trace = resource("size-counts-header.jsonl");
        Trace longer = new Trace(trace.header(), trace.steps().appendAll(trace.steps()));
        ReplayResult result = Replay.replay(longer, Zoo.named("size-counts-header").get());
        int violated = result.steps().indexWhere(step -> step.verdict() == Verdict.VIOLATED);
        assertEquals(trace.length() - 1, violated);
        assertTrue(result.steps().drop(violated + 1).forAll(step -> step.verdict() == Verdict.NOT_CHECKED));
        assertTrue(result.steps().drop(violated + 1).forAll(step -> step.observed().isDefined()));
    }

    @Test
    void aPipeliningSystemGetsTheTraceInBatchesAndEveryAnswerAfterTheViolation() {
        Trace trace = resource("size-counts-header.jsonl");
        Trace longer = new Trace(trace.header(), Vector.fill(40, trace::steps).flatMap(steps -> steps));
        SystemUnderTestFactory mutant = Zoo.named("size-counts-header").get();
        List<Integer> sent = new ArrayList<>();
        ReplayResult batched = Replay.replay(longer, configuration -> new Pipelining(mutant.create(configuration),
                sent::add, () -> { }));
        assertEquals(List.of(Session.BATCH, Session.BATCH, longer.length() - 2 * Session.BATCH), sent,
                "two batches ahead, then every input after the violation at once");
        SystemUnderTest alone = mutant.create(longer.header().configuration());
        assertEquals(longer.inputs().map(input -> Option.some(alone.apply(input))), batched.steps().map(StepResult::observed),
                "every step shows what the system answered");
        assertEquals(trace.length() - 1, batched.violation().get().step());
        assertEquals(Vector.fill(trace.length() - 1, Verdict.AGREED).append(Verdict.VIOLATED)
                .appendAll(Vector.fill(longer.length() - trace.length(), Verdict.NOT_CHECKED)),
                batched.steps().map(StepResult::verdict));
        ReplayResult oneAtATime = Replay.replay(longer, mutant);
        assertEquals(oneAtATime.steps(), batched.steps());
        assertEquals(oneAtATime.violation(), batched.violation());
    }

    @Test
    void aLongTraceThatConformsIsJudgedInBatchesToTheEnd() {
        Trace trace = resource("write-then-read.jsonl");
        Trace longer = Trace.ofInputs(trace.header(), Vector.fill(30, trace::inputs).flatMap(inputs -> inputs));
        List<Integer> sent = new ArrayList<>();
        ReplayResult batched = Replay.replay(longer, configuration -> new Pipelining(new ReferenceSystem(configuration),
                sent::add, () -> { }));
        assertTrue(batched.conforms(), batched.report());
        assertEquals(longer.length(), batched.steps().size());
        assertTrue(batched.steps().forAll(step -> step.verdict() == Verdict.AGREED && step.observed().isDefined()));
        assertEquals(longer.length(), sent.stream().mapToInt(Integer::intValue).sum());
        assertTrue(sent.stream().allMatch(size -> size <= Session.BATCH) && sent.size() > 2, "batches: " + sent);
    }

    @Test
    void aRecordedTraceIsCheckedAgainstTheModelAlone() {
        Trace recorded = resource("write-then-read.jsonl");
        assertTrue(Replay.checkTrace(recorded).conforms());
        int last = recorded.length() - 1;
        TraceStep step = recorded.steps().get(last);
        Observation.Yielded seen = (Observation.Yielded) step.observation().get();
        Observation tampered = new Observation.Yielded(seen.upcall().map(up -> new Upcall(up.subscribeNumber(),
                up.status(), up.arg1() + 1, 0)), seen.readBuffer());
        Trace wrong = new Trace(recorded.header(), recorded.steps().update(last, TraceStep.of(step.input(), tampered)));
        ReplayResult result = Replay.checkTrace(wrong);
        assertEquals(last, result.violation().get().step());
        assertTrue(result.violation().get().description().contains("allowed:"), result.violation().get().description());
    }

    @Test
    void checkingATraceNeedsEveryObservation() {
        Trace recorded = resource("write-then-read.jsonl");
        Trace inputsOnly = Trace.ofInputs(recorded.header(), recorded.inputs());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Replay.checkTrace(inputsOnly));
        assertEquals("step 1 records no observation: check-trace needs every step's observation", error.getMessage());
    }

    @Test
    void aSessionRecordsWhatItSaw() {
        Trace trace = resource("write-then-read.jsonl");
        try (Session session = Session.open(trace.header().configuration(), ReferenceSystem::new, Checks.online())) {
            trace.inputs().forEach(session::step);
            assertEquals(trace.steps().map(TraceStep::observation), session.steps().map(TraceStep::observation));
            assertTrue(session.frontier().isDefined());
            assertTrue(session.violation().isEmpty());
            assertEquals(Option.some(new Observation.Yielded(Option.some(Upcall.success(1, 4)),
                    Bytes.fromHex("c0ffee00"))), session.lastObservation());
        }
    }
}
