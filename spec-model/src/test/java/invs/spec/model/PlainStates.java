package invs.spec.model;

import invs.spec.Input;
import invs.spec.Observation;
import io.vavr.collection.Vector;
import java.util.LinkedHashSet;

/**
 * Every state of the specification consistent with the observations so far, without duplicates and
 * nothing else removed: how a frontier is defined, without any of {@link Frontier}'s
 * reductions. The benchmark makes its walks with it, so a walk is the same whatever the frontier keeps;
 * tests compare a frontier with it.
 *
 * @param specification the specification
 * @param states        the consistent states, in order of first appearance
 */
public record PlainStates(Specification specification, Vector<SystemState> states) {

    /** The states at first power-on. */
    public static PlainStates start(Specification specification) {
        return new PlainStates(specification, Vector.of(specification.initial()));
    }

    /** Every outcome any consistent state allows for {@code input}. */
    public Vector<Outcome> allowed(Input input) {
        return states.flatMap(state -> specification.step(state, input));
    }

    /** The consistent states after {@code input} was answered by {@code observation}, which some state allows. */
    public PlainStates advance(Input input, Observation observation) {
        LinkedHashSet<SystemState> next = new LinkedHashSet<>();
        for (Outcome outcome : allowed(input)) {
            if (outcome.admits(observation)) {
                next.add(outcome.after(observation));
            }
        }
        return new PlainStates(specification, Vector.ofAll(next));
    }
}
