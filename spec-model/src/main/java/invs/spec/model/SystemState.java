package invs.spec.model;

import invs.spec.AppId;
import invs.spec.ShortId;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * The whole system as the specification sees it: the allocated regions (they persist across reboots),
 * each app's state (lost on restart or reboot), and how many injected flash faults are still armed.
 *
 * @param regions     allocated regions, in allocation order
 * @param apps        each app's state, by process slot
 * @param armedFaults flash faults injected and not yet used
 * @param hash        the state's hash, computed once by the constructor (whatever is passed): sets of
 *                    states hash them often, and Vavr collections do not cache their hashes
 */
public record SystemState(Vector<Region> regions, Vector<AppState> apps, int armedFaults, int hash) {

    /** Computes the hash; the {@code hash} argument is ignored. */
    public SystemState {
        hash = hashOf(regions, apps, armedFaults);
    }

    /** The hash of a state of these parts (a value method, like {@link #hashCode}). */
    private static int hashOf(Vector<Region> regions, Vector<AppState> apps, int armedFaults) {
        return 31 * (31 * regions.hashCode() + apps.hashCode()) + armedFaults;
    }

    /** A state of these regions, apps and armed faults. */
    public SystemState(Vector<Region> regions, Vector<AppState> apps, int armedFaults) {
        this(regions, apps, armedFaults, 0);
    }

    /** The state after power-on with no region allocated, for {@code appCount} apps. */
    public static SystemState initial(int appCount) {
        return new SystemState(Vector.empty(), Vector.fill(appCount, AppState::fresh), 0);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SystemState that && hash == that.hash && armedFaults == that.armedFaults
                && regions.equals(that.regions) && apps.equals(that.apps);
    }

    @Override
    public int hashCode() {
        return hash;
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
        return regions.find(region -> region.owner().equals(owner));
    }

    /** This state with {@code region} replacing the region of the same owner, or appended if new. */
    public SystemState withRegion(Region region) {
        int index = regions.indexWhere(r -> r.owner().equals(region.owner()));
        Vector<Region> updated = index < 0 ? regions.append(region) : regions.update(index, region);
        return new SystemState(updated, apps, armedFaults);
    }

    /** This state with another count of armed faults. */
    public SystemState withArmedFaults(int count) {
        return new SystemState(regions, apps, count);
    }

    /** Whether any app has an outstanding operation. */
    public boolean anyPending() {
        return apps.exists(app -> app.pending().isDefined());
    }
}
