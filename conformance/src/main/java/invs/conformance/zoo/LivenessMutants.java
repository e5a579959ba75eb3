package invs.conformance.zoo;

import invs.spec.DriverNumbers;

import invs.spec.AppId;
import java.util.Arrays;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Restart;
import invs.spec.Tick;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/** Bugs that lose, repeat or delay upcalls. */
final class LivenessMutants {
    private LivenessMutants() {
    }

    static Vector<Mutant> all() {
        return Vector.of(
                new Mutant("waiting-upcall-lost", BugClass.LIVENESS,
                        "an operation accepted while another app's is outstanding completes without an upcall",
                        WaitingUpcallLost::new),
                new Mutant("upcall-repeated", BugClass.LIVENESS,
                        "the completed flag is not cleared, so an upcall is delivered a second time",
                        UpcallRepeated::new),
                new Mutant("drain-stalls", BugClass.LIVENESS,
                        "the deferred call is not re-armed: processing stops after two steps until the next request",
                        DrainStalls::new),
                new Mutant("restart-drops-all-upcalls", BugClass.LIVENESS,
                        "a restart clears every app's queued upcalls, not only the restarted app's",
                        RestartDropsAll::new));
    }

    private static final class WaitingUpcallLost extends ReferenceVariant {
        private final int[] lost;

        WaitingUpcallLost(Configuration configuration) {
            super(configuration);
            lost = new int[configuration.apps().size()];
            Arrays.fill(lost, -1);
        }

        @Override
        protected Observation answer(Input input) {
            Observation answer = forward(input);
            if (input instanceof Command command && DriverNumbers.isOperation(command.number())
                    && answer instanceof Observation.Success && otherOutstanding(command.app().slot())) {
                lost[command.app().slot()] = DriverNumbers.subscribeNumberOf(command.number());
            }
            if (input instanceof Restart restart) {
                lost[restart.app().slot()] = -1;
            }
            if (input instanceof Yield yield && answer instanceof Observation.Yielded(Option<Upcall> upcall, var buffer)
                    && upcall.isDefined() && upcall.get().subscribeNumber() == lost[yield.app().slot()]) {
                lost[yield.app().slot()] = -1;
                return forward(input);
            }
            return answer;
        }
    }

    private static final class UpcallRepeated extends ReferenceVariant {
        private final Upcall[] last;

        UpcallRepeated(Configuration configuration) {
            super(configuration);
            last = new Upcall[configuration.apps().size()];
        }

        @Override
        protected Observation answer(Input input) {
            Observation answer = forward(input);
            if (input instanceof Restart restart) {
                last[restart.app().slot()] = null;
            }
            if (input instanceof Yield yield && answer instanceof Observation.Yielded(Option<Upcall> upcall, var buffer)) {
                int app = yield.app().slot();
                if (upcall.isDefined()) {
                    last[app] = upcall.get();
                } else if (last[app] != null && subscribed(app, last[app].subscribeNumber())) {
                    Upcall again = last[app];
                    last[app] = null;
                    return new Observation.Yielded(Option.some(again), buffer);
                }
            }
            return answer;
        }
    }

    private static final class DrainStalls extends ReferenceVariant {
        DrainStalls(Configuration configuration) {
            super(configuration);
        }

        @Override
        protected Observation answer(Input input) {
            if (input instanceof Drain) {
                forward(new Tick());
                forward(new Tick());
                return Observation.quiet();
            }
            return forward(input);
        }
    }

    private static final class RestartDropsAll extends ReferenceVariant {
        RestartDropsAll(Configuration configuration) {
            super(configuration);
        }

        @Override
        protected Observation answer(Input input) {
            Observation answer = forward(input);
            if (input instanceof Restart restart) {
                for (int app = 0; app < configuration.apps().size(); app++) {
                    if (app != restart.app().slot()) {
                        Observation yielded;
                        do {
                            yielded = forward(new Yield(AppId.of(app)));
                        } while (yielded instanceof Observation.Yielded(Option<Upcall> upcall, var buffer)
                                && upcall.isDefined());
                    }
                }
            }
            return answer;
        }
    }
}
