package invs.spec.model;

import io.vavr.collection.Vector;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which states of a frontier another of them subsumes, and the frontier without them.
 *
 * <p>A state T subsumes a state S when T has at least as many flash faults armed as S, the same apps
 * (equal {@link AppState}s), and the same regions (owners and epochs) except that T's storage knows no
 * byte S's does not: wherever a byte of T's regions is known, S's is known and equal ({@link
 * Cells#knowsNoMoreThan}). Such pairs arise wherever an operation's upcall is never seen (its app is not
 * subscribed to it, or restarts or reboots before it yields): the operation may have used a fault or
 * not, and a write cut by a reboot may have left its bytes as they were, written them whole, or torn them.
 *
 * <p>Sound: T allows every observation sequence S allows, so the frontier allows and rejects exactly what
 * the full set of consistent states does. The proof is a simulation, by induction on the sequence, for a
 * relation R wider than subsumption: T R S when T has at least S's faults armed, the same regions (owners,
 * lengths, epochs) whose storage knows no byte S's does not, and per app the same parts except that T's
 * read-write buffer knows no byte S's does not and T may remember a read ({@link ReadSource}) where S
 * remembers none, provided S's buffer then holds, known, the bytes of S's region that the read copied
 * (where both remember one, it is the same). Subsumption is R with equal apps. For every
 * input, each outcome of S is matched by an outcome of T with the same clause whose expectation admits
 * every observation S's admits, and whose state after that observation is again in R:
 * <ul>
 *   <li>The count of armed faults is read only by guards {@code armedFaults() > 0}: {@link Completion}'s,
 *       which adds an outcome (the operation fails with FAIL and uses the fault) to those of an operation
 *       that completes, and a yield's, which lets an upcall {@linkplain AppState#mayFail(int) that may be
 *       FAIL} be delivered as FAIL, using the fault ({@link FaultAlternatives}); otherwise it is raised by
 *       one (a fault injected, after the states a state with such upcalls stands for are told apart, alike
 *       in both: the apps are equal), lowered by one (a failure) or reset to 0 (a reboot). T has each such
 *       outcome wherever S has it.</li>
 *   <li>Unknown bytes never restrict: no rule branches on them except to admit more. Writes set the same
 *       known bytes in both; a cut or failed write makes the same range unknown in both and advances both
 *       epochs (it advances the epoch even where the bytes were unknown already, so the epochs stay
 *       equal); reboots and restarts keep regions and reset apps alike; an allow replaces the buffer alike.
 *       A read copies T's region bytes into T's buffer, so T's buffer knows no byte S's does not; T
 *       remembers the read where it copied an unknown byte, which includes every read S remembers, and
 *       where S remembers none S copied known bytes, which its buffer then holds. That lasts while T
 *       remembers the read: a change to the buffer forgets it in both, and a change to the region
 *       advances both epochs, after which T forgets it too.</li>
 *   <li>A yield's expectation shows the buffer ({@link Expectation.YieldedAs}); T's knows no byte S's
 *       does not, so it admits every buffer S's admits, with the same upcall (the queues are equal).</li>
 *   <li>What an observation teaches ({@link Outcome#after}): both buffers learn the observed bytes where
 *       unknown, so they end equal where S's knew them. Where T remembers a read (and its region's epoch
 *       is unchanged, in both alike), T's region learns the observed bytes where unknown. If S remembers
 *       the same read, S learns the same bytes; if S remembers none, S's buffer holds those region bytes,
 *       known, and showed them: T learns exactly what S knows. Either way T's storage again knows no byte S's
 *       does not. Epochs are renumbered alike.</li>
 * </ul>
 * So T admits every sequence S admits. When two states subsume each other (the same state: unknown
 * bytes hold 0 in {@link Cells}), the first is kept.
 */
final class Subsumption {
    /** At most this many states are compared pairwise; more are grouped first. */
    private static final int FEW = 8;
    /** A group of more states than this is indexed ({@link KnowledgeIndex}) rather than compared pairwise. */
    static final int INDEX_ABOVE = 128;

    private Subsumption() {
    }

    /** Whether {@code general} subsumes {@code specific} (allows every observation sequence it allows). */
    static boolean subsumes(SystemState general, SystemState specific) {
        return subsumes(general, specific, false);
    }

    /** {@link #subsumes}, without comparing the apps when {@code sameApps} says they are equal. */
    private static boolean subsumes(SystemState general, SystemState specific, boolean sameApps) {
        return general.armedFaults() >= specific.armedFaults() && (sameApps
                ? general.storageKnowsNoMoreThan(specific) : general.knowsNoMoreThan(specific));
    }

    /**
     * {@code states} (distinct) without those another of them subsumes. Each state kept takes the place of
     * the first state it stands for: the first of those it subsumes, itself included.
     */
    static Vector<SystemState> withoutSubsumed(Vector<SystemState> states) {
        return withoutSubsumed(states, INDEX_ABOVE);
    }

    /**
     * {@link #withoutSubsumed(Vector)}, indexing each group of states with equal apps of more than {@code indexAbove}
     * states: the same states kept, in the same places, whatever {@code indexAbove}.
     */
    static Vector<SystemState> withoutSubsumed(Vector<SystemState> states, int indexAbove) {
        if (states.size() < 2 || sameFaultsAllKnown(states)) {
            return states;
        }
        boolean few = states.size() <= FEW;
        List<List<SystemState>> groups = few ? List.of(states.asJava()) : groups(states);
        Map<SystemState, SystemState> keeper = new IdentityHashMap<>();
        boolean anyDropped = false;
        for (List<SystemState> group : groups) {
            anyDropped |= group.size() > 1 && keepers(group, !few, !few && group.size() > indexAbove, keeper);
        }
        if (!anyDropped) {
            return states;
        }
        Map<SystemState, Boolean> placed = new IdentityHashMap<>();
        List<SystemState> kept = new ArrayList<>();
        for (SystemState state : states) {
            SystemState standing = keeper.getOrDefault(state, state);
            if (placed.put(standing, Boolean.TRUE) == null) {
                kept.add(standing);
            }
        }
        return Vector.ofAll(kept);
    }

    /**
     * For each state of {@code group} (distinct states), the state kept for it: itself, or the first kept that
     * subsumes it. Whether any is dropped. {@code sameApps}: the group's states have equal apps (a group of
     * {@link #groups}), so only their storage is compared. {@code indexed}: each state is compared only with
     * the states a {@link KnowledgeIndex} of the group names (with equal apps only), not with all of them.
     */
    private static boolean keepers(List<SystemState> group, boolean sameApps, boolean indexed,
                                   Map<SystemState, SystemState> keeper) {
        int size = group.size();
        // Compared pairwise, a state's candidates are every state of the group (null: no array made). Indexed,
        // they are asked for again for the states dropped rather than kept: they can be many for each state.
        KnowledgeIndex index = indexed ? new KnowledgeIndex(group) : null;
        boolean[] dropped = new boolean[size];
        boolean anyDropped = false;
        for (int at = 0; at < size; at++) {
            SystemState state = group.get(at);
            int[] candidates = indexed ? index.candidates(at) : null;
            int count = indexed ? candidates.length : size;
            for (int next = 0; next < count && !dropped[at]; next++) {
                int other = indexed ? candidates[next] : next;
                SystemState candidate = group.get(other);
                // Of two that subsume each other, the first is kept.
                dropped[at] = other != at && mayDiffer(candidate, state) && subsumes(candidate, state, sameApps)
                        && !(other > at && subsumes(state, candidate, sameApps));
            }
            anyDropped |= dropped[at];
        }
        if (!anyDropped) {
            return false;
        }
        for (int at = 0; at < size; at++) {
            SystemState state = group.get(at);
            SystemState standing = state;
            if (!dropped[at]) {
                keeper.put(state, standing);
                continue;
            }
            int[] candidates = indexed ? index.candidates(at) : null;
            int count = indexed ? candidates.length : size;
            for (int next = 0; next < count; next++) {
                int other = indexed ? candidates[next] : next;
                if (!dropped[other] && subsumes(group.get(other), state, sameApps)) {
                    standing = group.get(other);
                    break;
                }
            }
            keeper.put(state, standing);
        }
        return true;
    }

    /**
     * Whether two distinct states differ in their armed faults or hold different storage objects or failable
     * bytes; if not,
     * they differ in their apps, and neither subsumes the other. Most pairs of a wide frontier are such:
     * states that share their storage and differ in what an app has queued.
     */
    private static boolean mayDiffer(SystemState one, SystemState other) {
        if (one.armedFaults() != other.armedFaults() || one.regions().size() != other.regions().size()) {
            return true;
        }
        for (int index = 0; index < one.regions().size(); index++) {
            Region mine = one.regions().get(index);
            Region theirs = other.regions().get(index);
            if (mine.contents() != theirs.contents() || !mine.failable().equals(theirs.failable())) {
                return true;
            }
        }
        return false;
    }

    /** {@code states} grouped by their apps (a state subsumes only states with equal apps), in order of first state. */
    private static List<List<SystemState>> groups(Vector<SystemState> states) {
        Map<Object, List<SystemState>> groups = new LinkedHashMap<>();
        for (SystemState state : states) {
            groups.computeIfAbsent(state.apps(), key -> new ArrayList<>()).add(state);
        }
        return new ArrayList<>(groups.values());
    }

    /**
     * Whether every state has as many faults armed and knows all its storage, none of it failable (then none
     * subsumes another).
     */
    private static boolean sameFaultsAllKnown(Vector<SystemState> states) {
        int first = states.get(0).armedFaults();
        for (int index = 0; index < states.size(); index++) {
            SystemState state = states.get(index);
            if (state.armedFaults() != first || !state.storageAllKnown() || StorageAlternatives.count(state.regions()) > 0) {
                return false;
            }
        }
        return true;
    }
}
