package invs.spec.model;

/**
 * What tests accept as a frontier state standing for a consistent one: the simulation of {@link Subsumption}'s
 * proof ({@link #simulates}: subsumption, and {@link BufferSubsumption}), or that relation to a state reached
 * by completing an operation the keeper holds pending, unseen ({@link UnseenCompletion}), an app after another.
 */
final class StandingFor {
    private StandingFor() {
    }

    /**
     * Whether one of {@code keepers} stands for {@code state}: {@link #simulates} holds between them, or
     * between a state the keeper's pending operations reach by completing, one app's after another's, and
     * {@code state} (tried only when no keeper simulates it: completing is the costly part).
     */
    static boolean anyStandsFor(Specification specification, Iterable<SystemState> keepers, SystemState state) {
        for (SystemState keeper : keepers) {
            if (simulates(keeper, state)) {
                return true;
            }
        }
        for (SystemState keeper : keepers) {
            if (standsFor(specification, keeper, state, keeper.apps().size())) {
                return true;
            }
        }
        return false;
    }

    private static boolean standsFor(Specification specification, SystemState keeper, SystemState state, int depth) {
        if (simulates(keeper, state)) {
            return true;
        }
        if (depth == 0) {
            return false;
        }
        Completion completion = specification.completion();
        for (int slot = 0; slot < keeper.apps().size(); slot++) {
            if (keeper.apps().get(slot).pending().isEmpty()) {
                continue;
            }
            for (SystemState done : completion.complete(keeper, completion.app(slot))) {
                for (SystemState each : FaultAlternatives.concrete(done.withEpochsRenumbered())) {
                    if (standsFor(specification, each, state, depth - 1)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The relation {@link Subsumption}'s proof shows to be a simulation (subsumption is the part of it with
     * equal apps): at least the faults armed, the same regions knowing no byte more, and per app the same
     * parts except a buffer knowing no byte more and a read remembered where {@code state} remembers none,
     * its buffer then holding, known, the region bytes the read copied.
     */
    static boolean simulates(SystemState keeper, SystemState state) {
        if (keeper.armedFaults() < state.armedFaults() || keeper.regions().size() != state.regions().size()) {
            return false;
        }
        for (int index = 0; index < keeper.regions().size(); index++) {
            Region general = keeper.regions().get(index);
            Region specific = state.regions().get(index);
            if (!general.owner().equals(specific.owner()) || general.epoch() != specific.epoch()
                    || !general.contents().knowsNoMoreThan(specific.contents())) {
                return false;
            }
        }
        for (int slot = 0; slot < keeper.apps().size(); slot++) {
            AppState general = keeper.apps().get(slot);
            AppState specific = state.apps().get(slot);
            boolean sameParts = general.readOnly().equals(specific.readOnly()) && general.pending().equals(specific.pending())
                    && general.upcalls().equals(specific.upcalls()) && general.subscriptions().equals(specific.subscriptions())
                    && general.grant() == specific.grant() && general.readWrite().knowsNoMoreThan(specific.readWrite());
            boolean sameRead = general.readSource().equals(specific.readSource())
                    || specific.readSource().isEmpty() && bufferHoldsRead(general.readSource().get(), specific, state);
            if (!sameParts || !sameRead) {
                return false;
            }
        }
        return true;
    }

    private static boolean bufferHoldsRead(ReadSource read, AppState app, SystemState state) {
        Cells buffer = app.readWrite();
        Cells region = state.region(read.owner()).get().contents();
        for (int at = 0; at < read.count(); at++) {
            if (!buffer.isKnown(at) || !region.isKnown(read.offset() + at)
                    || buffer.value(at) != region.value(read.offset() + at)) {
                return false;
            }
        }
        return true;
    }

}
