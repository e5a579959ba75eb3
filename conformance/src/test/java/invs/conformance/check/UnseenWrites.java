package invs.conformance.check;

import invs.conformance.trace.Trace;
import invs.conformance.trace.TraceHeader;
import invs.conformance.trace.TraceStep;
import invs.spec.AllowReadOnly;
import invs.spec.App;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.FlashFault;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Subscribe;
import io.vavr.collection.Vector;

/**
 * A trace that leaves more states open than the specification follows: 16 apps with room for their regions,
 * six faults armed, each app subscribes, allows 8 bytes and asks for a write (all accepted, none seen to
 * complete), then the kernel drains. 55 steps, the last completing 16 writes that each may have failed.
 */
public final class UnseenWrites {
    private UnseenWrites() {
    }

    /** The trace, every step with the observation the reference implementation shows. */
    public static Trace drained() {
        Vector<App> apps = Vector.range(0, 16).map(app -> App.selfOnly("app" + app, 0x1000 + app));
        Configuration board = Configuration.defaults(Profile.DOC).withApps(apps).withRegionSize(64)
                .withStorageLength(256L * 16 + 4096);
        Vector<TraceStep> steps = Vector.fill(6, () -> TraceStep.of(new FlashFault(), Observation.quiet()));
        for (int app = 0; app < 16; app++) {
            AppId id = AppId.of(app);
            steps = steps.append(TraceStep.of(new Subscribe(id, 0), Observation.success()))
                    .append(TraceStep.of(new AllowReadOnly(id, 0, Bytes.filled(8, app)), Observation.success()))
                    .append(TraceStep.of(Command.write(id, 0), Observation.success()));
        }
        return new Trace(TraceHeader.of(board, 0, ""), steps.append(TraceStep.of(new Drain(), Observation.quiet())));
    }
}
