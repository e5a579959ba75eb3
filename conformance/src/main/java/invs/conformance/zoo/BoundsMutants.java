package invs.conformance.zoo;

import invs.conformance.sut.SystemUnderTestFactory;

import invs.spec.DriverNumbers;

import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.ErrorCode;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/** Bugs in the offset, length, INVAL and RESERVE checks. */
final class BoundsMutants {
    private BoundsMutants() {
    }

    static Vector<Mutant> all() {
        return Vector.of(
                Mutant.layered("end-at-size-rejected", BugClass.BOUNDS,
                        "an access ending exactly at the region's end is INVAL (offset + len >= size instead of >)",
                        (configuration, base) -> new Rewritten(configuration, (offset, length, size) ->
                                offset + length == size ? size : offset, base)),
                Mutant.layered("out-of-range-clamped", BugClass.BOUNDS,
                        "an access running past the region's end is moved back to end at it instead of INVAL",
                        (configuration, base) -> new Rewritten(configuration, (offset, length, size) ->
                                length > 0 && length <= size && offset + length > size ? size - length : offset, base)),
                Mutant.layered("high-word-dropped", BugClass.BOUNDS,
                        "the offset's high word (argument 2) is dropped, so offsets of 2^32 and more wrap around",
                        HighWordDropped::new).onlyIn(Profile.DOC),
                Mutant.layered("reserve-check-missing", BugClass.BOUNDS,
                        "a read or write without a buffer (or with an empty one) succeeds with count 0 instead of RESERVE",
                        MissingReserve::new),
                Mutant.layered("inval-before-reserve", BugClass.BOUNDS,
                        "the range is checked before the buffer: INVAL instead of RESERVE when both apply (D11: RESERVE"
                                + " first, under both readings)",
                        InvalFirst::new));
    }

    /** How a mutant moves an offset, given the buffer length and the region size. */
    @FunctionalInterface
    private interface Move {
        long offset(long offset, long length, long size);
    }

    /** Reads and writes whose offset the driver computes wrongly. */
    private static final class Rewritten extends ReferenceVariant {
        private final Move move;

        Rewritten(Configuration configuration, Move move, SystemUnderTestFactory base) {
            super(configuration, base);
            this.move = move;
        }

        @Override
        protected Observation answer(Input input) {
            if (input instanceof Command command && (command.number() == DriverNumbers.READ || command.number() == DriverNumbers.WRITE)) {
                long offset = offset(command);
                if (offset >= 0 && offset < (1L << 32)) {
                    long moved = move.offset(offset, bufferLength(command), configuration.regionSize());
                    if (moved != offset) {
                        return forward(new Command(command.app(), command.number(), moved, 0));
                    }
                }
            }
            return forward(input);
        }
    }

    private static final class HighWordDropped extends ReferenceVariant {
        HighWordDropped(Configuration configuration, SystemUnderTestFactory base) {
            super(configuration, base);
        }

        @Override
        protected Observation answer(Input input) {
            if (input instanceof Command command && (command.number() == DriverNumbers.READ || command.number() == DriverNumbers.WRITE)
                    && command.arg2() != 0) {
                return forward(new Command(command.app(), command.number(), command.arg1(), 0));
            }
            return forward(input);
        }
    }

    private static final class MissingReserve extends ReferenceVariant {
        MissingReserve(Configuration configuration, SystemUnderTestFactory base) {
            super(configuration, base);
        }

        @Override
        protected Observation answer(Input input) {
            Observation answer = forward(input);
            if (input instanceof Yield && answer instanceof Observation.Yielded(Option<Upcall> upcall, var buffer)
                    && upcall.isDefined() && upcall.get().status() == ErrorCode.RESERVE.number()) {
                return new Observation.Yielded(Option.some(Upcall.success(upcall.get().subscribeNumber(), 0)), buffer);
            }
            return answer;
        }
    }

    private static final class InvalFirst extends ReferenceVariant {
        InvalFirst(Configuration configuration, SystemUnderTestFactory base) {
            super(configuration, base);
        }

        @Override
        protected Observation answer(Input input) {
            Observation answer = forward(input);
            if (input instanceof Yield yield && answer instanceof Observation.Yielded(Option<Upcall> upcall, var buffer)
                    && upcall.isDefined() && upcall.get().status() == ErrorCode.RESERVE.number()) {
                Command command = lastAccepted(yield.app().slot());
                long offset = command == null ? 0 : offset(command);
                if (offset < 0 || offset >= configuration.regionSize()) {
                    return new Observation.Yielded(Option.some(Upcall.error(upcall.get().subscribeNumber(),
                            ErrorCode.INVAL)), buffer);
                }
            }
            return answer;
        }
    }
}
