package invs.spec.model;

import invs.spec.ShortId;
import io.vavr.collection.Array;
import io.vavr.collection.Vector;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which states of a frontier another of them stands for by completing an operation it holds pending, and
 * the frontier without them.
 *
 * <p>A state P whose app a has an operation pending stands for each state D in which that operation has
 * completed since, unseen: D is one of {@link Completion#complete}(P, a) (as the frontier holds states,
 * its epochs renumbered; or several of them that differ only in one upcall's FAIL or in whether a write
 * failed, merged as the frontier merges them, {@link FaultAlternatives}, {@link StorageAlternatives}) that
 * leaves every region but a's as it was. (A completion after another
 * app allocated first, allocations competing for space, does not: a restart of a would cut a's operation in
 * P without that allocation, which D holds. Such a D is kept.) Such pairs are what an operation whose
 * upcall no one has seen leaves behind: after each system call of a that does not tell them apart (an
 * allow, a subscribe, a yield without an upcall to deliver), the frontier held the operation both pending
 * and done.
 *
 * <p>Sound: P allows every observation sequence D allows, so leaving D out changes nothing a frontier
 * allows or rejects. The proof is a simulation, by induction on the sequence, for the relation "D is one
 * of P's completions by a", closed under {@link Subsumption}'s relation (a reboot needs it):
 * <ul>
 *   <li>An input of a (a command, an allow, a subscribe, a yield): every rule that reads a's state first
 *       {@link Completion#settle settles} it, offering P itself and every state of complete(P, a): D among
 *       them. So P's outcomes include D's, with the same expectations and states.</li>
 *   <li>An input of another app b, or a restart of b: b's rules read b's state, the regions and the armed
 *       faults. A's pending operation changes none of them before it completes (D's completion changed no
 *       region but a's), and where allocations compete for space, {@link Completion#complete} for b lets a
 *       allocate first, as it did in D. For each outcome of D, P has the outcome with b's part the same;
 *       completing a afterwards gives the state D's outcome reached: the completion read a's own region and
 *       buffer, which b does not touch, and it used a fault where D did, which P still has armed (b used no
 *       more in P than in D).</li>
 *   <li>A tick changes nothing; an injected fault arms one more in both, and may be the one a's completion
 *       uses in P (a superset of what D allows).</li>
 *   <li>A drain completes every pending operation in every order that matters: among P's are those
 *       completing a as D did.</li>
 *   <li>A reboot, or a restart of a: P's operation is cut (it never reports; an allocation it caused
 *       happened or did not; a write's range becomes unknown), D's had completed; both apps are reset. P's
 *       outcomes include one with the allocation D made, whose storage knows no byte D's does not: it
 *       subsumes D's ({@link Subsumption}).</li>
 * </ul>
 */
final class UnseenCompletion {
    /**
     * At most this many states are compared pairwise; more are grouped first (hashing a state's new app
     * states walks them all, which costs more than comparing a few).
     */
    private static final int FEW = 8;

    private UnseenCompletion() {
    }

    /**
     * {@code states} (distinct, none subsuming another) without those another of them stands for by
     * completing an operation it holds pending: one of its completions, or several merged
     * ({@link FaultAlternatives}, {@link StorageAlternatives}).
     */
    static Vector<SystemState> withoutCompleted(Vector<SystemState> states, Completion completion) {
        int size = states.size();
        if (size < 2) {
            return states;
        }
        int apps = states.get(0).apps().size();
        boolean[] dropped = new boolean[size];
        boolean any = false;
        for (int slot = 0; slot < apps; slot++) {
            for (List<Integer> group : alikeBesides(states, slot, completion)) {
                any |= dropCompleted(states, group, slot, completion, dropped);
            }
        }
        if (!any) {
            return states;
        }
        return Vector.ofAll(Frontier.undropped(states, dropped));
    }

    /**
     * The states (by index) grouped by what a completion of {@code slot}'s operation leaves as it was: every
     * other app's state, every region but that app's, and the app's read-only buffer and subscriptions; only
     * groups of two states or more, and none when no state holds an operation of {@code slot} pending. Only
     * states of one group can be one the other's completion. At most {@link #FEW} states are one group.
     */
    private static Collection<List<Integer>> alikeBesides(Vector<SystemState> states, int slot, Completion completion) {
        boolean anyPending = false;
        for (int at = 0; at < states.size() && !anyPending; at++) {
            anyPending = states.get(at).apps().get(slot).pending().isDefined();
        }
        if (!anyPending) {
            return List.of();
        }
        if (states.size() <= FEW) {
            List<Integer> all = new ArrayList<>(states.size());
            for (int at = 0; at < states.size(); at++) {
                all.add(at);
            }
            return List.of(all);
        }
        ShortId owner = completion.owner(completion.app(slot));
        Map<Integer, List<Integer>> groups = new HashMap<>();
        for (int at = 0; at < states.size(); at++) {
            SystemState state = states.get(at);
            Array<AppState> apps = state.apps();
            AppState mine = apps.get(slot);
            int key = 31 * mine.readOnly().hashCode() + mine.subscriptions().hashCode();
            for (int other = 0; other < apps.size(); other++) {
                key = 31 * key + (other == slot ? 0 : apps.get(other).hashCode());
            }
            for (int index = 0; index < state.regions().size(); index++) {
                Region region = state.regions().get(index);
                key = 31 * key + (region.owner().equals(owner) ? 0 : region.hashCode());
            }
            groups.computeIfAbsent(key, unused -> new ArrayList<>(2)).add(at);
        }
        groups.values().removeIf(group -> group.size() < 2);
        return groups.values();
    }

    /**
     * Marks {@code dropped} each state of {@code group} that is a completion of the operation in {@code slot}
     * of another of the group, not dropped, that holds it pending; whether any was.
     */
    private static boolean dropCompleted(Vector<SystemState> states, List<Integer> group, int slot,
                                         Completion completion, boolean[] dropped) {
        ShortId owner = completion.owner(completion.app(slot));
        boolean any = false;
        for (int p : group) {
            SystemState pending = states.get(p);
            if (dropped[p] || pending.apps().get(slot).pending().isEmpty()) {
                continue;
            }
            List<SystemState> completed = null;
            List<SystemState> merged = null;
            for (int d : group) {
                if (d == p || dropped[d] || !candidate(pending, states.get(d), slot, owner)) {
                    continue;
                }
                if (completed == null) {
                    completed = completions(pending, slot, completion);
                }
                SystemState done = states.get(d);
                boolean found = completed.contains(done);
                if (!found && (done.apps().get(slot).anyMayFail() || StorageAlternatives.count(done.regions()) > 0)) {
                    if (merged == null) {
                        merged = StorageAlternatives.merged(FaultAlternatives.merged(Vector.ofAll(completed))).asJava();
                    }
                    found = merged.contains(done);
                }
                if (found) {
                    dropped[d] = true;
                    any = true;
                }
            }
        }
        return any;
    }

    /**
     * Whether {@code done} may be a completion of {@code pending}'s operation in {@code slot}, by what a
     * completion leaves as it was: the other apps, the app's read-only buffer, subscriptions, grant and the
     * length of its read-write buffer; at most one upcall more queued and one fault fewer armed.
     */
    private static boolean candidate(SystemState pending, SystemState done, int slot, ShortId owner) {
        if (!mayComplete(pending.apps().get(slot), done.apps().get(slot), pending.armedFaults() - done.armedFaults())
                || !sameRegionsBesides(pending, done, owner)) {
            return false;
        }
        for (int other = 0; other < pending.apps().size(); other++) {
            if (other != slot && !pending.apps().get(other).equals(done.apps().get(other))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether two states hold the same regions but {@code owner}'s. A completion where another app allocated
     * first, allocations competing for space, changes another app's regions: such a state is kept, since a
     * restart of the completing app would cut its operation without that allocation.
     */
    private static boolean sameRegionsBesides(SystemState one, SystemState other, ShortId owner) {
        int at = 0;
        int there = 0;
        Array<Region> mine = one.regions();
        Array<Region> theirs = other.regions();
        while (at < mine.size() || there < theirs.size()) {
            if (at < mine.size() && mine.get(at).owner().equals(owner)) {
                at++;
            } else if (there < theirs.size() && theirs.get(there).owner().equals(owner)) {
                there++;
            } else if (at == mine.size() || there == theirs.size() || !mine.get(at).equals(theirs.get(there))) {
                return false;
            } else {
                at++;
                there++;
            }
        }
        return true;
    }

    /**
     * Whether app state {@code after} may be {@code before}'s operation completed, using {@code faults} faults:
     * no operation pending, the same read-only buffer, subscriptions, grant and read-write buffer length, at
     * most one upcall more queued, at most one fault used.
     */
    private static boolean mayComplete(AppState before, AppState after, int faults) {
        int queued = after.upcalls().size() - before.upcalls().size();
        return after.pending().isEmpty() && faults >= 0 && faults <= 1 && queued >= 0 && queued <= 1
                && after.grant() == before.grant() && after.readWrite().length() == before.readWrite().length()
                && after.readOnly().equals(before.readOnly()) && after.subscriptions().equals(before.subscriptions());
    }

    /**
     * {@code pending}'s completions by the app in {@code slot}, epochs renumbered, as the frontier holds them
     * (distinct; those that differ only in one upcall's FAIL or in whether a write failed are merged where
     * asked, {@link FaultAlternatives}, {@link StorageAlternatives}).
     * A few states, compared one by one: hashing a new state walks all of it.
     */
    private static List<SystemState> completions(SystemState pending, int slot, Completion completion) {
        Array<SystemState> done = completion.complete(pending, completion.app(slot))
                .map(SystemState::withEpochsRenumbered);
        return Frontier.distinct(done).asJava();
    }

    /**
     * The app in {@code slot}'s {@code mine} (distinct parts of a product of {@code regions}, {@code budget}
     * and the other apps' {@code parts}), without a part another of them stands for by completing its
     * operation: a completion that leaves the regions as they are (a read, a size, a refused operation or one
     * that failed on a region already allocated), as a state of the product shows it. Only where allocations
     * cannot compete for space: the completion then reads nothing of the other apps.
     */
    static Array<StateProduct.Part> withoutCompletedParts(Array<StateProduct.Part> mine, Array<Region> regions,
                                                          int budget, Array<Array<StateProduct.Part>> parts,
                                                          int slot, Completion completion) {
        int size = mine.size();
        if (size < 2 || completion.allocationsMayCompete(regions) || !anyPendingBesideDone(mine)) {
            return mine;
        }
        StateProduct product = StateProduct.of(regions, budget, parts.update(slot, mine));
        if (product == null) {
            return mine;
        }
        boolean[] dropped = new boolean[size];
        boolean any = false;
        for (int p = 0; p < size; p++) {
            StateProduct.Part pending = mine.get(p);
            if (dropped[p] || pending.app().pending().isEmpty()) {
                continue;
            }
            List<StateProduct.Part> completed = null;
            List<StateProduct.Part> merged = null;
            for (int d = 0; d < size; d++) {
                StateProduct.Part done = mine.get(d);
                if (d == p || dropped[d] || !mayComplete(pending.app(), done.app(), done.used() - pending.used())) {
                    continue;
                }
                if (completed == null) {
                    completed = completedParts(product, slot, pending, completion);
                }
                done.app().hashCode(); // kept: equal app states are then told apart by their hashes first
                boolean found = completed.contains(done);
                if (!found && done.app().anyMayFail()) {
                    if (merged == null) {
                        merged = FaultAlternatives.mergedParts(Array.ofAll(completed),
                                budget - StorageAlternatives.count(regions)).asJava();
                        merged.forEach(part -> part.app().hashCode());
                    }
                    found = merged.contains(done);
                }
                if (found) {
                    dropped[d] = true;
                    any = true;
                }
            }
        }
        if (!any) {
            return mine;
        }
        return Array.ofAll(Frontier.undropped(mine, dropped));
    }

    private static boolean anyPendingBesideDone(Array<StateProduct.Part> mine) {
        boolean pending = false;
        boolean done = false;
        for (StateProduct.Part part : mine) {
            pending |= part.app().pending().isDefined();
            done |= part.app().pending().isEmpty();
        }
        return pending && done;
    }

    /**
     * The parts {@code pending}'s completions make, where they leave the product's regions as they are: each
     * app state with the faults it used, counting the one the completion used (distinct; those that differ
     * only in one upcall's FAIL are merged where asked, {@link FaultAlternatives#mergedParts}).
     */
    private static List<StateProduct.Part> completedParts(StateProduct product, int slot, StateProduct.Part pending,
                                                          Completion completion) {
        SystemState standing = product.standingFor(slot, pending);
        List<StateProduct.Part> done = new ArrayList<>();
        for (SystemState state : completion.complete(standing, completion.app(slot))) {
            SystemState renumbered = state.withEpochsRenumbered();
            if (renumbered.regions().equals(product.regions())) {
                int used = pending.used() + standing.armedFaults() - renumbered.armedFaults();
                StateProduct.Part part = new StateProduct.Part(renumbered.apps().get(slot), used);
                part.app().hashCode();
                if (!done.contains(part)) {
                    done.add(part);
                }
            }
        }
        return done;
    }
}
