package invs.spec.model;

import invs.spec.Upcall;
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
 * time, not with several together; only states with at most {@link #FEWEST_CHOICES} choices open, only
 * within groups of states alike in what such alternatives share ({@link #likeness}: most frontiers have no
 * group of two with a merged state, and making alternatives is what costs), in larger groups only with the
 * states that have an alternative with the apps of its first (alternatives that subsume one another have
 * equal apps), and only with states with at least its faults armed (every state has an alternative with all
 * its faults, and none has more). Two states neither of which is merged are not compared: {@link Subsumption}
 * did. At most {@link #MOST_COMPARISONS} pairs of alternatives are compared in one frontier.
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
        if (size < 2) {
            return states;
        }
        // Each state's choices open, counted once: 0 for a state that stands for itself alone.
        int[] marks = new int[size];
        boolean anyMerged = false;
        for (int at = 0; at < size; at++) {
            marks[at] = StorageAlternatives.marks(states.get(at));
            anyMerged |= marks[at] > 0;
        }
        if (!anyMerged) {
            return states;
        }
        // Grouped first by what alternatives that subsume one another share (most frontiers have no group
        // of two with a merged state, and making alternatives is what costs).
        Map<Integer, List<Integer>> groups = new HashMap<>();
        for (int at = 0; at < size; at++) {
            if (marks[at] <= FEWEST_CHOICES) {
                groups.computeIfAbsent(likeness(states.get(at)), key -> new ArrayList<>()).add(at);
            }
        }
        boolean[] dropped = new boolean[size];
        int[] left = {comparisons};
        boolean anyDropped = false;
        for (List<Integer> group : groups.values()) {
            if (group.size() > 1 && group.stream().anyMatch(at -> marks[at] > 0)) {
                anyDropped |= dropCovered(states, group, marks, dropped, left);
            }
        }
        return anyDropped ? Vector.ofAll(Frontier.undropped(states, dropped)) : states;
    }

    /** Below this many states, a group's states are compared pairwise rather than looked up by their apps. */
    private static final int FEW = 8;

    /**
     * Marks {@code dropped} the states of {@code group} (positions in {@code states}, ascending) that another
     * state of the group covers, as far as the comparisons {@code left} go; whether it marked any. {@code marks}:
     * each state's choices open.
     */
    private static boolean dropCovered(Vector<SystemState> states, List<Integer> group, int[] marks, boolean[] dropped,
                                       int[] left) {
        Map<Integer, Vector<SystemState>> alternatives = new HashMap<>();
        // In a larger group, which states have an alternative with given apps: one state's alternative
        // subsumes another's only if their apps are equal.
        Map<Array<AppState>, List<Integer>> byApps = group.size() < FEW ? null : new HashMap<>();
        if (byApps != null) {
            for (int at : group) {
                for (SystemState alternative : alternatives(states, at, alternatives)) {
                    List<Integer> holders = byApps.computeIfAbsent(alternative.apps(), apps -> new ArrayList<>());
                    if (holders.isEmpty() || holders.get(holders.size() - 1) != at) {
                        holders.add(at);
                    }
                }
            }
        }
        boolean anyDropped = false;
        for (int at : group) {
            SystemState state = states.get(at);
            List<Integer> candidates = byApps == null ? group
                    : byApps.get(alternatives(states, at, alternatives).get(0).apps());
            for (int other : candidates) {
                if (left[0] <= 0) {
                    return anyDropped;
                }
                SystemState candidate = states.get(other);
                // Every state has an alternative with all its faults armed (nothing failed), and none has more.
                if (other == at || dropped[other] || candidate.armedFaults() < state.armedFaults()
                        || marks[at] == 0 && marks[other] == 0) {
                    continue; // Subsumption compared the latter
                }
                Vector<SystemState> mine = alternatives(states, at, alternatives);
                Vector<SystemState> theirs = alternatives(states, other, alternatives);
                if (covers(theirs, mine, left) && !(other > at && covers(mine, theirs, left))) {
                    dropped[at] = true;
                    anyDropped = true;
                    break;
                }
            }
        }
        return anyDropped;
    }

    /** The alternatives of the state at {@code at}, made once. */
    private static Vector<SystemState> alternatives(Vector<SystemState> states, int at,
                                                    Map<Integer, Vector<SystemState>> made) {
        return made.computeIfAbsent(at, ignored -> FaultAlternatives.concrete(states.get(at)));
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

    /**
     * A hash of some of what the alternatives of two states must share for one to subsume the other: the
     * regions' owners, lengths and epochs; each app's read-write buffer's length, how many subscriptions it
     * has, whether an operation is pending, its grant, and the subscribe numbers of its queued upcalls.
     */
    private static int likeness(SystemState state) {
        int hash = 1;
        Array<Region> regions = state.regions();
        for (int index = 0; index < regions.size(); index++) {
            Region region = regions.get(index);
            hash = 31 * (31 * (31 * hash + region.owner().hashCode()) + region.contents().length())
                    + Long.hashCode(region.epoch());
        }
        Array<AppState> apps = state.apps();
        for (int slot = 0; slot < apps.size(); slot++) {
            AppState app = apps.get(slot);
            hash = 31 * (31 * (31 * hash + app.readWrite().length()) + app.subscriptions().size())
                    + (app.pending().isDefined() ? 2 : 1) + 4 * app.grant().ordinal();
            for (Upcall upcall : app.upcalls()) {
                hash = 31 * hash + upcall.subscribeNumber();
            }
        }
        return hash;
    }
}
