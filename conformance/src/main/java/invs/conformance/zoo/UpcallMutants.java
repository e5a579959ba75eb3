package invs.conformance.zoo;

import invs.conformance.sut.SystemUnderTestFactory;

import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/** Bugs in the three words of an upcall. */
final class UpcallMutants {
    private UpcallMutants() {
    }

    /** How a mutant changes an upcall, given the command it answers (may be null). */
    @FunctionalInterface
    private interface Change {
        Upcall apply(Upcall upcall, Command command, ReferenceVariant system);
    }

    static Vector<Mutant> all() {
        return Vector.of(
                mutant("size-counts-header", "the size upcall reports the region's footprint, header included",
                        (upcall, command, system) -> upcall.subscribeNumber() == 0 && upcall.status() == 0
                                ? new Upcall(0, 0, upcall.arg1() + 12, 0) : upcall),
                mutant("write-count-zero", "a successful write reports 0 bytes written",
                        (upcall, command, system) -> upcall.subscribeNumber() == 2 && upcall.status() == 0
                                ? new Upcall(2, 0, 0, 0) : upcall),
                mutant("error-carries-length", "an error upcall carries the buffer's length in argument 1",
                        (upcall, command, system) -> upcall.status() != 0 && command != null && command.number() > 1
                                ? new Upcall(upcall.subscribeNumber(), upcall.status(), system.bufferLength(command), 0)
                                : upcall),
                mutant("read-count-untruncated",
                        "a read reports the buffer's length, not the bytes moved (wrong when the transfer is cut to 512)",
                        (upcall, command, system) -> upcall.subscribeNumber() == 1 && upcall.status() == 0
                                && command != null
                                ? new Upcall(1, 0, system.bufferLength(command), 0) : upcall),
                mutant("third-argument-offset", "read and write upcalls carry the offset's low word in argument 2",
                        (upcall, command, system) -> upcall.subscribeNumber() > 0 && command != null
                                ? new Upcall(upcall.subscribeNumber(), upcall.status(), upcall.arg1(), command.arg1())
                                : upcall),
                mutant("write-done-on-read-number", "write completions are delivered on subscribe number 1",
                        (upcall, command, system) -> upcall.subscribeNumber() == 2
                                ? new Upcall(1, upcall.status(), upcall.arg1(), upcall.arg2()) : upcall));
    }

    private static Mutant mutant(String name, String description, Change change) {
        return Mutant.layered(name, BugClass.UPCALL_ARGUMENTS, description,
                (configuration, base) -> new Changed(configuration, change, base));
    }

    private static final class Changed extends ReferenceVariant {
        private final Change change;

        Changed(Configuration configuration, Change change, SystemUnderTestFactory base) {
            super(configuration, base);
            this.change = change;
        }

        @Override
        protected Observation answer(Input input) {
            Observation answer = forward(input);
            if (input instanceof Yield yield && answer instanceof Observation.Yielded(Option<Upcall> upcall, var buffer)
                    && upcall.isDefined()) {
                Upcall changed = change.apply(upcall.get(), lastAccepted(yield.app().slot()), this);
                return new Observation.Yielded(Option.some(changed), buffer);
            }
            return answer;
        }
    }
}
