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
     * Replays the trace's inputs on a fresh system of {@code factory}, checking the online properties and,
     * for a trace whose header names the isolation property and a subject, isolation too. After the first
     * violation the remaining inputs are still applied, their steps {@link Verdict#NOT_CHECKED}.
     */
    public static ReplayResult replay(Trace trace, SystemUnderTestFactory factory) {
        boolean isolation = trace.header().property().contains(Property.ISOLATION.label());
        Checks checks = isolation && trace.header().subject().isDefined()
                ? new Checks(Property.online().append(Property.ISOLATION), Option.some(AppId.of(trace.header().subject().get())))
                : Checks.online();
        return replay(trace, factory, checks);
    }

    /** Replays the trace's inputs on a fresh system of {@code factory}, checking {@code checks}. */
    public static ReplayResult replay(Trace trace, SystemUnderTestFactory factory, Checks checks) {
        List<StepResult> results = new ArrayList<>();
        Violation first = null;
        try (Session session = Session.open(trace.header().configuration(), factory, checks)) {
            for (int index = 0; index < trace.length(); index++) {
                TraceStep step = trace.steps().get(index);
                if (first == null) {
                    Option<Violation> violation = session.step(step.input());
                    Option<Observation> observed = session.observation(session.stepCount() - 1);
                    results.add(new StepResult(index, step.input(), observed, step.observation(),
                            violation.isDefined() ? Verdict.VIOLATED : Verdict.AGREED, violation));
                    first = violation.getOrNull();
                } else {
                    results.add(new StepResult(index, step.input(), session.applyUnchecked(step.input()),
                            step.observation(), Verdict.NOT_CHECKED, Option.none()));
                }
            }
        }
        return new ReplayResult(Vector.ofAll(results), Option.of(first));
    }

    /**
     * Checks a recorded trace against the specification without any system: each step's recorded
     * observation is taken as the implementation's answer, and the online properties are checked.
     *
     * @throws IllegalArgumentException if a step records no observation
     */
    public static ReplayResult checkTrace(Trace trace) {
        for (int index = 0; index < trace.length(); index++) {
            if (trace.steps().get(index).observation().isEmpty()) {
                throw new IllegalArgumentException("step " + (index + 1) + " records no observation: check-trace needs"
                        + " every step's observation");
            }
        }
        return replay(trace, configuration -> new RecordedSystem(trace), Checks.online());
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
