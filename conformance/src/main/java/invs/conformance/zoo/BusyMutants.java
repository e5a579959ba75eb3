package invs.conformance.zoo;

import invs.spec.DriverNumbers;

import java.util.Arrays;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.ErrorCode;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Restart;
import io.vavr.collection.Vector;

/** Bugs in the one-operation-per-app rule. */
final class BusyMutants {
    private BusyMutants() {
    }

    static Vector<Mutant> all() {
        return Vector.of(
                new Mutant("busy-global", BugClass.BUSY,
                        "BUSY while any app has an operation outstanding, not only the caller (one flag for the driver)",
                        GlobalBusy::new),
                new Mutant("busy-check-missing", BugClass.BUSY,
                        "a command while the app's operation is pending is accepted and silently dropped",
                        MissingBusy::new),
                new Mutant("busy-survives-restart", BugClass.BUSY,
                        "a restart does not clear the app's outstanding operation: BUSY until the work is drained",
                        StaleBusy::new));
    }

    private static boolean storageCommand(Input input) {
        return input instanceof Command command && DriverNumbers.isOperation(command.number());
    }

    private static final class GlobalBusy extends ReferenceVariant {
        GlobalBusy(Configuration configuration) {
            super(configuration);
        }

        @Override
        protected Observation answer(Input input) {
            if (input instanceof Command command && storageCommand(input)
                    && permitted(command.app().slot(), command.number()) && otherOutstanding(command.app().slot())) {
                return Observation.failure(ErrorCode.BUSY);
            }
            return forward(input);
        }
    }

    private static final class MissingBusy extends ReferenceVariant {
        MissingBusy(Configuration configuration) {
            super(configuration);
        }

        @Override
        protected Observation answer(Input input) {
            Observation answer = forward(input);
            if (storageCommand(input) && answer.equals(Observation.failure(ErrorCode.BUSY))) {
                return Observation.success();
            }
            return answer;
        }
    }

    private static final class StaleBusy extends ReferenceVariant {
        private final boolean[] stale;

        StaleBusy(Configuration configuration) {
            super(configuration);
            stale = new boolean[configuration.apps().size()];
        }

        @Override
        protected Observation answer(Input input) {
            if (input instanceof Restart restart && outstanding(restart.app().slot()) != null) {
                stale[restart.app().slot()] = true;
            }
            if (input instanceof Drain) {
                Arrays.fill(stale, false);
            }
            if (input instanceof Command command && storageCommand(input) && stale[command.app().slot()]
                    && permitted(command.app().slot(), command.number())) {
                return Observation.failure(ErrorCode.BUSY);
            }
            return forward(input);
        }
    }
}
