package invs.spec.model;

import invs.spec.ShortId;
import io.vavr.collection.Array;
import io.vavr.collection.Vector;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * States that differ only in whether a write completed unseen succeeded or failed, held as one.
 *
 * <p>A write that completes while its app does not look, and whose upcall it never sees (unsubscribed, or
 * dropped by a later subscribe), either succeeded, its bytes known, or failed with FAIL using an armed fault,
 * its bytes unknown (SUBSCRIBE_2_FAIL, CLARIFIED_CRASH). Neither state subsumes the other: one knows more,
 * the other has a fault fewer. Several such writes made products of several states each.
 *
 * <p>Two states S and T are merged when T is S with some bytes of one region known in S (and not failable
 * there) unknown, one fault fewer armed, and everything else equal: they become S with those bytes
 * {@linkplain Region#failable() failable}. A state with failable bytes F (over all its regions, and its
 * upcalls that may be FAIL, {@link FaultAlternatives}) and k faults armed stands for the states with any
 * subset Q of F left unknown, and k - |Q| faults armed where that is not negative ({@link #concrete}).
 *
 * <p>Exact, as {@link FaultAlternatives} is, by induction on the inputs. Region bytes are read only when a
 * read completes: where it reads failable bytes, the state is told apart first ({@link #toldApart}), the
 * failed alternative using its fault then. A write, a failed write or a cut one changes the bytes alike in
 * both alternatives: what it changes is failable no more ({@link Region#changed}), and where none is left
 * the two differ only in the fault, the one with more armed standing for the other ({@link Subsumption}).
 * A read's observation teaches only unknown bytes, and failable bytes are known here; no read remembered
 * ({@link ReadSource}) covers them, since a state is merged only while no app remembers a read of that
 * region, and a read completed later was told apart. The armed faults are read only by the guard that lets
 * an operation fail, which the merged state, holding the most, passes wherever an alternative does; the
 * alternative that failed is held to its fault when it is told apart, later: the same constraint. A fault
 * injected tells them apart where the faults armed would not cover every failable byte and upcall that may
 * be FAIL together ({@link FaultAlternatives#withFaultArmed}); bytes are made failable only while they do.
 * A reboot disarms every fault, so that whether a write used one would no longer show: it tells them apart
 * first ({@link Specification}). A state subsumes another only if each set of the other's failable bytes is
 * one of its own or unknown in it ({@link SystemState#storageKnowsNoMoreThan}).
 */
final class StorageAlternatives {
    private StorageAlternatives() {
    }

    /** How many sets of failable bytes {@code regions} hold: faults they may have used. */
    static int count(Array<Region> regions) {
        int count = 0;
        for (int index = 0; index < regions.size(); index++) {
            count += regions.get(index).failable().size();
        }
        return count;
    }

    /**
     * The states {@code state} stands for as far as its regions go: each set of failable bytes kept, or left
     * unknown using a fault (those with more than are armed left out).
     */
    static Vector<SystemState> concrete(SystemState state) {
        if (count(state.regions()) == 0) {
            return Vector.of(state);
        }
        Vector<SystemState> states = Vector.empty();
        for (Settled settled : settledRegions(state.regions(), state.armedFaults())) {
            SystemState each = state;
            for (Region region : settled.regions()) {
                each = each.withRegion(region);
            }
            states = states.append(each.withArmedFaults(state.armedFaults() - settled.used()));
        }
        return states;
    }

    /** {@code regions} with no byte failable, and how many faults the bytes left unknown used. */
    record Settled(Array<Region> regions, int used) {
    }

    /** Every way the failable bytes of {@code regions} may have been written, using at most {@code armed} faults. */
    static List<Settled> settledRegions(Array<Region> regions, int armed) {
        List<Settled> settled = new ArrayList<>();
        settled.add(new Settled(regions, 0));
        for (int index = 0; index < regions.size(); index++) {
            while (!settled.get(0).regions().get(index).failable().isEmpty()) {
                List<Settled> next = new ArrayList<>(settled.size() * 2);
                for (Settled each : settled) {
                    Region region = each.regions().get(index);
                    next.add(new Settled(each.regions().update(index, region.settled(0, false)), each.used()));
                    if (each.used() < armed) {
                        next.add(new Settled(each.regions().update(index, region.settled(0, true)), each.used() + 1));
                    }
                }
                settled = next;
            }
        }
        return settled;
    }

    /**
     * {@code state} told apart where the region of {@code owner} has failable bytes in
     * {@code [from, from + count)}, which a read is about to copy: those bytes kept, or left unknown using an
     * armed fault now; null when none is failable there (or {@code from} lies outside the region: such a read
     * is refused, and copies nothing).
     */
    static Array<SystemState> toldApart(SystemState state, ShortId owner, long from, int count) {
        var found = state.region(owner);
        if (found.isEmpty() || from < 0 || from >= found.get().length()) {
            return null;
        }
        Region region = found.get();
        int start = (int) from;
        int reach = Math.min(count, region.length() - start);
        for (int index = 0; index < region.failable().size(); index++) {
            if (region.failable().get(index).overlaps(start, reach)) {
                SystemState kept = state.withRegion(region.settled(index, false));
                Array<SystemState> told = Array.of(kept);
                if (state.armedFaults() > 0) {
                    told = told.append(state.withRegion(region.settled(index, true))
                            .withArmedFaults(state.armedFaults() - 1));
                }
                return told.flatMap(each -> {
                    Array<SystemState> further = toldApart(each, owner, from, count);
                    return further == null ? Array.of(each) : further;
                });
            }
        }
        return null;
    }

    /**
     * What merging reads of the items it merges, states or products ({@link FailableProducts}), so that both
     * merge alike.
     */
    interface Pairing<T> {
        /** The item's regions. */
        Array<Region> regions(T item);

        /** What else of the item two partners share (a state's apps). */
        Object shape(T item);

        /** The faults armed in the item's states, as compared between partners. */
        int faults(T item);

        /** Whether the item's faults cover its marks and one more, so that it may be merged. */
        boolean covers(T item);

        /** Whether an app of the item remembers a read of the region of {@code owner} ({@link ReadSource}). */
        boolean remembersRead(T item, ShortId owner);

        /** {@code succeeded} with {@code bytes} of its region at {@code index} failable. */
        T withFailable(T succeeded, int index, FailableBytes bytes);
    }

    private static final Pairing<SystemState> STATES = new Pairing<>() {
        @Override
        public Array<Region> regions(SystemState state) {
            return state.regions();
        }

        @Override
        public Object shape(SystemState state) {
            return state.apps();
        }

        @Override
        public int faults(SystemState state) {
            return state.armedFaults();
        }

        @Override
        public boolean covers(SystemState state) {
            return marks(state) < state.armedFaults();
        }

        @Override
        public boolean remembersRead(SystemState state, ShortId owner) {
            return StorageAlternatives.remembersRead(state.apps(), owner);
        }

        @Override
        public SystemState withFailable(SystemState succeeded, int index, FailableBytes bytes) {
            return succeeded.withRegion(succeeded.regions().get(index).withFailable(bytes));
        }
    };

    /**
     * {@code states} (distinct) with every pair merged that differs only in bytes of one region a write left
     * known or unknown, the one with them unknown having one fault fewer armed, until no pair is left, in order.
     */
    static Vector<SystemState> merged(Vector<SystemState> states) {
        if (states.size() < 2 || allStorageKnown(states)) {
            return states;
        }
        List<SystemState> merged = mergedPairs(states.asJava(), STATES);
        return merged.size() == states.size() ? states : Vector.ofAll(merged);
    }

    /**
     * {@code items} with every pair merged that differs only in bytes of one region a write left known or
     * unknown, the one with them unknown having one fault fewer, until no pair is left, in order: the item
     * with them known takes the place of the pair.
     */
    static <T> List<T> mergedPairs(List<T> items, Pairing<T> pairing) {
        List<T> list = new ArrayList<>(items);
        boolean changed = true;
        while (changed) {
            changed = false;
            // Every item under each key: the first may not be a partner (its bytes differ otherwise).
            Map<Partner, List<Integer>> byPartner = new HashMap<>();
            for (int at = 0; at < list.size(); at++) {
                T item = list.get(at);
                if (item != null && pairing.covers(item)) {
                    for (int index = 0; index < pairing.regions(item).size(); index++) {
                        byPartner.computeIfAbsent(Partner.of(item, index, pairing.faults(item), pairing),
                                key -> new ArrayList<>(1)).add(at);
                    }
                }
            }
            // An item merged is not merged again before the next round: its partners were found as it was.
            boolean[] merging = new boolean[list.size()];
            for (int at = 0; at < list.size(); at++) {
                T failed = list.get(at);
                if (failed == null || merging[at]) {
                    continue;
                }
                Array<Region> regions = pairing.regions(failed);
                boolean merged = false;
                for (int index = 0; index < regions.size() && !merged; index++) {
                    if (regions.get(index).contents().allKnown()) {
                        continue;
                    }
                    List<Integer> partners = byPartner.get(Partner.of(failed, index, pairing.faults(failed) + 1, pairing));
                    for (int candidate = 0; partners != null && candidate < partners.size() && !merged; candidate++) {
                        int partner = partners.get(candidate);
                        T succeeded = merging[partner] || partner == at ? null : list.get(partner);
                        Region kept = succeeded == null ? null : pairing.regions(succeeded).get(index);
                        FailableBytes bytes = kept == null ? null : failableBetween(kept, regions.get(index));
                        if (bytes != null && !pairing.remembersRead(succeeded, kept.owner())) {
                            list.set(partner, pairing.withFailable(succeeded, index, bytes));
                            list.set(at, null);
                            merging[partner] = true;
                            changed = true;
                            merged = true;
                        }
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
     * The bytes {@code lost} does not know, if it is {@code kept} (the same owner, epoch and failable bytes)
     * with some of its known bytes, not failable, unknown; null otherwise.
     */
    static FailableBytes failableBetween(Region kept, Region lost) {
        BitSet unknown = kept.contents().unknownOnlyIn(lost.contents());
        if (unknown == null || unknown.isEmpty()) {
            return null;
        }
        FailableBytes bytes = FailableBytes.of(unknown);
        for (FailableBytes already : kept.failable()) {
            if (already.overlaps(bytes)) {
                return null;
            }
        }
        return bytes.failedIn(kept.contents()).equals(lost.contents()) ? bytes : null;
    }

    /**
     * Whether {@code mine} and {@code theirs} are the same regions but for the contents of the one at
     * {@code index} (its owner, epoch and failable bytes the same).
     */
    static boolean alikeBut(Array<Region> mine, Array<Region> theirs, int index) {
        if (mine.size() != theirs.size()) {
            return false;
        }
        for (int at = 0; at < mine.size(); at++) {
            Region one = mine.get(at);
            Region two = theirs.get(at);
            boolean alike = at == index
                    ? one.owner().equals(two.owner()) && one.epoch() == two.epoch() && one.failable().equals(two.failable())
                    : one.equals(two);
            if (!alike) {
                return false;
            }
        }
        return true;
    }

    /** A hash of {@code regions} equal wherever {@link #alikeBut} holds. */
    static int hashBut(Array<Region> regions, int index) {
        int hash = index;
        for (int at = 0; at < regions.size(); at++) {
            Region region = regions.get(at);
            hash = 31 * hash + (at == index ? region.owner().hashCode() : region.hashCode());
        }
        return hash;
    }

    /** Whether one of {@code apps} remembers a read of the region of {@code owner}. */
    private static boolean remembersRead(Array<AppState> apps, ShortId owner) {
        for (int slot = 0; slot < apps.size(); slot++) {
            if (remembersRead(apps.get(slot), owner)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code app} remembers a read of the region of {@code owner}. */
    static boolean remembersRead(AppState app, ShortId owner) {
        return app.readSource().isDefined() && app.readSource().get().owner().equals(owner);
    }

    /** How many faults {@code state}'s alternatives may use: failable bytes and upcalls that may be FAIL. */
    static int marks(SystemState state) {
        int marks = count(state.regions());
        for (int slot = 0; slot < state.apps().size(); slot++) {
            marks += state.apps().get(slot).mayFailCount();
        }
        return marks;
    }

    private static boolean allStorageKnown(Vector<SystemState> states) {
        for (int at = 0; at < states.size(); at++) {
            if (!states.get(at).storageAllKnown()) {
                return false;
            }
        }
        return true;
    }

    /**
     * An item as a partner in a merge sees it: what else it shares ({@link Pairing#shape}), all its regions but
     * the contents of the one at {@code index}, and {@code faults} (a failed write's item looks up its partner
     * with one more).
     */
    private record Partner(Object shape, Array<Region> regions, int index, int faults) {
        static <T> Partner of(T item, int index, int faults, Pairing<T> pairing) {
            return new Partner(pairing.shape(item), pairing.regions(item), index, faults);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Partner that && that.faults == faults && that.index == index
                    && alikeBut(regions, that.regions, index) && shape.equals(that.shape);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * shape.hashCode() + faults) + hashBut(regions, index);
        }
    }
}
