package invs.spec.explore;

import invs.spec.Input;
import invs.spec.Observation;

/**
 * One step of an explored path: an input and the observation the specification allowed for it.
 *
 * @param input       the input
 * @param observation the observation
 */
public record Step(Input input, Observation observation) {
    @Override
    public String toString() {
        return input + " -> " + observation;
    }
}
