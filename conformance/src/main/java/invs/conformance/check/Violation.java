package invs.conformance.check;

import invs.conformance.explain.Explanation;
import invs.conformance.trace.TraceStep;
import invs.spec.Clause;
import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.model.Divergence;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.stream.Collectors;

/**
 * A property broken at one step of a sequence.
 *
 * @param property    the property broken
 * @param clause      the clause of the driver document (or its clarification) behind it, if one applies
 * @param step        the 0-based index of the input at which it showed
 * @param input       that input
 * @param observed    what the implementation showed, if it answered
 * @param description a multi-line description: what was observed and what was expected instead
 * @param divergence  for {@link Property#LOCKSTEP}, every outcome the specification allowed instead
 * @param expected    for {@link Property#ISOLATION}, the one answer the observation was compared with: what the
 *                    subject app observed at the same step when the other apps did nothing
 */
public record Violation(Property property, Option<Clause> clause, int step, Input input,
                        Option<Observation> observed, String description, Option<Divergence> divergence,
                        Option<Observation> expected) {

    /** A violation of a property that compares the observation with no one answer (only isolation does). */
    public Violation(Property property, Option<Clause> clause, int step, Input input, Option<Observation> observed,
                     String description, Option<Divergence> divergence) {
        this(property, clause, step, input, observed, description, divergence, Option.none());
    }

    /** The rule broken, what findings of one campaign are told apart by: the property and the clause. */
    public String key() {
        return property.label() + clause.map(c -> ":" + c.name()).getOrElse("");
    }

    /** A one-line summary. */
    public String summary() {
        return property.label() + " broken at step " + (step + 1) + " (" + input + ")"
                + clause.map(c -> ", clause " + c.name()).getOrElse("");
    }

    /**
     * The description for a reader: what was observed and allowed, then, for a lockstep divergence, the
     * fields that differ from the closest allowed answer, the clause and decisions that govern each, and
     * the earlier steps that decided it ({@link Explanation}), computed from {@code steps}, the steps as
     * they ran on {@code board} up to this one at least.
     */
    public String explained(Configuration board, Vector<TraceStep> steps) {
        if (divergence.isEmpty() || steps.size() <= step) {
            return description;
        }
        String observedAndAllowed = description.lines().filter(line -> !line.startsWith("clause:"))
                .collect(Collectors.joining("\n"));
        Explanation explanation = Explanation.of(board, steps.take(step + 1), divergence.get());
        return observedAndAllowed + "\n" + explanation.lines().mkString("\n");
    }

    /** This violation with {@code text} as its description. */
    public Violation describedAs(String text) {
        return new Violation(property, clause, step, input, observed, text, divergence, expected);
    }

    /** This violation at another step (the same failure after inputs before it were removed or added). */
    public Violation at(int otherStep) {
        return new Violation(property, clause, otherStep, input, observed, description, divergence, expected);
    }
}
