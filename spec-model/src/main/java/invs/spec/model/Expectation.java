package invs.spec.model;

import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Observation;
import invs.spec.Upcall;
import io.vavr.control.Option;

/**
 * What one allowed outcome lets an implementation show: an exact observation, or for a yield an upcall
 * and a buffer whose unknown bytes may hold anything.
 */
public sealed interface Expectation {

    /** Whether {@code observation} is one this expectation allows. */
    boolean admits(Observation observation);

    /** An observation this expectation allows, with {@code fill} for unknown bytes. */
    Observation example(int fill);

    /**
     * Exactly this observation.
     *
     * @param observation the only observation allowed
     */
    record Exactly(Observation observation) implements Expectation {
        @Override
        public boolean admits(Observation other) {
            return observation.equals(other);
        }

        @Override
        public Observation example(int fill) {
            return observation;
        }

        @Override
        public String toString() {
            return observation.toString();
        }
    }

    /**
     * A yield of {@code app} that runs {@code upcall} (or none) and leaves a buffer matching {@code buffer}.
     *
     * @param app    the yielding app
     * @param upcall the upcall that runs, if any
     * @param buffer the read-write buffer, unknown bytes included
     */
    record YieldedAs(AppId app, Option<Upcall> upcall, Cells buffer) implements Expectation {
        @Override
        public boolean admits(Observation other) {
            return other instanceof Observation.Yielded(Option<Upcall> seen, Bytes contents)
                    && seen.equals(upcall) && buffer.admits(contents);
        }

        @Override
        public Observation example(int fill) {
            return new Observation.Yielded(upcall, buffer.concretise(fill));
        }

        @Override
        public String toString() {
            return upcall.map(Upcall::toString).getOrElse("no upcall") + ", buffer " + buffer;
        }
    }
}
