package invs.conformance.engine;

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
    private int step;
    private Option<Violation> violation = Option.none();

    Script(Oracle oracle) {
        this.oracle = oracle;
    }

    Script then(Input input, Observation observation) {
        if (violation.isEmpty()) {
            violation = oracle.check(step++, input, observation);
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
