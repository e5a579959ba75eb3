package invs.spec.explore;

import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.Input;
import invs.spec.ShortId;
import invs.spec.Syscall;
import invs.spec.model.AppState;
import invs.spec.model.Cells;
import invs.spec.model.Invariants;
import invs.spec.model.Operation;
import invs.spec.model.OperationKind;
import invs.spec.model.Region;
import invs.spec.model.SystemState;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * The properties an exploration checks on every transition, beyond the state invariants:
 * <ul>
 *   <li>isolation: a system call of one app changes no other app's state, and another app's region only
 *       by allocating it fresh;</li>
 *   <li>containment (durability, and nothing outside an interrupted write's range): a known storage byte
 *       changes only inside the range of a write its owner had pending;</li>
 *   <li>liveness after drain: nothing is pending, and every operation that was pending queued exactly
 *       one upcall if its app was subscribed.</li>
 * </ul>
 */
public final class SafetyProperties {
    private final Configuration config;
    private final Invariants invariants;
    private final Vector<AppId> apps;

    /** The properties of a board with this configuration. */
    public SafetyProperties(Configuration config) {
        this.config = config;
        this.invariants = new Invariants(config);
        this.apps = config.appIds();
    }

    /** The properties broken by the transition from {@code before} on {@code input} to {@code after}. */
    public Vector<String> violations(SystemState before, Input input, SystemState after) {
        return invariants(after).appendAll(transition(before, input, after));
    }

    /** The state invariants {@code state} breaks. */
    Vector<String> invariants(SystemState state) {
        return invariants.violations(state).map(text -> "invariant: " + text);
    }

    /** The properties of the transition itself (isolation, containment, liveness) it breaks. */
    Vector<String> transition(SystemState before, Input input, SystemState after) {
        Vector<String> broken = Vector.empty();
        if (input instanceof Syscall syscall && before != after) {
            broken = broken.appendAll(isolation(before, syscall.app(), after));
        }
        // The same regions (the very same collection) cannot have changed a byte.
        if (before.regions() != after.regions()) {
            broken = broken.appendAll(containment(before, after));
        }
        if (input instanceof Drain) {
            broken = broken.appendAll(liveness(before, after));
        }
        return broken;
    }

    private Vector<String> isolation(SystemState before, AppId caller, SystemState after) {
        Vector<String> broken = Vector.empty();
        Option<ShortId> callerOwner = config.app(caller).permissions().writeId();
        for (AppId other : apps) {
            if (!other.equals(caller) && !withoutReadSource(before.app(other)).equals(withoutReadSource(after.app(other)))) {
                broken = broken.append("isolation: a system call of " + caller + " changed the state of " + other);
            }
        }
        for (Region region : after.regions()) {
            if (callerOwner.contains(region.owner())) {
                continue;
            }
            Option<Region> earlier = before.region(region.owner());
            boolean allowed = earlier.isDefined()
                    ? earlier.get().contents().equals(region.contents())
                    : region.equals(Region.fresh(region.owner(), config.regionSize()));
            if (!allowed) {
                broken = broken.append("isolation: a system call of " + caller + " changed the region of " + region.owner());
            }
        }
        return broken;
    }

    /**
     * {@code app} without the read it remembers: a bookkeeping of what the model may still learn from the
     * app's buffer, which the specification drops when the region read changes (whoever changed it, for
     * example the region's owner after another app read it with read permission), not state of the app.
     */
    private static AppState withoutReadSource(AppState app) {
        return app.readSource().isEmpty() ? app : app.withReadWrite(app.readWrite(), Option.none());
    }

    private Vector<String> containment(SystemState before, SystemState after) {
        Vector<String> broken = Vector.empty();
        for (Region earlier : before.regions()) {
            Option<Region> later = after.region(earlier.owner());
            if (later.isEmpty()) {
                broken = broken.append("durability: the region of " + earlier.owner() + " disappeared");
                continue;
            }
            Cells was = earlier.contents();
            Cells now = later.get().contents();
            Vector<Operation> writes = pendingWrites(before, earlier.owner());
            for (int i = 0; i < was.length(); i++) {
                if (!was.isKnown(i)) {
                    continue;
                }
                boolean same = now.isKnown(i) && now.value(i) == was.value(i);
                if (!same && !covered(writes, i)) {
                    broken = broken.append("containment: byte " + i + " of the region of " + earlier.owner()
                            + " changed outside any pending write");
                    break;
                }
            }
        }
        return broken;
    }

    private Vector<Operation> pendingWrites(SystemState state, ShortId owner) {
        return apps
                .filter(app -> config.app(app).permissions().writeId().contains(owner))
                .flatMap(app -> state.app(app).pending())
                .filter(operation -> operation.kind() == OperationKind.WRITE && !operation.permissionDenied());
    }

    private static boolean covered(Vector<Operation> writes, int index) {
        for (Operation write : writes) {
            for (Bytes data : write.writeData()) {
                if (Long.compareUnsigned(write.offset(), index) <= 0 && index - write.offset() < data.length()) {
                    return true;
                }
            }
        }
        return false;
    }

    private Vector<String> liveness(SystemState before, SystemState after) {
        Vector<String> broken = Vector.empty();
        for (AppId app : apps) {
            AppState was = before.app(app);
            AppState now = after.app(app);
            if (now.pending().isDefined()) {
                broken = broken.append("liveness: " + app + " still has an operation pending after a drain");
            }
            int expected = was.upcalls().size()
                    + (was.pending().exists(operation -> was.subscriptions().contains(operation.kind().subscribeNumber()))
                    ? 1 : 0);
            if (now.upcalls().size() != expected) {
                broken = broken.append("liveness: " + app + " has " + now.upcalls().size()
                        + " upcalls queued after a drain, expected " + expected);
            }
        }
        return broken;
    }
}
