package invs.conformance.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.coverage.Statistics;
import invs.conformance.fixtures.Pipelining;
import invs.conformance.generation.InputGenerator;
import invs.conformance.reference.ReferenceSystem;
import invs.conformance.shrink.LateBug;
import invs.conformance.sut.Answers;
import invs.conformance.sut.Capability;
import invs.conformance.sut.SystemUnderTest;
import invs.spec.AppId;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Subscribe;
import invs.spec.Tick;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Sessions that drive a pipelining system in batches: the same run as step by step, a violation in the
 * middle of a batch ends the run there, a failure in the middle of a batch keeps the answers before it,
 * and the forecast predicts what the reference answers to system calls alone.
 */
class SessionBatchTest {
    private static final Configuration DOC = Configuration.defaults(Profile.DOC);

    /** {@code inner}, saying it pipelines: the engine then hands it batches; it fails at ticks if told to. */
    private static final class Batched implements SystemUnderTest {
        private final SystemUnderTest inner;
        private final boolean failAtTicks;
        private int batches;

        Batched(SystemUnderTest inner, boolean failAtTicks) {
            this.inner = inner;
            this.failAtTicks = failAtTicks;
        }

        @Override
        public Observation apply(Input input) {
            if (failAtTicks && input instanceof Tick) {
                throw new IllegalStateException("the link broke at a tick");
            }
            return inner.apply(input);
        }

        @Override
        public Answers applyAll(Vector<? extends Input> inputs) {
            batches++;
            return SystemUnderTest.super.applyAll(inputs);
        }

        @Override
        public boolean pipelines() {
            return true;
        }

        @Override
        public Set<Capability> capabilities() {
            return EnumSet.allOf(Capability.class);
        }
    }

    @Test
    void aLongFailureRunInBatchesIsTheRunStepByStep() {
        Vector<Input> inputs = LateBug.failure(DOC, 3);
        Batched[] made = new Batched[1];
        Run batched = Session.run(DOC, configuration -> made[0] = new Batched(new LateBug(configuration), false),
                Checks.online(), inputs, new Statistics());
        Run stepByStep = Session.run(DOC, LateBug::new, Checks.online(), inputs, new Statistics());
        assertEquals(stepByStep.violation().map(Violation::step), batched.violation().map(Violation::step));
        assertEquals(inputs.size() - 1, batched.violation().get().step());
        assertEquals(stepByStep.steps(), batched.steps());
        assertEquals((inputs.size() + Session.BATCH - 1) / Session.BATCH, made[0].batches, "batches of " + Session.BATCH);
    }

    @Test
    void aViolationInTheMiddleOfABatchEndsTheRunThere() {
        // the failure's last six inputs first: the bug shows at input 6, then more inputs follow in the batch
        Vector<Input> failure = LateBug.failure(DOC, 5);
        Vector<Input> inputs = failure.takeRight(6).appendAll(failure.take(40));
        try (Session session = Session.open(DOC, configuration -> new Batched(new LateBug(configuration), false),
                Checks.online(), new Statistics())) {
            assertTrue(session.pipelines());
            Violation violation = session.stepAll(inputs).get();
            assertEquals(5, violation.step());
            assertEquals(6, session.steps().size(), "the inputs after the violation are not part of the run");
            assertTrue(session.steps().last().note().isDefined());
            assertThrows(IllegalStateException.class, () -> session.stepAll(inputs));
        }
    }

    @Test
    void pastItsDeadlineASessionStopsBeforeAnAnswerButNotBeforeABatchsFirst() {
        Vector<Input> inputs = LateBug.failure(DOC, 5).take(20);
        assertEquals(20, inputs.size());
        try (Session session = Session.open(DOC, configuration -> new Batched(new ReferenceSystem(configuration), false),
                Checks.online(), new Statistics())) {
            session.stopJudgingAt(System.nanoTime() - 1);
            session.send(inputs.take(10), Vector.empty());
            session.send(inputs.drop(10), Vector.empty());
            assertTrue(session.judgeSent().isEmpty());
            assertTrue(session.stopped());
            assertEquals(1, session.stepCount(), "the batch's first answer is judged, no other");
            assertThrows(IllegalStateException.class, session::judgeSent, "a stopped session judges no more");
            assertEquals(19, session.applyUnchecked(Vector.empty()).size(), "the answers not judged are there");
        }
        try (Session session = Session.open(DOC, configuration -> new Batched(new ReferenceSystem(configuration), false),
                Checks.online(), new Statistics())) {
            session.stopJudgingAt(System.nanoTime() + java.util.concurrent.TimeUnit.HOURS.toNanos(1));
            assertEquals(20, session.stepInBatches(inputs, Vector.empty()));
            assertFalse(session.stopped());
            assertEquals(20, session.stepCount(), "before its deadline a session judges every answer");
        }
    }

    @Test
    void theAnswersAfterAViolationInABatchAreTakenUncheckedAndThenMoreInputs() {
        Vector<Input> failure = LateBug.failure(DOC, 5);
        Vector<Input> inputs = failure.takeRight(6).appendAll(failure.take(40));
        Vector<Input> more = failure.take(10);
        LateBug alone = new LateBug(DOC);
        Vector<Observation> expected = inputs.appendAll(more).map(alone::apply);
        List<Integer> sent = new ArrayList<>();
        try (Session session = Session.open(DOC, configuration -> new Pipelining(new LateBug(configuration), sent::add,
                () -> { }), Checks.online(), new Statistics())) {
            assertThrows(IllegalStateException.class, () -> session.applyUnchecked(more), "not while it goes on");
            session.send(inputs.take(30), Vector.empty());
            session.send(inputs.drop(30), Vector.empty());
            assertEquals(5, session.judgeSent().get().step());
            assertEquals(2, session.unjudged(), "the batch of the violation and the one after it wait");
            Vector<Option<Observation>> after = session.applyUnchecked(more);
            assertEquals(inputs.size() - 6 + more.size(), after.size());
            assertEquals(expected.drop(6).map(Option::some), after, "what the system answered, in order");
            assertEquals(List.of(30, 16, 10), sent, "the inputs after the end sent at once");
            assertEquals(0, session.unjudged());
            assertEquals(6, session.steps().size(), "nothing taken unchecked is part of the run");
        }
    }

    @Test
    void inputsNeverAppliedAfterAFailureAreAnsweredWithNone() {
        Vector<Input> inputs = Vector.of(new Subscribe(AppId.of(0), 0), new Tick(), new Yield(AppId.of(0)),
                Command.size(AppId.of(0)));
        try (Session session = Session.open(DOC, configuration -> new Batched(new ReferenceSystem(configuration), true),
                Checks.online(), new Statistics())) {
            assertEquals(1, session.stepAll(inputs).get().step());
            Vector<Option<Observation>> after = session.applyUnchecked(Vector.of(Command.size(AppId.of(0))));
            assertEquals(3, after.size(), "the two inputs after the failure, then the one sent now: " + after);
            assertTrue(after.get(0).isEmpty() && after.get(1).isEmpty(), "never applied: " + after);
            assertTrue(after.get(2).isDefined(), "the system answers what is sent after: " + after);
        }
    }

    @Test
    void aFailureInTheMiddleOfABatchKeepsTheAnswersBeforeIt() {
        Vector<Input> inputs = Vector.of(new Subscribe(AppId.of(0), 0), Command.size(AppId.of(0)), new Tick(),
                new Yield(AppId.of(0)));
        try (Session session = Session.open(DOC, configuration -> new Batched(new ReferenceSystem(configuration), true),
                Checks.online(), new Statistics())) {
            Violation violation = session.stepAll(inputs).get();
            assertEquals(Property.ROBUSTNESS, violation.property());
            assertEquals(2, violation.step());
            assertTrue(violation.description().contains("the link broke at a tick"), violation.description());
            assertEquals(3, session.steps().size());
            assertTrue(session.steps().get(1).observation().isDefined());
            assertTrue(session.steps().last().observation().isEmpty());
        }
    }

    @Test
    void theForecastPredictsTheReferenceOnSystemCallsAlone() {
        // without events nothing completes behind the apps' backs: the first outcome the specification
        // allows is what the reference answers, so a batch of system calls is aimed as well as step by step
        InputGenerator generator = new InputGenerator(DOC, EnumSet.noneOf(Capability.class), 11);
        try (Session session = Session.open(DOC, configuration -> new Batched(new ReferenceSystem(configuration), false),
                Checks.online(), new Statistics())) {
            Forecast forecast = Forecast.from(session.frontier().get());
            ReferenceSystem reference = new ReferenceSystem(DOC);
            for (int step = 0; step < 40; step++) {
                Input input = generator.next();
                Observation predicted = forecast.next(input);
                Observation actual = reference.apply(input);
                generator.observe(input, actual);
                assertEquals(actual, predicted, "step " + step + ": " + input);
            }
            assertFalse(session.steps().nonEmpty(), "a forecast applies nothing");
        }
    }
}
