package invs.conformance.zoo;

import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * The bug zoo: deliberately wrong implementations, each a small variation of the reference standing for
 * one realistic bug, across permissions, BUSY, bounds, allocation, durability, crash handling, upcall
 * arguments and liveness. The default suite must kill every one of them.
 */
public final class Zoo {
    private Zoo() {
    }

    /** Every mutant, grouped by bug class. */
    public static Vector<Mutant> all() {
        return PermissionMutants.all()
                .appendAll(BusyMutants.all())
                .appendAll(BoundsMutants.all())
                .appendAll(AllocationMutants.all())
                .appendAll(DurabilityMutants.all())
                .appendAll(CrashMutants.all())
                .appendAll(UpcallMutants.all())
                .appendAll(LivenessMutants.all());
    }

    /** The mutant called {@code name}, if any. */
    public static Option<Mutant> named(String name) {
        return all().appendAll(Readings.all()).find(mutant -> mutant.name().equals(name));
    }
}
