package invs.conformance.zoo;

import invs.spec.DriverNumbers;

import invs.conformance.reference.BoardMapping;
import invs.conformance.reference.ReferenceSystem;
import invs.impl.board.BoardConfiguration;
import invs.impl.kernel.Permissions;
import invs.impl.kernel.ProcessConfiguration;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.ErrorCode;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.List;

/** Bugs in how regions are allocated and how running out of space is reported. */
final class AllocationMutants {
    private AllocationMutants() {
    }

    static Vector<Mutant> all() {
        return Vector.of(
                new Mutant("header-not-counted", BugClass.ALLOCATION,
                        "the capacity check forgets the 12-byte headers, so one region too many is handed out",
                        configuration -> new ReferenceSystem(BoardMapping.of(configuration).withStorageLength(
                                (int) Math.min(Integer.MAX_VALUE,
                                        (configuration.regionCapacity() + 1) * configuration.regionFootprint())))),
                new Mutant("nomem-synchronous", BugClass.ALLOCATION,
                        "once an app got NOMEM, its commands fail at once with NOMEM instead of answering by upcall",
                        SynchronousNomem::new),
                new Mutant("only-size-allocates", BugClass.ALLOCATION,
                        "reads and writes do not allocate: before the app's first size command they answer NOMEM",
                        OnlySizeAllocates::new),
                new Mutant("region-of-neighbour", BugClass.ALLOCATION,
                        "the region is looked up by the previous process slot's id, so neighbouring apps share a region",
                        configuration -> new ReferenceSystem(neighbours(configuration))));
    }

    /** The board with each SelfOnly app (after the first) writing under the previous SelfOnly app's id. */
    private static BoardConfiguration neighbours(Configuration configuration) {
        BoardConfiguration board = BoardMapping.of(configuration);
        List<ProcessConfiguration> apps = new ArrayList<>(board.apps());
        for (int slot = apps.size() - 1; slot > 0; slot--) {
            if (apps.get(slot).permissions() instanceof Permissions.SelfOnly
                    && apps.get(slot - 1).permissions() instanceof Permissions.SelfOnly previous) {
                apps.set(slot, new ProcessConfiguration(apps.get(slot).shortId(), previous));
            }
        }
        return board.withApps(apps);
    }

    private static final class SynchronousNomem extends ReferenceVariant {
        private final boolean[] refused;

        SynchronousNomem(Configuration configuration) {
            super(configuration);
            refused = new boolean[configuration.apps().size()];
        }

        @Override
        protected Observation answer(Input input) {
            if (input instanceof Command command && DriverNumbers.isOperation(command.number())
                    && refused[command.app().slot()] && permitted(command.app().slot(), command.number())) {
                return Observation.failure(ErrorCode.NOMEM);
            }
            Observation answer = forward(input);
            if (input instanceof Yield yield && answer instanceof Observation.Yielded(Option<Upcall> upcall, var buffer)
                    && upcall.isDefined() && upcall.get().status() == ErrorCode.NOMEM.number()) {
                refused[yield.app().slot()] = true;
            }
            return answer;
        }
    }

    private static final class OnlySizeAllocates extends ReferenceVariant {
        private final boolean[] sized;

        OnlySizeAllocates(Configuration configuration) {
            super(configuration);
            sized = new boolean[configuration.apps().size()];
        }

        @Override
        protected Observation answer(Input input) {
            if (input instanceof Command command && (command.number() == DriverNumbers.READ || command.number() == DriverNumbers.WRITE)
                    && !sized[command.app().slot()] && permitted(command.app().slot(), command.number())
                    && outstanding(command.app().slot()) == null) {
                inject(command.app().slot(), Upcall.error(DriverNumbers.subscribeNumberOf(command.number()), ErrorCode.NOMEM));
                return Observation.success();
            }
            Observation answer = forward(input);
            if (input instanceof Command command && command.number() == DriverNumbers.GET_SIZE && answer instanceof Observation.Success) {
                sized[command.app().slot()] = true;
            }
            return answer;
        }
    }
}
