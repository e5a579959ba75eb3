package invs.conformance.engine;

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
 * Exact replay of traces: on a system under test ({@link #replay}), or of the observations a trace
 * recorded, against the specification alone ({@link #checkTrace}).
 */
public final class Replay {
    private Replay() {
    }

    /**
     * Replays the trace's inputs on {@code system} (fresh), checking the online properties; after the first
     * violation the remaining inputs are still applied, their steps {@link Verdict#NOT_CHECKED}.
     */
    public static ReplayResult replay(Trace trace, SystemUnderTest system) {
        return replay(trace, system, Property.online());
    }

    /** Like {@link #replay(Trace, SystemUnderTest)}, checking only {@code properties}. */
    public static ReplayResult replay(Trace trace, SystemUnderTest system, Vector<Property> properties) {
        Session session = Session.open(trace.header().configuration(), system, properties);
        List<StepResult> results = new ArrayList<>();
        Violation first = null;
        for (int index = 0; index < trace.length(); index++) {
            TraceStep step = trace.steps().get(index);
            if (first == null) {
                Option<Violation> violation = session.step(step.input());
                Option<Observation> observed = violation.isDefined() && violation.get().observed().isEmpty()
                        ? Option.none() : session.lastObservation();
                results.add(new StepResult(index, step.input(), observed, step.observation(),
                        violation.isDefined() ? Verdict.VIOLATED : Verdict.AGREED, violation));
                first = violation.getOrNull();
            } else {
                Option<Observation> observed;
                try {
                    observed = Option.some(system.apply(step.input()));
                } catch (RuntimeException e) {
                    observed = Option.none();
                }
                results.add(new StepResult(index, step.input(), observed, step.observation(), Verdict.NOT_CHECKED,
                        Option.none()));
            }
        }
        system.close();
        return new ReplayResult(Vector.ofAll(results), Option.of(first));
    }

    /**
     * Replays a trace on systems made by {@code factory}: like {@link #replay(Trace, SystemUnderTest)},
     * and for a trace whose header names the isolation property and a subject, the isolation check too.
     */
    public static ReplayResult replay(Trace trace, SystemUnderTestFactory factory) {
        var configuration = trace.header().configuration();
        ReplayResult plain = replay(trace, factory.create(configuration));
        boolean isolation = trace.header().property().contains(Property.ISOLATION.label());
        if (!isolation || trace.header().subject().isEmpty() || plain.violation().isDefined()) {
            return plain;
        }
        AppId subject = AppId.of(trace.header().subject().get());
        Option<Violation> violation = Isolation.check(configuration, factory, trace.inputs(), subject);
        if (violation.isEmpty()) {
            return plain;
        }
        int at = violation.get().step();
        Vector<StepResult> steps = plain.steps().map(step -> step.index() < at ? step
                : step.index() == at ? new StepResult(at, step.input(), step.observed(), step.recorded(), Verdict.VIOLATED,
                        violation)
                : new StepResult(step.index(), step.input(), step.observed(), step.recorded(), Verdict.NOT_CHECKED,
                        Option.none()));
        return new ReplayResult(steps, violation);
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
        return replay(trace, new RecordedSystem(trace), Property.online().remove(Property.ROBUSTNESS));
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
