package invs.conformance.explore;

import invs.spec.Input;
import invs.spec.model.Divergence;
import io.vavr.collection.Vector;

/**
 * An explored input sequence on which the implementation diverged from the specification.
 *
 * @param inputs     the inputs from power-on (the setup included) up to and including the diverging one
 * @param divergence what the implementation showed and what the specification allowed instead
 */
public record PathVerdict(Vector<Input> inputs, Divergence divergence) {
    /** The sequence and the divergence, for reports. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < inputs.size(); i++) {
            text.append(String.format("  %2d. %s%n", i + 1, inputs.get(i)));
        }
        return text.append(divergence.describe()).toString();
    }
}
