package invs.spec.model;

import invs.spec.Bytes;
import invs.spec.Clause;
import invs.spec.Observation;

/**
 * One outcome the specification allows for an input: what may be observed, the state that follows, and
 * the clause that allows it.
 *
 * @param expected what the implementation may show
 * @param next     the state after the input, before anything is learned from the observation
 * @param clause   the clause behind this outcome
 */
public record Outcome(Expectation expected, SystemState next, Clause clause) {

    /** Whether {@code observation} is allowed by this outcome. */
    public boolean admits(Observation observation) {
        return expected.admits(observation);
    }

    /**
     * The state after {@code observation}, which this outcome admits: unknown bytes of the read-write
     * buffer become the observed ones, and so do the storage bytes they were read from, if the region has
     * not changed since (reads are stable). Its region epochs are renumbered
     * ({@link SystemState#withEpochsRenumbered}), so that states equal in all but history are equal.
     */
    public SystemState after(Observation observation) {
        return learned(observation).withEpochsRenumbered();
    }

    /** The state after {@code observation}, which this outcome admits, before its epochs are renumbered. */
    SystemState learned(Observation observation) {
        if (!(expected instanceof Expectation.YieldedAs yielded)
                || !(observation instanceof Observation.Yielded(var upcall, Bytes seen))
                || yielded.buffer().allKnown()) {
            return next;
        }
        AppState app = next.app(yielded.app());
        if (!app.readWrite().equals(yielded.buffer()) || readInFlight(app)) {
            // The buffer was shown while a read was in flight: what it showed teaches nothing, about the
            // buffer or about the storage an earlier read copied into it (the new read may have
            // overwritten its start already, even where the buffer was unknown before: {#crash}).
            return next;
        }
        SystemState learned = next;
        if (app.readSource().isDefined()) {
            ReadSource source = app.readSource().get();
            var region = next.region(source.owner());
            if (region.isDefined() && region.get().epoch() == source.epoch()) {
                Cells contents = region.get().contents().learn(source.offset(), seen, 0, source.count());
                learned = learned.withRegion(region.get().learned(contents));
            }
        }
        Cells buffer = app.readWrite().learn(0, seen, 0, seen.length());
        return learned.withApp(yielded.app(), app.withReadWrite(buffer, io.vavr.control.Option.none()));
    }

    /** Whether a read of the app may be copying into its read-write buffer (the shown buffer says so too). */
    private static boolean readInFlight(AppState app) {
        return app.readWrite().length() > 0 && app.pending().exists(operation -> operation.kind() == OperationKind.READ
                && !operation.permissionDenied());
    }
}
