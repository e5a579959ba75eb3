package invs.conformance.explore;

import invs.conformance.check.Property;
import invs.conformance.check.Violation;
import invs.conformance.explain.Explanation;
import invs.conformance.trace.TraceStep;
import invs.spec.Clause;
import invs.spec.Input;
import invs.spec.model.Divergence;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * An explored input sequence on which the implementation broke a property: it diverged from the
 * specification, broke liveness or durability, or threw.
 *
 * @param inputs    the inputs from power-on (the setup included) up to and including the one that broke it
 * @param violation what broke, as the conformance engine reports it
 */
public record PathVerdict(Vector<Input> inputs, Violation violation) {

    /**
     * A lockstep divergence at the last of {@code steps} (the steps a session ran, with the system's
     * observations), filed under the clause governing the first differing field, as the session's own
     * lockstep check files it.
     */
    static PathVerdict diverged(Vector<TraceStep> steps, Divergence divergence) {
        int step = steps.size() - 1;
        TraceStep last = steps.get(step);
        Clause clause = Explanation.governing(steps, divergence);
        Violation violation = new Violation(Property.LOCKSTEP, Option.some(clause),
                step, last.input(), last.observation(), divergence.describe(clause), Option.some(divergence));
        return new PathVerdict(steps.map(TraceStep::input), violation);
    }

    /** The sequence and the violation, for reports. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < inputs.size(); i++) {
            text.append(String.format("  %2d. %s%n", i + 1, inputs.get(i)));
        }
        return text.append(violation.summary()).append('\n').append(violation.description()).toString();
    }
}
