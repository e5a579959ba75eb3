package invs.conformance.check;

import invs.conformance.shadow.KernelShadow;
import invs.spec.Configuration;
import java.util.function.Function;

import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.ErrorCode;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Upcall;
import io.vavr.control.Option;

/** Feeds an oracle scripted steps and remembers the first violation. */
final class Script {
    private final Oracle oracle;
    private final KernelShadow shadow;
    private int step;
    private Option<Violation> violation = Option.none();

    /** A script for the oracle {@code make} builds over a shadow of {@code configuration}, updated as a session does. */
    Script(Configuration configuration, Function<KernelShadow, Oracle> make) {
        this.shadow = new KernelShadow(configuration);
        this.oracle = make.apply(shadow);
    }

    Script then(Input input, Observation observation) {
        if (violation.isEmpty()) {
            violation = oracle.check(step++, input, observation);
            shadow.observe(input, observation);
        }
        return this;
    }

    Script ok(Input input) {
        return then(input, Observation.success());
    }

    Script quiet(Input input) {
        return then(input, Observation.quiet());
    }

    Script failed(Input input, ErrorCode code) {
        return then(input, Observation.failure(code));
    }

    Script yielded(AppId app, Upcall upcall, Bytes buffer) {
        return then(new invs.spec.Yield(app), new Observation.Yielded(Option.some(upcall), buffer));
    }

    Script nothing(AppId app, Bytes buffer) {
        return then(new invs.spec.Yield(app), new Observation.Yielded(Option.none(), buffer));
    }

    Option<Violation> violation() {
        return violation;
    }
}
