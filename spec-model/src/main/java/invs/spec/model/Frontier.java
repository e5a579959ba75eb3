package invs.spec.model;

import invs.spec.Input;
import invs.spec.Observation;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Either;

import java.util.function.Function;

/**
 * The states of the specification consistent with everything an implementation has shown so far. An
 * implementation conforms as long as the frontier is not empty.
 *
 * <p>A frontier leaves out a state that another of its states subsumes (allows every observation sequence
 * it allows), so it allows exactly what the full set of consistent states allows: see
 * {@link #withoutSubsumed}.
 */
public final class Frontier {
    private final Specification specification;
    private final Vector<SystemState> states;

    private Frontier(Specification specification, Vector<SystemState> states) {
        this.specification = specification;
        this.states = states;
    }

    /** The frontier at first power-on. */
    public static Frontier start(Specification specification) {
        return new Frontier(specification, Vector.of(specification.initial()));
    }

    /** A frontier of the given states. */
    public static Frontier of(Specification specification, Vector<SystemState> states) {
        return new Frontier(specification, withoutSubsumed(distinct(states, Vector::ofAll)));
    }

    /** The states consistent with what was observed. */
    public Vector<SystemState> states() {
        return states;
    }

    /** The specification. */
    public Specification specification() {
        return specification;
    }

    /** Every outcome any consistent state allows for {@code input}. */
    public Vector<Outcome> allowed(Input input) {
        return states.flatMap(state -> specification.step(state, input));
    }

    /**
     * The frontier after {@code input} was answered by {@code observation}, or the divergence when no
     * consistent state allows it. When every state allows only itself (a tick, most often), the frontier
     * stays as it is: its states are already distinct, and none subsumes another.
     */
    public Either<Divergence, Frontier> advance(Input input, Observation observation) {
        int width = states.size();
        java.util.ArrayList<SystemState> next = new java.util.ArrayList<>(width + 1);
        // By index: iterating a Vavr vector allocates an iterator, and this runs on every step of every check.
        for (int at = 0; at < width; at++) {
            Array<Outcome> outcomes = specification.outcomes(states.get(at), input);
            int count = outcomes.size();
            for (int index = 0; index < count; index++) {
                Outcome outcome = outcomes.get(index);
                if (outcome.admits(observation)) {
                    next.add(outcome.after(observation));
                }
            }
        }
        if (next.isEmpty()) {
            return Either.left(new Divergence(input, observation, allowed(input)));
        }
        if (same(next)) {
            return Either.right(this);
        }
        return Either.right(new Frontier(specification, withoutSubsumed(distinct(Vector.ofAll(next), Vector::ofAll))));
    }

    /**
     * {@code states}, distinct, without those another of them subsumes: of states that differ only in how
     * many flash faults are armed, the one with the most, in the place where the first of them was.
     *
     * <p>Sound: such a state T allows every observation sequence that a state S with fewer armed faults
     * and otherwise equal allows, so the frontier allows the same sequences without S. The count of armed
     * faults is read in one place only, {@link Completion}'s guard {@code armedFaults() > 0}, which adds
     * an outcome (the operation fails with FAIL and uses the fault) to those of an operation that
     * completes; otherwise it is raised by one (a fault injected), lowered by one (that failure) or reset
     * to 0 (a reboot), and what an observation teaches ({@link Outcome#after}) does not depend on it. So
     * for every input, each outcome of S is matched by an outcome of T with the same expectation and
     * clause, whose state after any observation again differs from S's only in having at least as many
     * faults armed (after a reboot, none); T has more outcomes only where S has no fault left to use. By
     * induction on the sequence, T admits every sequence S admits. Such pairs arise where an operation's
     * upcall is never seen (its app is not subscribed to it): it may have used a fault or not.
     */
    static Vector<SystemState> withoutSubsumed(Vector<SystemState> states) {
        if (states.size() < 2 || sameArmedFaults(states)) {
            return states;
        }
        if (states.size() <= FEW) {
            return fewWithoutSubsumed(states);
        }
        // Keyed by the state with no fault armed; each key keeps its first place in the map.
        java.util.LinkedHashMap<SystemState, SystemState> most = new java.util.LinkedHashMap<>();
        for (SystemState state : states) {
            most.merge(state.withArmedFaults(0), state,
                    (kept, other) -> other.armedFaults() > kept.armedFaults() ? other : kept);
        }
        return most.size() == states.size() ? states : Vector.ofAll(most.values());
    }

    /** {@link #withoutSubsumed} for a few states, compared pairwise (as {@link #distinct} does, for the same reason). */
    private static Vector<SystemState> fewWithoutSubsumed(Vector<SystemState> states) {
        java.util.ArrayList<SystemState> kept = new java.util.ArrayList<>(states.size());
        for (SystemState state : states) {
            int at = 0;
            while (at < kept.size() && !kept.get(at).equalsButArmedFaults(state)) {
                at++;
            }
            if (at == kept.size()) {
                kept.add(state);
            } else if (state.armedFaults() > kept.get(at).armedFaults()) {
                kept.set(at, state);
            }
        }
        return kept.size() == states.size() ? states : Vector.ofAll(kept);
    }

    /** Whether every state has the same number of faults armed (most often: none subsumes another). */
    private static boolean sameArmedFaults(Vector<SystemState> states) {
        int first = states.get(0).armedFaults();
        for (int index = 1; index < states.size(); index++) {
            if (states.get(index).armedFaults() != first) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code next} holds this frontier's states themselves, in order. */
    private boolean same(java.util.List<SystemState> next) {
        if (next.size() != states.size()) {
            return false;
        }
        for (int index = 0; index < next.size(); index++) {
            if (next.get(index) != states.get(index)) {
                return false;
            }
        }
        return true;
    }

    /** Below this many values, {@link #distinct} compares them pairwise instead of hashing them. */
    private static final int FEW = 8;

    /**
     * {@code values} without duplicates, each first occurrence kept in order. A few values are compared
     * pairwise: most states the specification builds are never hashed, and hashing one walks all of it,
     * while unequal states usually differ early.
     */
    static <T> Array<T> distinct(Array<T> values) {
        return distinct(values, Array::ofAll);
    }

    /** {@link #distinct(Array)} for any sequence, which {@code rebuild} makes from the values kept. */
    private static <T, S extends Seq<T>> S distinct(S values, Function<Iterable<T>, S> rebuild) {
        int size = values.size();
        if (size < 2) {
            return values;
        }
        if (size > FEW) {
            return rebuild.apply(values.distinct());
        }
        java.util.ArrayList<T> kept = new java.util.ArrayList<>(size);
        for (T value : values) {
            if (!kept.contains(value)) {
                kept.add(value);
            }
        }
        return kept.size() == size ? values : rebuild.apply(kept);
    }
}
