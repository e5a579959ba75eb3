package invs.spec.model;

import invs.spec.AppId;
import invs.spec.ErrorCode;
import invs.spec.Upcall;
import io.vavr.collection.Array;
import io.vavr.collection.Vector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * States that differ only in whether an upcall queued unseen carries its status or FAIL, held as one.
 *
 * <p>An operation that completes while its app does not look (a drain, a reboot's wait, another app's
 * turn) may complete as it would, or fail with FAIL using an armed flash fault (SUBSCRIBE_n_FAIL,
 * CLARIFIED_CRASH). Where the rest of the two states agree (the operation changed no storage, or storage
 * was left unknown either way), they are the same state but for that upcall and one armed fault. Four such
 * upcalls made sixteen states of one app; a frontier of hundreds of states was mostly such products.
 *
 * <p>Two states S and T are merged when T is S with one queued upcall (at a position below 64, not
 * already marked, whose status is not FAIL) replaced by the FAIL upcall of its subscribe number, and one
 * fault fewer armed: they become S with that upcall {@linkplain AppState#mayFail(int) marked}. A state with
 * marked upcalls M and k faults armed stands for the states with any subset Q of M turned to FAIL, marks
 * cleared, and k - |Q| faults armed, where that is not negative ({@link #concrete}).
 *
 * <p>Exact: the merged state allows exactly what S and T together allow, by induction on the inputs. No
 * rule reads a queued upcall but a yield, which delivers the oldest, and a subscribe, which drops those of
 * its number; and the count of armed faults is read only by the guard {@code armedFaults() > 0} that lets
 * an operation fail. A yield delivers a marked upcall as it is, faults unchanged, or, while one is armed,
 * as FAIL using it ({@link Specification}): the states the merged one stands for yield exactly those (the
 * FAIL one had used the fault already). Choosing when the upcall is delivered instead of when the operation
 * completed changes nothing that can be observed before: until then, the states agree but for the count of
 * armed faults, and a fault is used by another operation of any of them while at least one is armed, which
 * the merged state, holding the most, allows wherever any of them does; and used by an operation, the FAIL
 * delivered later needs one more, which is the same constraint, checked later. A subscribe that drops a
 * marked upcall leaves states that differ in armed faults only, of which the one with the most stands for
 * the others ({@link Subsumption}); the merged state is that one. Everything else treats the upcalls alike,
 * but a fault injected: a fault armed after the operation completed cannot be the one it used, so where
 * that would make a choice of FAILs reachable that was not, the states are told apart first
 * ({@link #withFaultArmed}). Merges are made only while the faults armed cover every mark, so that this
 * is rare; and states another subsumes are left out before any are merged ({@link Frontier}).
 */
final class FaultAlternatives {
    private static final long FAIL = ErrorCode.FAIL.number();
    /** Only the queue's first positions can be marked (a bit each). */
    private static final int MARKABLE = Long.SIZE;

    private FaultAlternatives() {
    }

    /**
     * What merging reads and makes of the items it merges, states or one app's parts, so that both merge
     * alike: an item holds app states in slots and has faults to spare (a state its armed faults, a part
     * its product's budget less the faults it used).
     */
    private interface Holder<T> {
        int slots(T item);

        AppState app(T item, int slot);

        int spare(T item);

        /** {@code item} with the app state in {@code slot} replaced, one fault fewer to spare if {@code used}. */
        T with(T item, int slot, AppState app, boolean used);

        /** Faults {@code item} may have used besides its upcalls': its failable bytes ({@link StorageAlternatives}). */
        int failable(T item);
    }

    private static final Holder<SystemState> STATES = new Holder<>() {
        @Override
        public int slots(SystemState state) {
            return state.apps().size();
        }

        @Override
        public AppState app(SystemState state, int slot) {
            return state.apps().get(slot);
        }

        @Override
        public int spare(SystemState state) {
            return state.armedFaults();
        }

        @Override
        public SystemState with(SystemState state, int slot, AppState app, boolean used) {
            SystemState next = state.withApp(AppId.of(slot), app);
            return used ? next.withArmedFaults(state.armedFaults() - 1) : next;
        }

        @Override
        public int failable(SystemState state) {
            return StorageAlternatives.count(state.regions());
        }
    };

    /** One app's parts in a product of {@code budget}: one slot each. */
    private static Holder<StateProduct.Part> partsWithin(int budget) {
        return new Holder<>() {
            @Override
            public int slots(StateProduct.Part part) {
                return 1;
            }

            @Override
            public AppState app(StateProduct.Part part, int slot) {
                return part.app();
            }

            @Override
            public int spare(StateProduct.Part part) {
                return budget - part.used();
            }

            @Override
            public StateProduct.Part with(StateProduct.Part part, int slot, AppState app, boolean used) {
                return new StateProduct.Part(app, part.used() + (used ? 1 : 0));
            }

            @Override
            public int failable(StateProduct.Part part) {
                return 0; // the product's failable bytes are left out of its budget by the caller
            }
        };
    }

    /** {@code states} (distinct) with every pair that differs only in one upcall's FAIL merged, in order. */
    static Vector<SystemState> merged(Vector<SystemState> states) {
        if (states.size() < 2 || !anyQueuesFail(states)) {
            return states;
        }
        return Vector.ofAll(mergedPairs(states.asJava(), STATES));
    }

    /**
     * One app's {@code parts} (distinct app states) in a product of {@code budget}, with every pair merged
     * that differs only in one upcall's FAIL, the part with FAIL having used exactly one fault more: held by
     * a {@link StateProduct}, they are the states {@link #merged} merges.
     */
    static Array<StateProduct.Part> mergedParts(Array<StateProduct.Part> parts, int budget) {
        if (parts.size() < 2 || !parts.exists(part -> part.app().queuesUnmarkedFail())) {
            return parts;
        }
        return Array.ofAll(mergedPairs(parts.asJava(), partsWithin(budget)));
    }

    /**
     * {@code items} (distinct) with every pair merged that differs only in one queued upcall, FAIL in the
     * one with one fault fewer to spare, until no pair is left, in order. Marks are made only while the
     * faults to spare cover them all ({@link #withFaultArmed}).
     */
    private static <T> List<T> mergedPairs(List<T> items, Holder<T> holder) {
        List<T> list = new ArrayList<>(items);
        // Where the items queue an unmarked FAIL, so that a partner is made and looked up only where one may
        // be; only an item that queues one can be another's partner, so only those are looked up.
        Set<Long> failures = new HashSet<>();
        Map<T, Integer> positions = new HashMap<>();
        for (int at = 0; at < list.size(); at++) {
            if (addFailures(list.get(at), holder, failures)) {
                positions.put(list.get(at), at);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int at = 0; at < list.size(); at++) {
                T item = list.get(at);
                if (item == null || marked(item, holder) >= holder.spare(item)) {
                    continue;
                }
                for (int slot = 0; slot < holder.slots(item); slot++) {
                    int position = 0;
                    for (Upcall upcall : holder.app(item, slot).upcalls()) {
                        if (position >= MARKABLE) {
                            break;
                        }
                        AppState app = holder.app(item, slot);
                        if (upcall.status() != FAIL && !app.mayFail(position)
                                && marked(item, holder) < holder.spare(item)
                                && failures.contains(failure(slot, position, upcall, holder.spare(item) - 1))) {
                            T failed = holder.with(item, slot, app.withUpcallAt(position, failed(upcall)), true);
                            Integer partner = positions.get(failed);
                            if (partner != null && list.get(partner) != null && partner != at) {
                                T marked = holder.with(item, slot, app.withMayFail(position), false);
                                positions.remove(item);
                                positions.remove(failed);
                                list.set(partner, null);
                                list.set(at, marked);
                                if (addFailures(marked, holder, new HashSet<>())) {
                                    positions.put(marked, at);
                                }
                                item = marked;
                                changed = true;
                            }
                        }
                        position++;
                    }
                }
            }
        }
        List<T> kept = new ArrayList<>(list.size());
        for (T item : list) {
            if (item != null) {
                kept.add(item);
            }
        }
        return kept;
    }

    /**
     * The states {@code state} stands for: each subset of its marked upcalls turned to FAIL and of its
     * failable bytes left unknown ({@link StorageAlternatives}), using a fault each (those with more than are
     * armed left out), marks cleared; {@code state} itself when none is marked.
     * A fault injected tells them apart first: a fault armed now cannot have been used by an operation that
     * completed before it was ({@link Specification}, {@link StateProduct#withFaultArmed}).
     */
    static Vector<SystemState> concrete(SystemState state) {
        Vector<SystemState> states = Vector.of(state);
        for (int slot = 0; slot < state.apps().size(); slot++) {
            if (!state.apps().get(slot).anyMayFail()) {
                continue;
            }
            AppId id = AppId.of(slot);
            List<StateProduct.Part> choices = concreteApp(state.apps().get(slot));
            Vector<SystemState> expanded = Vector.empty();
            for (SystemState each : states) {
                for (StateProduct.Part choice : choices) {
                    if (choice.used() <= each.armedFaults()) {
                        expanded = expanded.append(each.withApp(id, choice.app())
                                .withArmedFaults(each.armedFaults() - choice.used()));
                    }
                }
            }
            states = expanded;
        }
        return StorageAlternatives.count(state.regions()) == 0 ? states : states.flatMap(StorageAlternatives::concrete);
    }

    /**
     * {@code state} with one more fault armed: the states it stands for, each with one more (the new fault
     * cannot be one that an operation which completed before used), held as one state still where the
     * faults armed before are enough for all its marked upcalls to be FAIL together: then no choice of them
     * was out of reach before, and none is made reachable by the new fault.
     */
    static Vector<SystemState> withFaultArmed(SystemState state) {
        Vector<SystemState> told = StorageAlternatives.marks(state) <= state.armedFaults() ? Vector.of(state)
                : concrete(state);
        return told.map(each -> each.withArmedFaults(each.armedFaults() + 1));
    }

    /**
     * One app's {@code parts} as the parts they stand for: each marked part as {@link #concreteApp} makes
     * it, counting its FAILs as used.
     */
    static List<StateProduct.Part> concreteParts(Array<StateProduct.Part> parts) {
        List<StateProduct.Part> expanded = new ArrayList<>(parts.size());
        for (StateProduct.Part part : parts) {
            if (!part.app().anyMayFail()) {
                expanded.add(part);
                continue;
            }
            for (StateProduct.Part choice : concreteApp(part.app())) {
                expanded.add(new StateProduct.Part(choice.app(), part.used() + choice.used()));
            }
        }
        return expanded;
    }

    /**
     * The app states {@code app} stands for, marks cleared, each with the count of its marked upcalls
     * turned to FAIL.
     */
    private static List<StateProduct.Part> concreteApp(AppState app) {
        List<StateProduct.Part> choices = new ArrayList<>();
        choices.add(new StateProduct.Part(app.withUpcalls(app.upcalls()), 0));
        int position = 0;
        for (Upcall upcall : app.upcalls()) {
            if (app.mayFail(position)) {
                for (int at = 0, count = choices.size(); at < count; at++) {
                    StateProduct.Part choice = choices.get(at);
                    choices.add(new StateProduct.Part(choice.app().withUpcalls(choice.app().upcalls().update(position,
                            failed(upcall))), choice.used() + 1));
                }
            }
            position++;
        }
        return choices;
    }

    /** How many queued upcalls of {@code item} may be FAIL, and sets of its bytes failable. */
    private static <T> int marked(T item, Holder<T> holder) {
        int marked = holder.failable(item);
        for (int slot = 0; slot < holder.slots(item); slot++) {
            marked += holder.app(item, slot).mayFailCount();
        }
        return marked;
    }

    /**
     * Adds where {@code item} queues an unmarked FAIL, with the faults it has to spare; whether it queues
     * one.
     */
    private static <T> boolean addFailures(T item, Holder<T> holder, Set<Long> failures) {
        boolean queues = false;
        for (int slot = 0; slot < holder.slots(item); slot++) {
            AppState app = holder.app(item, slot);
            if (!app.queuesUnmarkedFail()) {
                continue;
            }
            int position = 0;
            for (Upcall upcall : app.upcalls()) {
                if (position >= MARKABLE) {
                    break;
                }
                if (upcall.status() == FAIL && !app.mayFail(position)) {
                    failures.add(failure(slot, position, upcall, holder.spare(item)));
                    queues = true;
                }
                position++;
            }
        }
        return queues;
    }

    /**
     * A FAIL queued at {@code position} of app {@code slot} on {@code upcall}'s number, with {@code spare}
     * faults to spare, as one key.
     */
    private static long failure(int slot, int position, Upcall upcall, int spare) {
        return (long) slot << 48 | (long) position << 40 | (long) (upcall.subscribeNumber() & 0xFF) << 32
                | spare & 0xFFFFFFFFL;
    }

    private static Upcall failed(Upcall upcall) {
        return Upcall.error(upcall.subscribeNumber(), ErrorCode.FAIL);
    }

    /** Whether some app of some state queues an unmarked FAIL (by index: this runs on most steps). */
    private static boolean anyQueuesFail(Vector<SystemState> states) {
        for (int at = 0; at < states.size(); at++) {
            Array<AppState> apps = states.get(at).apps();
            for (int slot = 0; slot < apps.size(); slot++) {
                if (apps.get(slot).queuesUnmarkedFail()) {
                    return true;
                }
            }
        }
        return false;
    }
}
