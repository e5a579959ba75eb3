package invs.conformance.zoo;

import invs.spec.DriverNumbers;

import invs.spec.AllowReadOnly;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Reboot;
import invs.spec.Restart;
import io.vavr.collection.Vector;

/** Bugs that lose or corrupt data that was acknowledged. */
final class DurabilityMutants {
    private DurabilityMutants() {
    }

    static Vector<Mutant> all() {
        return Vector.of(
                new Mutant("reboot-loses-regions", BugClass.DURABILITY,
                        "regions live in RAM only: after a reboot every app starts with a fresh region",
                        RamOnly::new),
                new Mutant("restart-erases-region", BugClass.DURABILITY,
                        "a restarted app is treated as newly installed and its region is erased",
                        RestartErases::new),
                new Mutant("program-without-erase", BugClass.DURABILITY,
                        "writes program flash without erasing first, so each stored byte becomes old AND new",
                        ProgramWithoutErase::new));
    }

    private static final class RamOnly extends ReferenceVariant {
        RamOnly(Configuration configuration) {
            super(configuration);
        }

        @Override
        protected Observation answer(Input input) {
            if (input instanceof Reboot) {
                replaceBoard();
                return Observation.quiet();
            }
            return forward(input);
        }
    }

    private static final class RestartErases extends ReferenceVariant {
        RestartErases(Configuration configuration) {
            super(configuration);
        }

        @Override
        protected Observation answer(Input input) {
            Observation answer = forward(input);
            if (input instanceof Restart restart && permitted(restart.app().slot(), 3)) {
                hidden(new AllowReadOnly(restart.app(), 0, Bytes.filled(configuration.regionSize(), 0xFF)));
                hidden(Command.write(restart.app(), 0));
                hidden(new Drain());
                hidden(new AllowReadOnly(restart.app(), 0, Bytes.empty()));
            }
            return answer;
        }
    }

    private static final class ProgramWithoutErase extends ReferenceVariant {
        ProgramWithoutErase(Configuration configuration) {
            super(configuration);
        }

        @Override
        protected Observation answer(Input input) {
            if (input instanceof Command command && command.number() == DriverNumbers.WRITE
                    && permitted(command.app().slot(), 3) && outstanding(command.app().slot()) == null) {
                int app = command.app().slot();
                long offset = offset(command);
                Bytes data = readOnly(app);
                var stored = RegionImage.find(board().storageImage(), configuration.apps().get(app));
                if (offset >= 0 && stored.isDefined() && data.length() > 0
                        && offset + data.length() <= stored.get().length()) {
                    byte[] old = stored.get().bytes((int) offset, data.length());
                    byte[] anded = data.toArray();
                    for (int i = 0; i < anded.length; i++) {
                        anded[i] &= old[i];
                    }
                    hidden(new AllowReadOnly(command.app(), 0, Bytes.of(anded)));
                }
            }
            return forward(input);
        }
    }
}
