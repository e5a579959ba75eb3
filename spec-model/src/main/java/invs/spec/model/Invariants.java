package invs.spec.model;

import invs.spec.Configuration;
import invs.spec.ErrorCode;
import invs.spec.Profile;
import invs.spec.ShortId;
import invs.spec.Upcall;
import io.vavr.collection.Vector;

/**
 * What must hold in every reachable state of the specification. {@link #violations} names each broken
 * invariant; tests check it after every step.
 */
public final class Invariants {
    private final Configuration config;
    private final Specification specification;

    /** The invariants of a board with this configuration. */
    public Invariants(Configuration config) {
        this.config = config;
        this.specification = new Specification(config);
    }

    /** The invariants {@code state} breaks, each as a sentence; empty when all hold. */
    public Vector<String> violations(SystemState state) {
        Vector<String> broken = Vector.empty();
        if (state.regions().size() * config.regionFootprint() > config.storageLength()) {
            broken = broken.append("regions and their headers overflow the storage area");
        }
        Vector<ShortId> owners = state.regions().map(Region::owner).toVector();
        if (owners.distinct().size() != owners.size()) {
            broken = broken.append("two regions have the same owner");
        }
        Vector<ShortId> writeIds = config.apps().flatMap(app -> app.permissions().writeId());
        for (Region region : state.regions()) {
            if (region.length() != config.regionSize()) {
                broken = broken.append("region " + region.owner() + " has length " + region.length());
            }
            if (!writeIds.contains(region.owner())) {
                broken = broken.append("region " + region.owner() + " belongs to no app's write id");
            }
            for (int index = 0; index < region.failable().size(); index++) {
                FailableBytes bytes = region.failable().get(index);
                if (!bytes.allKnownIn(region.contents())) {
                    broken = broken.append("region " + region.owner() + " has failable bytes it does not know: " + bytes);
                }
                for (int other = index + 1; other < region.failable().size(); other++) {
                    if (bytes.overlaps(region.failable().get(other))) {
                        broken = broken.append("region " + region.owner() + " has failable bytes twice: " + bytes);
                    }
                    if (bytes.first() > region.failable().get(other).first()) {
                        broken = broken.append("region " + region.owner() + " has failable bytes out of order: " + bytes);
                    }
                }
            }
        }
        if (state.armedFaults() < 0) {
            broken = broken.append("a negative number of armed faults");
        }
        for (var app : config.appIds()) {
            AppState appState = state.app(app);
            boolean holdsSomething = !appState.readOnly().isEmpty() || appState.readWrite().length() > 0
                    || !appState.subscriptions().isEmpty() || !appState.upcalls().isEmpty() || appState.pending().isDefined();
            if (holdsSomething && appState.grant() != Grant.ALLOCATED) {
                broken = broken.append(app + " holds buffers, subscriptions, upcalls or an operation without a grant");
            }
            for (Upcall upcall : appState.upcalls()) {
                if (!appState.subscriptions().contains(upcall.subscribeNumber())) {
                    broken = broken.append(app + " has an upcall queued for unsubscribed number " + upcall.subscribeNumber());
                }
                broken = broken.appendAll(shapeViolations(app + "", upcall));
            }
            for (Operation operation : appState.pending()) {
                if (operation.permissionDenied() && config.profile() != Profile.DOC) {
                    broken = broken.append(app + " has an operation pending with a permission error outside the doc profile");
                }
                if (!operation.permissionDenied() && !specification.permitted(app, operation.kind())) {
                    broken = broken.append(app + " has an operation pending without permission");
                }
                if (operation.kind() != OperationKind.SIZE && operation.candidateLengths().isEmpty()) {
                    broken = broken.append(app + " has a read or write pending with no buffer candidate");
                }
            }
            for (ReadSource source : appState.readSource()) {
                if (source.count() > appState.readWrite().length()) {
                    broken = broken.append(app + " remembers a read longer than its buffer");
                }
            }
        }
        return broken;
    }

    private Vector<String> shapeViolations(String app, Upcall upcall) {
        Vector<String> broken = Vector.empty();
        if (upcall.arg2() != 0) {
            broken = broken.append(app + " has an upcall with a nonzero third argument");
        }
        if (upcall.status() != 0) {
            if (ErrorCode.ofNumber(upcall.status()).isEmpty() || upcall.arg1() != 0) {
                broken = broken.append(app + " has a malformed error upcall " + upcall);
            }
            return broken;
        }
        long limit = config.transferLimit().map(Integer::longValue).getOrElse((long) config.regionSize());
        // A read may report 0 bytes when its buffer was replaced by an empty one while it was pending.
        long least = upcall.subscribeNumber() == 1 ? 0 : 1;
        boolean countOk = upcall.subscribeNumber() == 0
                ? upcall.arg1() == config.regionSize()
                : upcall.arg1() >= least && upcall.arg1() <= Math.min(limit, config.regionSize());
        if (!countOk) {
            broken = broken.append(app + " has a success upcall with an impossible count " + upcall);
        }
        return broken;
    }
}
