package invs.spec.model;

import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Configuration;
import invs.spec.ErrorCode;
import invs.spec.ShortId;
import invs.spec.Upcall;
import io.vavr.collection.Array;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * How an accepted operation ends: completed (with its upcall), or interrupted by a restart or reboot.
 *
 * <p>Completion is invisible until observed, so the model completes an operation lazily: whenever the
 * app makes a system call, {@link #settle} offers both the state where its operation is still pending
 * and the states where it has completed. Across apps only allocation interacts (storage capacity), so
 * when pending allocations compete for the space left, other apps may have allocated first.
 */
final class Completion {
    private final Configuration config;
    /**
     * The configuration's apps, by process slot (computed once: it is asked for on every completion; an
     * array, which a loop walks without allocating an iterator).
     */
    private final AppId[] apps;
    /** The ShortId each app's region belongs to, by process slot (null for an app without one). */
    private final ShortId[] owners;
    /** Each app's region as allocated, by process slot (null for an app without one); regions are values. */
    private final Region[] fresh;
    /** The most bytes one transfer moves ({@link Integer#MAX_VALUE} without a limit). */
    private final int transferLimit;
    /** The most states a drain or competing allocations reach ({@link TooManyStates}). */
    private final int stepBound;

    Completion(Configuration config, int stepBound) {
        this.config = config;
        this.stepBound = stepBound;
        Vector<AppId> ids = config.appIds();
        this.apps = ids.toJavaArray(AppId[]::new);
        this.owners = ids.map(app -> config.app(app).permissions().writeId().getOrNull()).toJavaArray(ShortId[]::new);
        this.fresh = ids.map(app -> config.app(app).permissions().writeId()
                .map(owner -> Region.fresh(owner, config.regionSize())).getOrNull()).toJavaArray(Region[]::new);
        this.transferLimit = config.transferLimit().getOrElse(Integer.MAX_VALUE);
    }

    /** The app in process slot {@code slot}. */
    AppId app(int slot) {
        return apps[slot];
    }

    /**
     * {@code state}, and the states where {@code app}'s pending operation has completed meanwhile (distinct:
     * in {@code state} the operation is pending, in the others it is not).
     */
    Array<SystemState> settle(SystemState state, AppId app) {
        if (state.app(app).pending().isEmpty()) {
            return Array.of(state);
        }
        return complete(state, app).prepend(state);
    }

    /** The states where {@code app}'s pending operation has completed, after any competing allocations. */
    Array<SystemState> complete(SystemState state, AppId app) {
        return Frontier.distinct(competingAllocations(state, app).flatMap(before -> completeNow(before, app)));
    }

    /**
     * Every state reached by completing all pending operations (clause CLARIFIED_LIVENESS). Without
     * competition for space the completions commute, so slot order covers every order; with it, every
     * order is tried (the document leaves the order of service open).
     *
     * @throws TooManyStates when the states reached on the way are more than the specification's step bound
     */
    Array<SystemState> drain(SystemState state) {
        if (!state.anyPending()) {
            return Array.of(state);
        }
        java.util.List<SystemState> done = new java.util.ArrayList<>();
        Array<SystemState> frontier = Array.of(state);
        while (!frontier.isEmpty()) {
            java.util.List<SystemState> next = new java.util.ArrayList<>();
            for (SystemState current : frontier) {
                if (!current.anyPending()) {
                    done.add(current);
                } else if (allocationsCompete(current)) {
                    for (AppId app : apps) {
                        if (current.app(app).pending().isDefined()) {
                            next.addAll(completeNow(current, app).asJava());
                        }
                    }
                } else {
                    next.addAll(completeNow(current, firstPending(current)).asJava());
                }
                TooManyStates.check((long) next.size() + done.size(), stepBound);
            }
            frontier = Frontier.distinct(Array.ofAll(next));
        }
        return Frontier.distinct(Array.ofAll(done));
    }

    /** The first app, in slot order, with an outstanding operation in {@code state}, which has one. */
    private AppId firstPending(SystemState state) {
        for (AppId app : apps) {
            if (state.app(app).pending().isDefined()) {
                return app;
            }
        }
        throw new IllegalArgumentException("no app has an outstanding operation");
    }

    /**
     * The states after {@code app}'s pending operation is cut by a restart or reboot: the operation never
     * reports; an allocation it caused happened or did not; a write leaves its range unknown
     * (clause CLARIFIED_CRASH). The app's own state is left for the caller to reset.
     */
    Array<SystemState> interrupt(SystemState state, AppId app) {
        Option<Operation> pending = state.app(app).pending();
        if (pending.isEmpty()) {
            return Array.of(state);
        }
        Operation operation = pending.get();
        SystemState cleared = state.withApp(app, state.app(app).withPending(Option.none()));
        if (operation.permissionDenied()) {
            return Array.of(cleared);
        }
        ShortId owner = owner(app);
        if (cleared.region(owner).isDefined()) {
            return Array.of(damageRange(cleared, operation, owner));
        }
        if (!fits(cleared)) {
            return Array.of(cleared);
        }
        SystemState allocated = cleared.withRegion(fresh[app.slot()]);
        return Array.of(cleared, damageRange(allocated, operation, owner));
    }

    private Array<SystemState> completeNow(SystemState state, AppId app) {
        AppState appState = state.app(app);
        Operation operation = appState.pending().get();
        SystemState base = state.withApp(app, appState.withPending(Option.none()));
        OperationKind kind = operation.kind();
        if (operation.permissionDenied()) {
            return Array.of(finish(base, app, Upcall.error(kind.subscribeNumber(), ErrorCode.NOSUPPORT)));
        }
        ShortId owner = owner(app);
        boolean faultArmed = base.armedFaults() > 0;
        Array<SystemState> results = Array.empty();
        if (base.region(owner).isDefined()) {
            results = results.appendAll(withRegion(base, app, operation, owner));
            if (faultArmed) {
                results = results.append(failed(base, app, operation, owner));
            }
            return results;
        }
        if (fits(base)) {
            SystemState allocated = base.withRegion(fresh[app.slot()]);
            results = results.appendAll(withRegion(allocated, app, operation, owner));
            if (faultArmed) {
                results = results.append(failed(allocated, app, operation, owner));
                results = results.append(failed(base, app, operation, owner));
            }
            return results;
        }
        // COMMAND_n_ALLOCATES could not allocate: NOMEM (SUBSCRIBE_n_NOMEM), before any check of the buffer (D11).
        results = results.append(finish(base, app, Upcall.error(kind.subscribeNumber(), ErrorCode.NOMEM)));
        if (faultArmed) {
            results = results.append(failed(base, app, operation, owner));
        }
        return results;
    }

    private Array<SystemState> withRegion(SystemState state, AppId app, Operation operation, ShortId owner) {
        Region region = state.region(owner).get();
        OperationKind kind = operation.kind();
        if (kind == OperationKind.READ && !operation.reallowed() && !region.failable().isEmpty()
                && operation.readLengths().exists(length -> rejection(operation, length, region.length()).isEmpty())) {
            // A read copies what a write completed unseen left: whether it succeeded or failed is told first
            // (a read refused copies nothing).
            int longest = operation.readLengths().map(this::transferCount).max().getOrElse(0);
            Array<SystemState> told = StorageAlternatives.toldApart(state, owner, operation.offset(), longest);
            if (told != null) {
                return told.flatMap(each -> withRegion(each, app, operation, owner));
            }
        }
        if (kind == OperationKind.SIZE) {
            // SUBSCRIBE_0_SUCCESS: the region's length.
            return Array.of(finish(state, app, Upcall.success(0, region.length())));
        }
        Array<SystemState> results = Array.empty();
        Vector<Integer> lengths = operation.candidateLengths();
        for (int candidate = 0; candidate < lengths.size(); candidate++) {
            int length = lengths.get(candidate);
            Option<ErrorCode> error = rejection(operation, length, region.length());
            results = error.isEmpty() ? results.appendAll(transfer(state, app, operation, candidate, length, region))
                    : results.append(finish(state, app, Upcall.error(kind.subscribeNumber(), error.get())));
        }
        return results;
    }

    /**
     * Why a read or write of {@code length} bytes is refused, in one order for both profiles (D11): RESERVE
     * for no buffer or an empty one, wherever the offset points (SUBSCRIBE_n_RESERVE), then INVAL for an
     * access not within the region (SUBSCRIBE_n_INVAL, D9).
     */
    private Option<ErrorCode> rejection(Operation operation, int length, int size) {
        if (length == 0) {
            return Option.some(ErrorCode.RESERVE);
        }
        if (operation.highWordRejected() || !Bounds.within(operation.offset(), length, size)) {
            return Option.some(ErrorCode.INVAL);
        }
        return Option.none();
    }

    private Array<SystemState> transfer(SystemState state, AppId app, Operation operation, int candidate, int length,
                                        Region region) {
        int count = transferCount(length);
        int offset = (int) operation.offset();
        AppState appState = state.app(app);
        if (operation.kind() == OperationKind.READ) {
            Cells buffer = appState.readWrite();
            if (operation.reallowed()) {
                // CLARIFIED_REALLOW: the data may have gone to any buffer allowed meanwhile.
                int touched = Math.min(buffer.length(), count);
                AppState updated = appState.withReadWrite(buffer.forget(0, touched), Option.none());
                SystemState next = state.withApp(app, updated);
                return Array.of(count, Math.min(count, buffer.length())).distinct()
                        .map(reported -> finish(next, app, Upcall.success(1, reported)));
            }
            // SUBSCRIBE_1_SUCCESS and CLARIFIED_TRANSFER: count bytes copied to the start of the buffer.
            int copied = Math.min(count, buffer.length());
            Cells filled = buffer.copyFrom(0, region.contents(), offset, copied);
            Option<ReadSource> source = region.contents().anyUnknown(offset, copied)
                    ? Option.some(new ReadSource(region.owner(), offset, copied, region.epoch()))
                    : Option.none();
            SystemState next = state.withApp(app, appState.withReadWrite(filled, source));
            return Array.of(finish(next, app, Upcall.success(1, copied)));
        }
        Cells contents = operation.reallowed()
                ? region.contents().forget(offset, count)
                : region.contents().write(offset, operation.writeData().get(candidate), 0, count);
        // SUBSCRIBE_2_SUCCESS, CLARIFIED_TRANSFER and CLARIFIED_DURABILITY: the bytes are now in storage.
        SystemState next = state.withRegion(region.changed(contents, offset, count));
        return Array.of(finish(next, app, Upcall.success(2, count)));
    }

    /** The operation fails with FAIL, using an armed fault (SUBSCRIBE_n_FAIL, CLARIFIED_CRASH). */
    private SystemState failed(SystemState state, AppId app, Operation operation, ShortId owner) {
        SystemState used = state.withArmedFaults(state.armedFaults() - 1);
        SystemState damaged = state.region(owner).isDefined() ? damageRange(used, operation, owner) : used;
        if (operation.kind() == OperationKind.READ) {
            AppState appState = damaged.app(app);
            int longest = operation.readLengths().map(this::transferCount).max().getOrElse(0);
            int touched = Math.min(appState.readWrite().length(), longest);
            damaged = damaged.withApp(app, appState.withReadWrite(appState.readWrite().forget(0, touched), Option.none()));
        }
        return finish(damaged, app, Upcall.error(operation.kind().subscribeNumber(), ErrorCode.FAIL));
    }

    /**
     * A write that may have been cut leaves every byte it may have reached unknown. It changes the region
     * even where those bytes were unknown already (the epoch advances): a read completed before it no longer
     * tells what they hold ({@link ReadSource}).
     */
    private SystemState damageRange(SystemState state, Operation operation, ShortId owner) {
        if (operation.kind() != OperationKind.WRITE || operation.highWordRejected()) {
            return state;
        }
        Region region = state.region(owner).get();
        Region damaged = region;
        for (Bytes data : operation.writeData()) {
            if (Bounds.within(operation.offset(), data.length(), region.length()) && data.length() > 0) {
                int from = (int) operation.offset();
                int count = transferCount(data.length());
                damaged = damaged.changed(damaged.contents().forget(from, count), from, count);
            }
        }
        // One change, however many lengths the write may have had.
        return damaged == region ? state : state.withRegion(damaged.withEpoch(region.epoch() + 1));
    }

    private Array<SystemState> competingAllocations(SystemState state, AppId app) {
        if (!needsAllocation(state, app) || !allocationsCompete(state)) {
            return Array.of(state);
        }
        Vector<AppId> others = Vector.of(apps).filter(other -> !other.equals(app) && needsAllocation(state, other));
        Array<SystemState> reached = Array.of(state);
        Array<SystemState> frontier = reached;
        while (!frontier.isEmpty()) {
            Array<SystemState> next = Array.empty();
            for (SystemState current : frontier) {
                for (AppId other : others) {
                    if (needsAllocation(current, other) && fits(current)) {
                        next = next.append(current.withRegion(fresh[other.slot()]));
                    }
                }
            }
            frontier = next.distinct().removeAll(reached);
            reached = reached.appendAll(frontier);
            TooManyStates.check(reached.size(), stepBound);
        }
        return reached;
    }

    private boolean needsAllocation(SystemState state, AppId app) {
        Option<Operation> pending = state.app(app).pending();
        return pending.isDefined() && !pending.get().permissionDenied() && state.region(owner(app)).isEmpty();
    }

    /** Whether the pending operations that need a region want more space than is left. */
    private boolean allocationsCompete(SystemState state) {
        long wanting = 0;
        for (AppId app : apps) {
            if (needsAllocation(state, app)) {
                wanting++;
            }
        }
        return wanting > 1 && (state.regions().size() + wanting) * config.regionFootprint() > config.storageLength();
    }

    /**
     * Whether, beside {@code regions}, pending allocations could compete for space in some state, whatever
     * the apps hold: more than one app with a write id has no region, and not all of them fit. Where they
     * cannot, an app's operations never look at another app's state.
     */
    boolean allocationsMayCompete(Array<Region> regions) {
        long unallocated = 0;
        for (ShortId owner : owners) {
            if (owner != null && !hasRegion(regions, owner)) {
                unallocated++;
            }
        }
        return unallocated > 1 && (regions.size() + unallocated) * config.regionFootprint() > config.storageLength();
    }

    private static boolean hasRegion(Array<Region> regions, ShortId owner) {
        for (int index = 0; index < regions.size(); index++) {
            if (regions.get(index).owner().equals(owner)) {
                return true;
            }
        }
        return false;
    }

    /** Whether one more region fits: exact capacity, header included (COMMAND_n_ALLOCATES, SUBSCRIBE_0_NOMEM). */
    private boolean fits(SystemState state) {
        return (state.regions().size() + 1L) * config.regionFootprint() <= config.storageLength();
    }

    private int transferCount(int length) {
        return Math.min(transferLimit, length);
    }

    /** The owner of {@code app}'s region: only an app with a write id is permitted an operation on storage. */
    ShortId owner(AppId app) {
        return owners[app.slot()];
    }

    private static SystemState finish(SystemState state, AppId app, Upcall upcall) {
        return state.withApp(app, state.app(app).deliver(upcall));
    }
}
