package invs.spec.explore;

import invs.spec.Input;
import invs.spec.model.Outcome;
import invs.spec.model.Specification;
import invs.spec.model.SystemState;
import io.vavr.collection.Vector;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded memo of the specification's outcomes for a state and an input, and of the transitions
 * already checked and found to keep every property. Different nodes share states, and the moves of an
 * alphabet converge (many states drain to the same one), so the same transitions recur; both are pure
 * functions, so remembering them changes nothing but the time. When a table grows past its capacity
 * it is emptied.
 */
final class StepMemo {
    private record Key(SystemState state, Input input) {
    }

    private record Transition(SystemState before, Input input, SystemState after) {
    }

    private final Specification specification;
    private final SafetyProperties properties;
    private final int capacity;
    private final Map<Key, Vector<Outcome>> outcomes = new ConcurrentHashMap<>();
    private final Set<Transition> kept = ConcurrentHashMap.newKeySet();

    StepMemo(Specification specification, SafetyProperties properties, int capacity) {
        this.specification = specification;
        this.properties = properties;
        this.capacity = capacity;
    }

    /** Every outcome the specification allows for {@code input} in {@code state}. */
    Vector<Outcome> outcomes(SystemState state, Input input) {
        Key key = new Key(state, input);
        Vector<Outcome> known = outcomes.get(key);
        if (known != null) {
            return known;
        }
        Vector<Outcome> computed = specification.step(state, input);
        if (outcomes.size() >= capacity) {
            outcomes.clear();
        }
        outcomes.put(key, computed);
        return computed;
    }

    /** The properties broken by the transition from {@code before} on {@code input} to {@code after}. */
    Vector<String> violations(SystemState before, Input input, SystemState after) {
        Transition transition = new Transition(before, input, after);
        if (kept.contains(transition)) {
            return Vector.empty();
        }
        Vector<String> broken = properties.violations(before, input, after);
        if (broken.isEmpty()) {
            if (kept.size() >= capacity) {
                kept.clear();
            }
            kept.add(transition);
        }
        return broken;
    }
}
