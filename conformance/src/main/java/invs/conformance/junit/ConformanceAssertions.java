package invs.conformance.junit;

import invs.conformance.engine.Isolation;
import invs.conformance.engine.Property;
import invs.conformance.engine.Replay;
import invs.conformance.engine.ReplayResult;
import invs.conformance.engine.Session;
import invs.conformance.engine.Violation;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.trace.Trace;
import invs.spec.AppId;
import invs.spec.Configuration;
import invs.spec.Input;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions for tests written by hand or emitted by {@link invs.conformance.engine.RegressionTest}: a
 * sequence conforms (lockstep, liveness, durability, robustness), an isolation scenario holds, a trace
 * replays without violation.
 */
public final class ConformanceAssertions {
    private ConformanceAssertions() {
    }

    /** Runs {@code inputs} on a fresh system from {@code factory} and fails at the first violation. */
    public static void assertConforms(Configuration configuration, Vector<? extends Input> inputs,
                                      SystemUnderTestFactory factory) {
        Option<Violation> violation;
        Vector<String> steps;
        try (Session session = Session.open(configuration, factory.create(configuration), Property.online())) {
            for (Input input : inputs) {
                if (session.step(input).isDefined()) {
                    break;
                }
            }
            violation = session.violation();
            steps = session.steps().map(step -> step.input() + " -> "
                    + step.observation().map(Object::toString).getOrElse("(threw)"));
        }
        violation.forEach(found -> fail(found, steps));
    }

    /** Runs the isolation scenario {@code inputs} for {@code subject} and fails if its observations differ. */
    public static void assertIsolated(Configuration configuration, Vector<? extends Input> inputs, AppId subject,
                                      SystemUnderTestFactory factory) {
        Isolation.check(configuration, factory, Vector.narrow(inputs), subject)
                .forEach(found -> fail(found, Vector.empty()));
    }

    /** Replays {@code trace} on systems from {@code factory} and fails at the first violation. */
    public static void assertReplays(Trace trace, SystemUnderTestFactory factory) {
        ReplayResult result = Replay.replay(trace, factory);
        result.violation().forEach(found -> {
            throw new AssertionFailedError(found.summary() + "\n" + result.report());
        });
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
