package invs.spec.model;

import invs.spec.AppId;
import invs.spec.ShortId;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Comparator;

/**
 * The whole system as the specification sees it: the allocated regions (they persist across reboots),
 * each app's state (lost on restart or reboot), and how many injected flash faults are still armed. A
 * value: equal parts make equal states. Its hash is computed on first use and kept (sets of states hash
 * them often; most intermediate states are never hashed). Its lookups loop over its few regions and apps by
 * index: iterating a Vavr vector allocates an iterator, and the specification looks up regions on every step.
 */
public final class SystemState {
    /** The order a state keeps its regions in: their owners' ids, unsigned. */
    private static final Comparator<Region> BY_OWNER =
            (one, other) -> Integer.compareUnsigned(one.owner().value(), other.owner().value());

    private final Array<Region> regions;
    private final Array<AppState> apps;
    private final int armedFaults;
    /** The hash, 0 until computed. */
    private int hash;

    /**
     * A state of these regions, apps and armed faults.
     *
     * @param regions     allocated regions, in any order (the state keeps them in the order of their owners)
     * @param apps        each app's state, by process slot
     * @param armedFaults flash faults injected and not yet used
     */
    public SystemState(Seq<Region> regions, Seq<AppState> apps, int armedFaults) {
        this(byOwner(Array.ofAll(regions)), Array.ofAll(apps), armedFaults);
    }

    /** A state of regions already in their owners' order (most states are made from another's parts). */
    private SystemState(Array<Region> ordered, Array<AppState> apps, int armedFaults) {
        this.regions = ordered;
        this.apps = apps;
        this.armedFaults = armedFaults;
    }

    /** The state after power-on with no region allocated, for {@code appCount} apps. */
    public static SystemState initial(int appCount) {
        return new SystemState(Array.empty(), Array.fill(appCount, AppState::fresh), 0);
    }

    /**
     * Allocated regions, in the order of their owners' ids (unsigned). Where a region lies in storage, and so
     * the order regions were allocated in, is not observable: no rule reads it (regions are looked up by
     * owner, and counted), so states that differ only in it are one state. Keeping one order makes them
     * equal, which keeps frontiers narrow: a drain on a board where n apps compete for space tries every
     * order of their allocations, n! of them, which otherwise stayed n! states (docs/decisions.md).
     */
    public Array<Region> regions() {
        return regions;
    }

    /** Each app's state, by process slot. */
    public Array<AppState> apps() {
        return apps;
    }

    /** Flash faults injected and not yet used. */
    public int armedFaults() {
        return armedFaults;
    }

    /** Equal parts; hashes are compared only when both are known (computing one walks the whole state). */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof SystemState that && (hash == 0 || that.hash == 0 || hash == that.hash)
                && armedFaults == that.armedFaults && regions.equals(that.regions) && apps.equals(that.apps);
    }

    /**
     * Whether this state knows no more than {@code other}, armed faults aside ({@link Subsumption}): the
     * same apps and regions (owners and epochs), except that this state's storage may know fewer bytes.
     */
    boolean knowsNoMoreThan(SystemState other) {
        return other == this || storageKnowsNoMoreThan(other) && apps.equals(other.apps);
    }

    /**
     * {@link #knowsNoMoreThan} for a state whose apps are known to equal this state's: the same regions
     * (owners and epochs), this state's storage knowing no byte {@code other}'s does not, and where
     * {@code other}'s writes may have failed unseen, this state's may have too ({@link #failableAsMuch}).
     */
    boolean storageKnowsNoMoreThan(SystemState other) {
        if (regions.size() != other.regions.size()) {
            return false;
        }
        for (int index = 0; index < regions.size(); index++) {
            Region mine = regions.get(index);
            Region theirs = other.regions.get(index);
            if (mine.epoch() != theirs.epoch() || !mine.owner().equals(theirs.owner())
                    || !mine.contents().knowsNoMoreThan(theirs.contents()) || !failableAsMuch(mine, theirs)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether each set of {@code theirs}'s failable bytes is one of {@code mine}'s, or unknown in {@code mine}
     * already: then each way {@code theirs}'s writes may have failed has a way of {@code mine}'s that knows no
     * more, having used no more faults ({@link StorageAlternatives}).
     */
    private static boolean failableAsMuch(Region mine, Region theirs) {
        if (theirs.failable().isEmpty() || mine.failable().equals(theirs.failable())) {
            return true;
        }
        for (FailableBytes bytes : theirs.failable()) {
            if (!mine.failable().contains(bytes) && !bytes.allUnknownIn(mine.contents())) {
                return false;
            }
        }
        return true;
    }

    /** Whether every byte of every region is known. */
    boolean storageAllKnown() {
        return allKnown(regions);
    }

    /** Whether every byte of every one of {@code regions} is known. */
    static boolean allKnown(Array<Region> regions) {
        for (int index = 0; index < regions.size(); index++) {
            if (!regions.get(index).contents().allKnown()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = 31 * (31 * regions.hashCode() + apps.hashCode()) + armedFaults;
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return "SystemState[regions=" + regions + ", apps=" + apps + ", armedFaults=" + armedFaults + "]";
    }

    /** The state of app {@code app}. */
    public AppState app(AppId app) {
        return apps.get(app.slot());
    }

    /** This state with app {@code app}'s state replaced. */
    public SystemState withApp(AppId app, AppState state) {
        return new SystemState(regions, apps.update(app.slot(), state), armedFaults);
    }

    /** The region owned by {@code owner}, if allocated. */
    public Option<Region> region(ShortId owner) {
        int index = indexOf(owner);
        return index < 0 ? Option.none() : Option.some(regions.get(index));
    }

    /** The index of the region owned by {@code owner}, -1 if none is allocated. */
    private int indexOf(ShortId owner) {
        for (int index = 0; index < regions.size(); index++) {
            if (regions.get(index).owner().equals(owner)) {
                return index;
            }
        }
        return -1;
    }

    /** This state with {@code region} replacing the region of the same owner, or added if new. */
    public SystemState withRegion(Region region) {
        int index = indexOf(region.owner());
        Array<Region> updated = index < 0 ? regions.insert(insertionPoint(region), region)
                : regions.update(index, region);
        return new SystemState(updated, apps, armedFaults);
    }

    /** Where {@code region}, of an owner with no region yet, goes among the regions in their order. */
    private int insertionPoint(Region region) {
        int index = 0;
        while (index < regions.size() && BY_OWNER.compare(regions.get(index), region) < 0) {
            index++;
        }
        return index;
    }

    /** {@code regions} in the order a state keeps them in (most often they already are). */
    private static Array<Region> byOwner(Array<Region> regions) {
        for (int index = 1; index < regions.size(); index++) {
            if (BY_OWNER.compare(regions.get(index - 1), regions.get(index)) > 0) {
                return regions.sorted(BY_OWNER);
            }
        }
        return regions;
    }

    /** This state with another count of armed faults. */
    public SystemState withArmedFaults(int count) {
        return new SystemState(regions, apps, count);
    }

    /**
     * This state with its region epochs renumbered: the same state as far as anything observable goes.
     * An epoch only tells whether a region changed since a read that a {@link ReadSource} remembers
     * (the read's observation may then teach the storage bytes). So a remembered read from an older epoch,
     * which can teach nothing, is forgotten, and every region's epoch, with the reads remembered from it,
     * becomes 0. States that differ only in how often their regions changed are then equal, which keeps
     * frontiers narrow.
     */
    public SystemState withEpochsRenumbered() {
        if (epochsRenumbered()) {
            return this;
        }
        Array<AppState> renumbered = apps.map(app -> app.readSource().isEmpty() ? app : app.withReadSource(
                app.readSource().flatMap(source -> region(source.owner())
                        .filter(region -> region.epoch() == source.epoch())
                        .map(region -> source.withEpoch(0)))));
        return new SystemState(regions.map(region -> region.withEpoch(0)), renumbered, armedFaults);
    }

    private boolean epochsRenumbered() {
        for (int index = 0; index < regions.size(); index++) {
            if (regions.get(index).epoch() != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether any app has an outstanding operation. */
    public boolean anyPending() {
        for (int slot = 0; slot < apps.size(); slot++) {
            if (apps.get(slot).pending().isDefined()) {
                return true;
            }
        }
        return false;
    }
}
