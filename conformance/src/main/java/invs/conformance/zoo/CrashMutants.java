package invs.conformance.zoo;

import invs.spec.DriverNumbers;

import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.ErrorCode;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Subscribe;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/** Bugs in what reboots, restarts and flash faults may change. */
final class CrashMutants {
    private CrashMutants() {
    }

    static Vector<Mutant> all() {
        return Vector.of(
                new Mutant("torn-write-spills", BugClass.CRASH,
                        "a write cut by power loss also damages the bytes just after its range (a page rewrite that is not crash-safe)",
                        TornWriteSpills::new),
                new Mutant("restart-keeps-allows", BugClass.CRASH,
                        "a restart does not take back the app's allowed buffers",
                        RestartKeepsAllows::new),
                new Mutant("restart-keeps-subscriptions", BugClass.CRASH,
                        "a restart does not clear the app's subscriptions",
                        RestartKeepsSubscriptions::new),
                new Mutant("fault-ignored", BugClass.CRASH,
                        "a flash error is ignored: the operation reports SUCCESS instead of FAIL",
                        FaultIgnored::new));
    }

    private static final class TornWriteSpills extends ReferenceVariant {
        private static final int SPILL = 8;

        TornWriteSpills(Configuration configuration) {
            super(configuration);
        }

        @Override
        protected Observation answer(Input input) {
            if (!(input instanceof Reboot)) {
                return forward(input);
            }
            Vector<Command> writes = Vector.range(0, configuration.apps().size())
                    .map(this::outstanding)
                    .filter(command -> command != null && command.number() == DriverNumbers.WRITE);
            Vector<Integer> lengths = writes.map(this::bufferLength);
            Observation answer = forward(input);
            int size = configuration.regionSize();
            for (int index = 0; index < writes.size(); index++) {
                Command write = writes.get(index);
                long offset = offset(write);
                int length = lengths.get(index);
                if (offset < 0 || length == 0 || offset + length > size) {
                    continue;
                }
                long end = offset + length;
                long from = end + SPILL <= size ? end : Math.max(0, offset - SPILL);
                int count = (int) Math.min(SPILL, size - from);
                hidden(new AllowReadOnly(write.app(), 0, Bytes.filled(count, 0)));
                hidden(Command.write(write.app(), from));
                hidden(new Drain());
                hidden(new AllowReadOnly(write.app(), 0, Bytes.empty()));
            }
            return answer;
        }
    }

    private static final class RestartKeepsAllows extends ReferenceVariant {
        RestartKeepsAllows(Configuration configuration) {
            super(configuration);
        }

        @Override
        protected Observation answer(Input input) {
            if (!(input instanceof Restart restart)) {
                return forward(input);
            }
            int app = restart.app().slot();
            Bytes data = readOnly(app);
            int length = readWrite(app);
            Observation answer = forward(input);
            hidden(new AllowReadOnly(restart.app(), 0, data));
            hidden(new AllowReadWrite(restart.app(), 0, length));
            return answer;
        }
    }

    private static final class RestartKeepsSubscriptions extends ReferenceVariant {
        RestartKeepsSubscriptions(Configuration configuration) {
            super(configuration);
        }

        @Override
        protected Observation answer(Input input) {
            if (!(input instanceof Restart restart)) {
                return forward(input);
            }
            int app = restart.app().slot();
            boolean[] kept = {subscribed(app, 0), subscribed(app, 1), subscribed(app, 2)};
            Observation answer = forward(input);
            for (int number = 0; number < DriverNumbers.SUBSCRIBE_NUMBERS; number++) {
                if (kept[number]) {
                    hidden(new Subscribe(restart.app(), number));
                }
            }
            return answer;
        }
    }

    private static final class FaultIgnored extends ReferenceVariant {
        FaultIgnored(Configuration configuration) {
            super(configuration);
        }

        @Override
        protected Observation answer(Input input) {
            Observation answer = forward(input);
            if (input instanceof Yield yield && answer instanceof Observation.Yielded(Option<Upcall> upcall, var buffer)
                    && upcall.isDefined() && upcall.get().status() == ErrorCode.FAIL.number()) {
                Command command = lastAccepted(yield.app().slot());
                long count = command == null || command.number() == DriverNumbers.GET_SIZE ? configuration.regionSize()
                        : Math.max(1, bufferLength(command));
                return new Observation.Yielded(Option.some(Upcall.success(upcall.get().subscribeNumber(), count)), buffer);
            }
            return answer;
        }
    }
}
