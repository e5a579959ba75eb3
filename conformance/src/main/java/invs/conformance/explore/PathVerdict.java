package invs.conformance.explore;

import invs.conformance.engine.Violation;
import invs.spec.Input;
import io.vavr.collection.Vector;

/**
 * An explored input sequence on which the implementation broke a property: it diverged from the
 * specification, broke liveness or durability, or threw.
 *
 * @param inputs    the inputs from power-on (the setup included) up to and including the one that broke it
 * @param violation what broke, as the conformance engine reports it
 */
public record PathVerdict(Vector<Input> inputs, Violation violation) {
    /** The sequence and the violation, for reports. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < inputs.size(); i++) {
            text.append(String.format("  %2d. %s%n", i + 1, inputs.get(i)));
        }
        return text.append(violation.summary()).append('\n').append(violation.description()).toString();
    }
}
