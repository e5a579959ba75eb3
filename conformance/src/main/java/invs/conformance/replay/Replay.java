package invs.conformance.replay;

import invs.conformance.check.Checks;
import invs.conformance.check.Property;
import invs.conformance.check.Session;
import invs.conformance.check.Violation;
import invs.conformance.sut.Capability;
import invs.conformance.sut.SystemUnderTest;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.trace.Trace;
import invs.conformance.trace.TraceStep;
import invs.spec.AppId;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.model.TooManyStates;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Exact replay of traces, through a {@link Session}: on systems of a factory ({@link #replay}), or of the
 * observations a trace recorded, against the specification alone ({@link #checkTrace}).
 */
public final class Replay {
    private Replay() {
    }

    /**
     * Replays the trace's inputs on a fresh system of {@code factory}, checking the online properties; a
     * trace whose header names the isolation property and a subject is checked as the campaign's isolation
     * try that saved it was, for isolation (and robustness) alone: its inputs are generated for the subject
     * app's program and the others', not aimed at lockstep, and a system with an isolation defect most often
     * breaks lockstep somewhere on them too, which replay would otherwise report instead of the finding the
     * trace was saved for. After the first violation the remaining inputs are still applied, their steps
     * {@link Verdict#NOT_CHECKED}; so are they, and the step itself, from a step where the specification gave
     * up ({@link ReplayResult#undecided}).
     */
    public static ReplayResult replay(Trace trace, SystemUnderTestFactory factory) {
        return replay(trace, factory, TooManyStates.STEP_BOUND);
    }

    /**
     * {@link #replay(Trace, SystemUnderTestFactory)}, the specification following at most {@code stepBound}
     * states a step ({@link TooManyStates}).
     */
    public static ReplayResult replay(Trace trace, SystemUnderTestFactory factory, int stepBound) {
        boolean isolation = trace.header().property().contains(Property.ISOLATION.label());
        Checks checks = isolation && trace.header().subject().isDefined()
                ? new Checks(Vector.of(Property.ISOLATION, Property.ROBUSTNESS), Option.some(AppId.of(trace.header().subject().get())))
                : Checks.online();
        return replay(trace, factory, checks.withStepBound(stepBound));
    }

    /**
     * Replays the trace's inputs on a fresh system of {@code factory}, checking {@code checks}. The inputs
     * go in batches {@link Session#stepInBatches sent} {@link Session#AHEAD} ahead, with the trace's recorded
     * observations as the forecast, so that a system that pipelines gets many before answering the first
     * (any other applies each when its answer is taken, as one at a time). The checks include robustness,
     * so an input the system fails to answer ends the run: every step judged is the trace's step of the
     * same index.
     */
    private static ReplayResult replay(Trace trace, SystemUnderTestFactory factory, Checks checks) {
        Vector<TraceStep> steps = trace.steps();
        List<StepResult> results = new ArrayList<>();
        try (Session session = Session.open(trace.header().configuration(), factory, checks)) {
            int sent = session.stepInBatches(trace.inputs(), recorded(steps));
            Vector<TraceStep> ran = session.steps();
            Option<Violation> violation = session.violation()
                    .map(found -> found.describedAs(found.explained(trace.header().configuration(), ran)));
            Option<String> undecided = session.undecided();
            for (int index = 0; index < session.stepCount(); index++) {
                boolean violated = violation.isDefined() && violation.get().step() == index;
                boolean given = undecided.isDefined() && index == session.stepCount() - 1;
                results.add(new StepResult(index, steps.get(index).input(), session.observation(index),
                        steps.get(index).observation(), violated ? Verdict.VIOLATED : given ? Verdict.NOT_CHECKED
                        : Verdict.AGREED, violated ? violation : Option.none()));
            }
            if (violation.isDefined() || undecided.isDefined()) {
                Vector<Option<Observation>> after = session.applyUnchecked(trace.inputs().drop(sent));
                for (int index = results.size(), next = 0; index < steps.size(); index++, next++) {
                    TraceStep step = steps.get(index);
                    results.add(new StepResult(index, step.input(), after.get(next), step.observation(),
                            Verdict.NOT_CHECKED, Option.none()));
                }
            }
            return new ReplayResult(Vector.ofAll(results), violation, undecided);
        }
    }

    /** The observations {@code steps} recorded, from the first step up to the first that recorded none. */
    private static Vector<Observation> recorded(Vector<TraceStep> steps) {
        return steps.takeWhile(step -> step.observation().isDefined()).map(step -> step.observation().get());
    }

    /**
     * Checks a recorded trace against the specification without any system: each step's recorded
     * observation is taken as the implementation's answer, and the online properties are checked.
     *
     * @throws IllegalArgumentException if a step records no observation
     */
    public static ReplayResult checkTrace(Trace trace) {
        return checkTrace(trace, TooManyStates.STEP_BOUND);
    }

    /**
     * {@link #checkTrace(Trace)}, the specification following at most {@code stepBound} states a step
     * ({@link TooManyStates}).
     *
     * @throws IllegalArgumentException if a step records no observation
     */
    public static ReplayResult checkTrace(Trace trace, int stepBound) {
        for (int index = 0; index < trace.length(); index++) {
            if (trace.steps().get(index).observation().isEmpty()) {
                throw new IllegalArgumentException("step " + (index + 1) + " records no observation: check-trace needs"
                        + " every step's observation");
            }
        }
        return replay(trace, configuration -> new RecordedSystem(trace), Checks.online().withStepBound(stepBound));
    }

    /** Answers each input with the observation a trace recorded for it. */
    private static final class RecordedSystem implements SystemUnderTest {
        private final Trace trace;
        private int next;

        RecordedSystem(Trace trace) {
            this.trace = trace;
        }

        @Override
        public Observation apply(Input input) {
            TraceStep step = trace.steps().get(next++);
            return step.observation().get();
        }

        @Override
        public Set<Capability> capabilities() {
            return EnumSet.allOf(Capability.class);
        }
    }
}
