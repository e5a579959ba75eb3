package invs.conformance.check;

import invs.conformance.shadow.KernelShadow;
import invs.spec.DriverNumbers;

import invs.spec.AllowReadWrite;
import invs.spec.Clause;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.ErrorCode;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Subscribe;
import invs.spec.Unsubscribe;
import invs.spec.Upcall;
import invs.spec.Yield;
import invs.spec.model.Specification;
import io.vavr.control.Option;

import java.util.List;

/**
 * {@link Property#LIVENESS} from observations alone: every upcall belongs to an accepted operation that
 * has not answered yet; after a drain an accepted operation whose app stayed subscribed has its upcall
 * queued, and nothing is still pending (no BUSY).
 */
final class LivenessOracle implements Oracle {
    private final Ledger<Command> ledger;
    private int lastDrain = -1;

    LivenessOracle(KernelShadow shadow) {
        this.ledger = new Ledger<>(shadow);
    }

    @Override
    public Option<Violation> check(int step, Input input, Observation observation) {
        // One case a type, the conditions inside: a guard that fails would dispatch the switch again.
        boolean success = observation instanceof Observation.Success;
        switch (input) {
            case Command command -> {
                int app = command.app().slot();
                if (!DriverNumbers.isOperation(command.number())) {
                    return Option.none();
                }
                if (success) {
                    ledger.accepted(app, DriverNumbers.subscribeNumberOf(command.number()), command, step);
                } else if (observation instanceof Observation.Failure(ErrorCode code) && code == ErrorCode.BUSY
                        && !ledger.pending(app)) {
                    return violation(step, input, observation, Clause.CLARIFIED_LIVENESS,
                            "BUSY, but " + command.app() + " has no operation outstanding: each one it had accepted"
                                    + " has answered, completed at a drain" + (lastDrain < 0 ? "" : " (last at step "
                                    + (lastDrain + 1) + ")") + ", or ended with a restart or reboot");
                }
            }
            case Subscribe(var app, int number) -> {
                if (success) {
                    ledger.subscription(app.slot(), number);
                }
            }
            case Unsubscribe(var app, int number) -> {
                if (success) {
                    ledger.subscription(app.slot(), number);
                }
            }
            case AllowReadWrite allow -> ledger.readBufferChanged(allow.app().slot());
            case Drain drain -> {
                ledger.drained();
                lastDrain = step;
            }
            case Restart(var app) -> ledger.restarted(app.slot());
            case Reboot reboot -> ledger.rebooted();
            case Yield(var app) when observation instanceof Observation.Yielded(Option<Upcall> upcall, var buffer) -> {
                return upcall.isDefined() ? delivered(step, input, observation, app.slot(), upcall.get())
                        : quiet(step, input, observation, app.slot());
            }
            default -> {
            }
        }
        return Option.none();
    }

    private Option<Violation> delivered(int step, Input input, Observation observation, int app, Upcall upcall) {
        Ledger.Match<Command> match = ledger.upcall(app, upcall.subscribeNumber());
        if (match == null) {
            return violation(step, input, observation, Clause.CLARIFIED_LIVENESS,
                    "an upcall on subscribe number " + upcall.subscribeNumber()
                            + ", but no accepted operation of app" + app + " is waiting for one there"
                            + " (an upcall without an operation, or a second upcall for one)");
        }
        return Option.none();
    }

    private Option<Violation> quiet(int step, Input input, Observation observation, int app) {
        List<Ledger.Entry<Command>> missing = ledger.noUpcall(app);
        if (missing.isEmpty()) {
            return Option.none();
        }
        Ledger.Entry<Command> entry = missing.getFirst();
        return violation(step, input, observation, Clause.CLARIFIED_LIVENESS,
                "no upcall, but the operation accepted at step " + (entry.acceptedAt + 1) + " (" + entry.payload
                        + ") has completed (drain at step " + (lastDrain + 1) + ") while app" + app
                        + " stayed subscribed to " + entry.number + ", so its upcall is due");
    }

    private static Option<Violation> violation(int step, Input input, Observation observation, Clause clause,
                                               String why) {
        String description = "input:    " + input + "\nobserved: " + observation + "\nexpected: " + why
                + "\nclause:   " + clause.citation();
        return Option.some(new Violation(Property.LIVENESS, Option.some(clause), step, input, Option.some(observation),
                description, Option.none()));
    }
}
