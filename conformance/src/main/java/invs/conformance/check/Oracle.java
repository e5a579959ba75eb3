package invs.conformance.check;

import invs.spec.Input;
import invs.spec.Observation;
import io.vavr.control.Option;

/**
 * Checks one property step by step, from the inputs and what the implementation showed. A {@link Session}
 * asks each oracle before it updates the shared {@link invs.conformance.shadow.KernelShadow} with the step.
 */
interface Oracle {

    /** The verdict on step {@code step}, answered with {@code observation}: none when the property holds. */
    Option<Violation> check(int step, Input input, Observation observation);

    /** The verdict on step {@code step}, which the system did not answer: it threw {@code failure}. */
    default Option<Violation> unanswered(int step, Input input, RuntimeException failure) {
        return Option.none();
    }

    /** Releases what the oracle holds (a second system, for isolation). */
    default void close() {
    }
}
