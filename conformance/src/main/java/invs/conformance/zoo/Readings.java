package invs.conformance.zoo;

import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.DriverNumbers;
import invs.spec.ErrorCode;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * Alternative readings of the driver document an implementer might take, each one consistent behaviour
 * (not a slip), that the clarified specification rules out: reports about them must name the field and the
 * clause a reader would fix. Served like mutants ({@code invs serve --mutant NAME}); not part of the zoo's
 * kill statistics.
 */
final class Readings {
    private Readings() {
    }

    static Vector<Mutant> all() {
        return Vector.of(
                new Mutant("fresh-region-zero", BugClass.DURABILITY,
                        "a fresh region reads as 0x00 (storage bytes are shown inverted: 0xFF erased flash reads 0x00)",
                        Inverted::new),
                new Mutant("busy-until-upcall", BugClass.BUSY,
                        "an operation stays pending, so commands answer BUSY, until its upcall has been delivered",
                        BusyUntilUpcall::new),
                new Mutant("argument-one-zero", BugClass.UPCALL_ARGUMENTS,
                        "read and write upcalls carry 0 in argument 1 (the document's signature says it is unused)",
                        ArgumentOneZero::new));
    }

    /** Storage seen through an inversion: written data round-trips, erased (fresh) bytes read as 0x00. */
    private static final class Inverted extends ReferenceVariant {
        /** Per app, how many leading bytes of its read buffer came from storage (and are shown inverted). */
        private final int[] fromStorage;

        Inverted(Configuration configuration) {
            super(configuration);
            fromStorage = new int[configuration.apps().size()];
        }

        @Override
        protected Observation answer(Input input) {
            if (input instanceof AllowReadOnly allow) {
                return forward(new AllowReadOnly(allow.app(), allow.number(), inverted(allow.data(), allow.data().length())));
            }
            Observation answer = forward(input);
            switch (input) {
                case AllowReadWrite allow when allow.number() == DriverNumbers.BUFFER -> fromStorage[allow.app().slot()] = 0;
                case Restart restart -> fromStorage[restart.app().slot()] = 0;
                case Reboot reboot -> java.util.Arrays.fill(fromStorage, 0);
                case Drain drain -> {
                    // A read completed by the drain has copied storage into the buffer, upcall or not.
                    for (int app = 0; app < fromStorage.length; app++) {
                        Command read = outstanding(app);
                        if (read != null && read.number() == DriverNumbers.READ && inBounds(read)) {
                            int moved = configuration.transferLimit().map(limit -> Math.min(limit, readWrite(read.app().slot())))
                                    .getOrElse(readWrite(read.app().slot()));
                            fromStorage[app] = Math.max(fromStorage[app], moved);
                        }
                    }
                }
                case Yield yield when answer instanceof Observation.Yielded(Option<Upcall> upcall, Bytes buffer) -> {
                    int app = yield.app().slot();
                    if (upcall.exists(up -> up.subscribeNumber() == DriverNumbers.subscribeNumberOf(DriverNumbers.READ)
                            && up.status() == 0)) {
                        fromStorage[app] = (int) Math.min(buffer.length(), Math.max(fromStorage[app], upcall.get().arg1()));
                    }
                    return new Observation.Yielded(upcall, inverted(buffer, fromStorage[app]));
                }
                default -> {
                }
            }
            return answer;
        }

        private boolean inBounds(Command read) {
            long offset = offset(read);
            int length = readWrite(read.app().slot());
            return offset >= 0 && length > 0 && permitted(read.app().slot(), DriverNumbers.READ)
                    && offset < configuration.regionSize() && offset + length <= configuration.regionSize();
        }

        private static Bytes inverted(Bytes data, int count) {
            byte[] bytes = data.toArray();
            for (int i = 0; i < Math.min(count, bytes.length); i++) {
                bytes[i] = (byte) ~bytes[i];
            }
            return Bytes.of(bytes);
        }
    }

    /** BUSY for an app's commands until the upcall of its last accepted operation has been delivered. */
    private static final class BusyUntilUpcall extends ReferenceVariant {
        private final Command[] awaiting;

        BusyUntilUpcall(Configuration configuration) {
            super(configuration);
            awaiting = new Command[configuration.apps().size()];
        }

        @Override
        protected Observation answer(Input input) {
            if (input instanceof Command command && DriverNumbers.isOperation(command.number())
                    && permitted(command.app().slot(), command.number()) && awaiting[command.app().slot()] != null) {
                return Observation.failure(ErrorCode.BUSY);
            }
            Observation answer = forward(input);
            switch (input) {
                case Command command when DriverNumbers.isOperation(command.number())
                        && answer instanceof Observation.Success -> awaiting[command.app().slot()] = command;
                case Yield yield when answer instanceof Observation.Yielded(Option<Upcall> upcall, var buffer)
                        && upcall.isDefined() && awaiting[yield.app().slot()] != null
                        && upcall.get().subscribeNumber()
                        == DriverNumbers.subscribeNumberOf(awaiting[yield.app().slot()].number()) ->
                        awaiting[yield.app().slot()] = null;
                case Drain drain -> {
                    // An upcall nobody is subscribed to is dropped at completion: nothing left to wait for.
                    for (int app = 0; app < awaiting.length; app++) {
                        if (awaiting[app] != null && !subscribed(app, DriverNumbers.subscribeNumberOf(awaiting[app].number()))) {
                            awaiting[app] = null;
                        }
                    }
                }
                case Restart restart -> awaiting[restart.app().slot()] = null;
                case Reboot reboot -> java.util.Arrays.fill(awaiting, null);
                default -> {
                }
            }
            return answer;
        }
    }

    /** Argument 1 of every successful read and write upcall is 0 (the size upcall keeps its length). */
    private static final class ArgumentOneZero extends ReferenceVariant {
        ArgumentOneZero(Configuration configuration) {
            super(configuration);
        }

        @Override
        protected Observation answer(Input input) {
            Observation answer = forward(input);
            if (answer instanceof Observation.Yielded(Option<Upcall> upcall, Bytes buffer)
                    && upcall.exists(up -> up.status() == 0 && up.subscribeNumber() != 0)) {
                Upcall up = upcall.get();
                return new Observation.Yielded(Option.some(new Upcall(up.subscribeNumber(), 0, 0, up.arg2())), buffer);
            }
            return answer;
        }
    }
}
