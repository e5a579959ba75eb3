package invs.conformance.junit;

import invs.conformance.check.Checks;
import invs.conformance.check.Property;
import invs.conformance.replay.Replay;
import invs.conformance.replay.ReplayResult;
import invs.conformance.check.Session;
import invs.conformance.check.Violation;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.trace.Trace;
import invs.spec.AppId;
import invs.spec.Configuration;
import invs.spec.Input;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions for tests written by hand or emitted by {@link invs.conformance.replay.RegressionTestSource}: a
 * sequence conforms (lockstep, liveness, durability, robustness), an isolation scenario holds, a trace
 * replays without violation.
 */
public final class ConformanceAssertions {
    private ConformanceAssertions() {
    }

    /**
     * Runs {@code inputs} on a fresh system from {@code factory} and fails at the first violation, or where
     * the specification gives up following the observations ({@link Session#undecided}: nothing after it
     * would be checked).
     */
    public static void assertConforms(Configuration configuration, Vector<? extends Input> inputs,
                                      SystemUnderTestFactory factory) {
        try (Session session = Session.open(configuration, factory, Checks.online())) {
            session.stepInBatches(inputs, Vector.empty());
            Vector<String> steps = session.steps().map(step -> step.input() + " -> "
                    + step.observation().map(Object::toString).getOrElse("(no answer)"));
            session.violation().forEach(found -> fail(found, steps));
            session.undecided().forEach(ConformanceAssertions::notChecked);
        }
    }

    private static void notChecked(String where) {
        throw new AssertionFailedError("not checked to the end: the specification gave up at " + where);
    }

    /** Runs the isolation scenario {@code inputs} for {@code subject} and fails if its observations differ. */
    public static void assertIsolated(Configuration configuration, Vector<? extends Input> inputs, AppId subject,
                                      SystemUnderTestFactory factory) {
        Session.run(configuration, factory, Checks.isolationOf(subject), inputs).violation()
                .forEach(found -> fail(found, Vector.empty()));
    }

    /**
     * Replays {@code trace} on systems from {@code factory} and fails at the first violation, or where the
     * specification gives up following the observations.
     */
    public static void assertReplays(Trace trace, SystemUnderTestFactory factory) {
        ReplayResult result = Replay.replay(trace, factory);
        result.violation().forEach(found -> {
            throw new AssertionFailedError(found.summary() + "\n" + result.report());
        });
        result.undecided().forEach(ConformanceAssertions::notChecked);
    }

    private static void fail(Violation violation, Vector<String> steps) {
        StringBuilder text = new StringBuilder(violation.summary()).append('\n').append(violation.description());
        if (!steps.isEmpty()) {
            text.append("\nsteps:\n");
            for (int index = 0; index < steps.size(); index++) {
                text.append(String.format("  %2d. %s%n", index + 1, steps.get(index)));
            }
        }
        throw new AssertionFailedError(text.toString());
    }
}
