package invs.conformance.zoo;

import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * The bug zoo: deliberately wrong implementations, each a small variation of the reference standing for
 * one realistic bug, across permissions, BUSY, bounds, allocation, durability, crash handling, upcall
 * arguments and liveness, and bugs that only boards unlike the standard ones show. The default campaign
 * must kill every one of them.
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
                .appendAll(LivenessMutants.all())
                .appendAll(ConfigurationMutants.all());
    }

    /**
     * The mutants whose defects live in the configuration space: the standard boards alone never show them,
     * generated boards do.
     */
    public static Vector<Mutant> configurationSpace() {
        return ConfigurationMutants.all();
    }

    /**
     * The alternative readings of the driver document, served like mutants but not part of the zoo: each
     * one consistent behaviour the clarified specification rules out.
     */
    public static Vector<Mutant> readings() {
        return Readings.all();
    }

    /** The mutant called {@code name}, if any. */
    public static Option<Mutant> named(String name) {
        return all().appendAll(Readings.all()).find(mutant -> mutant.name().equals(name));
    }
}
