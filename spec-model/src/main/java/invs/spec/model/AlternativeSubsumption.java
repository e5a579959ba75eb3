package invs.spec.model;

import io.vavr.collection.Array;
import io.vavr.collection.Vector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The states of a frontier that another state subsumes alternative by alternative, left out.
 *
 * <p>A state with upcalls that may be FAIL ({@link FaultAlternatives}) or bytes that may have failed
 * ({@link StorageAlternatives}) stands for several states, its alternatives ({@link FaultAlternatives#concrete}).
 * {@link Subsumption} compares states whole: the apps equal, marks included, and failable bytes alike. So it
 * keeps a plain state that is one alternative of a merged one (the FAIL of an upcall that may be FAIL, the
 * bytes a write that may have failed leaves unknown), and a merged state whose every alternative is
 * subsumed by an alternative of another merged one. States merged at one step, none subsuming another, are
 * such states at later steps, and their successors multiply: a walk of a crowded board
 * ({@code SoakWalk "tock-crowded, products above 8 states" 771281936 300}) held 6,121 states at its widest,
 * against 4,384 before writes that may have failed were merged, and 3,130 with this pass.
 *
 * <p>Sound: a state T one of whose alternatives subsumes each alternative of S allows every observation
 * sequence S allows, since S allows what its alternatives allow, T what its alternatives allow, and {@link
 * Subsumption} is sound between states that stand for themselves. So the frontier allows what it allowed.
 * Of two states that subsume each other so, the first is kept. A state is compared with one other state at a
 * time, not with several together; only states with at most {@link #FEWEST_CHOICES} choices open, and only
 * with the states that have an alternative with the apps of its first (alternatives that subsume one another
 * have equal apps) and at least its faults armed (every state has an alternative with all its faults, and
 * none has more). Two states neither of which is merged are not compared: {@link Subsumption} did. At most
 * {@link #MOST_COMPARISONS} pairs of alternatives are compared in one frontier.
 */
final class AlternativeSubsumption {
    /**
     * A state is compared, and compared with, only if its marked upcalls and failable byte sets together are
     * at most this many (it has at most 2 to this power alternatives).
     */
    static final int FEWEST_CHOICES = 5;
    /**
     * At most this many pairs of alternatives are compared in one frontier; the states not compared by then
     * are kept (fewer left out, none wrongly), so that a step costs at most this many comparisons however
     * many states of the same apps it holds.
     */
    static final int MOST_COMPARISONS = 1 << 18;

    private AlternativeSubsumption() {
    }

    /**
     * {@code states} without those that another state's alternatives subsume, alternative by alternative,
     * in order. Of two that stand for the same, the first is kept.
     */
    static Vector<SystemState> withoutCovered(Vector<SystemState> states) {
        return withoutCovered(states, MOST_COMPARISONS);
    }

    /** {@link #withoutCovered(Vector)} with at most {@code comparisons} pairs of alternatives compared. */
    static Vector<SystemState> withoutCovered(Vector<SystemState> states, int comparisons) {
        int size = states.size();
        if (size < 2 || !anyMerged(states)) {
            return states;
        }
        // Each state's alternatives, and which states have an alternative with given apps: one state's
        // alternative subsumes another's only if their apps are equal.
        @SuppressWarnings("unchecked")
        Vector<SystemState>[] alternatives = new Vector[size];
        Map<Array<AppState>, List<Integer>> byApps = new HashMap<>();
        for (int at = 0; at < size; at++) {
            SystemState state = states.get(at);
            if (StorageAlternatives.marks(state) > FEWEST_CHOICES) {
                continue;
            }
            alternatives[at] = FaultAlternatives.concrete(state);
            for (SystemState alternative : alternatives[at]) {
                List<Integer> holders = byApps.computeIfAbsent(alternative.apps(), apps -> new ArrayList<>());
                if (holders.isEmpty() || holders.get(holders.size() - 1) != at) {
                    holders.add(at);
                }
            }
        }
        boolean[] dropped = new boolean[size];
        boolean anyDropped = false;
        int[] left = {comparisons};
        for (int at = 0; at < size && left[0] > 0; at++) {
            if (alternatives[at] == null) {
                continue;
            }
            SystemState state = states.get(at);
            for (int other : byApps.get(alternatives[at].get(0).apps())) {
                SystemState candidate = states.get(other);
                // Every state has an alternative with all its faults armed (nothing failed), and none has more.
                if (other == at || dropped[other] || candidate.armedFaults() < state.armedFaults()
                        || !merged(state) && !merged(candidate)) {
                    continue; // Subsumption compared the latter
                }
                if (covers(alternatives[other], alternatives[at], left)
                        && !(other > at && covers(alternatives[at], alternatives[other], left))) {
                    dropped[at] = true;
                    anyDropped = true;
                    break;
                }
            }
        }
        return anyDropped ? Vector.ofAll(Frontier.undropped(states, dropped)) : states;
    }

    /**
     * Whether every state of {@code specific} is subsumed by some state of {@code general}, as far as the
     * comparisons {@code left} go (each taken off; none left: not known, so false).
     */
    private static boolean covers(Vector<SystemState> general, Vector<SystemState> specific, int[] left) {
        for (SystemState each : specific) {
            boolean subsumed = false;
            for (int index = 0; index < general.size() && !subsumed; index++) {
                if (--left[0] < 0) {
                    return false;
                }
                subsumed = Subsumption.subsumes(general.get(index), each);
            }
            if (!subsumed) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code state} holds choices open: upcalls that may be FAIL, or bytes that may have failed. */
    private static boolean merged(SystemState state) {
        return StorageAlternatives.marks(state) > 0;
    }

    private static boolean anyMerged(Vector<SystemState> states) {
        for (int at = 0; at < states.size(); at++) {
            if (merged(states.get(at))) {
                return true;
            }
        }
        return false;
    }
}
