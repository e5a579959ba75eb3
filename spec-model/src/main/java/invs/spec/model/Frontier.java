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
 * it allows), so it allows exactly what the full set of consistent states allows: see {@link Subsumption}
 * and {@link BufferSubsumption}; likewise a state in which an operation another holds pending has completed
 * unseen ({@link UnseenCompletion}), and a state that another's alternatives subsume alternative by
 * alternative ({@link AlternativeSubsumption}). It does so at each step that makes more states than the
 * frontier held ({@link #reduced}); a step that makes no more only drops duplicates, so a state another
 * subsumes may stay until the next step that makes more. Either way the frontier allows the same: a state
 * left out allows nothing the others do not, and a state kept allows nothing the full set does not.
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
        return new Frontier(specification, reduced(states, specification.completion()));
    }

    /**
     * {@code states} without duplicates, without those another subsumes ({@link Subsumption},
     * {@link BufferSubsumption}) and those that are another's pending operation completed unseen
     * ({@link UnseenCompletion}), those that differ only in an upcall that may be FAIL merged
     * ({@link FaultAlternatives}), and those that differ only in whether a write completed unseen failed
     * ({@link StorageAlternatives}); then those each alternative of which an alternative of another state
     * subsumes ({@link AlternativeSubsumption}).
     */
    static Vector<SystemState> reduced(Vector<SystemState> states, Completion completion) {
        // Subsumed states first: a state another subsumes is left out rather than merged with its partner.
        return AlternativeSubsumption.withoutCovered(StorageAlternatives.merged(FaultAlternatives.merged(
                UnseenCompletion.withoutCompleted(BufferSubsumption.withoutSubsumed(
                        Subsumption.withoutSubsumed(distinct(states, Vector::ofAll))), completion))));
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
     * stays as it is. The states the step made are {@linkplain #reduced reduced} when they are more than the
     * frontier held, else only their duplicates dropped: a frontier never grows without being reduced.
     *
     * @throws TooManyStates when the step makes more states than the specification's {@linkplain Specification#stepBound() bound}
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
            TooManyStates.check(next.size(), specification.stepBound());
        }
        if (next.isEmpty()) {
            return Either.left(new Divergence(input, observation, allowed(input)));
        }
        if (same(next)) {
            return Either.right(this);
        }
        Vector<SystemState> made = Vector.ofAll(next);
        // Reduced only when the step made more states than the frontier held: reducing costs more than most
        // steps, and a step that made no more seldom leaves a state another subsumes (left out at the next
        // step that makes more).
        return Either.right(new Frontier(specification, next.size() > width
                ? reduced(made, specification.completion()) : distinct(made, Vector::ofAll)));
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

    /** {@code values} but those {@code dropped} marks (by index), in order: what a reduction of a frontier keeps. */
    static <T> java.util.List<T> undropped(Seq<T> values, boolean[] dropped) {
        java.util.List<T> kept = new java.util.ArrayList<>(values.size());
        for (int index = 0; index < values.size(); index++) {
            if (!dropped[index]) {
                kept.add(values.get(index));
            }
        }
        return kept;
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
        java.util.ArrayList<T> kept = new java.util.ArrayList<>(size);
        if (size > FEW) {
            // A hash set of the JDK's: a Vavr set (what Seq.distinct uses) copies part of its trie for every value added.
            java.util.Set<T> seen = new java.util.HashSet<>(2 * size);
            for (T value : values) {
                if (seen.add(value)) {
                    kept.add(value);
                }
            }
            return kept.size() == size ? values : rebuild.apply(kept);
        }
        for (T value : values) {
            if (!kept.contains(value)) {
                kept.add(value);
            }
        }
        return kept.size() == size ? values : rebuild.apply(kept);
    }
}
