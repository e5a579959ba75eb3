package invs.conformance.check;

import invs.spec.Input;
import invs.spec.Observation;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * Checks one property step by step, from the inputs and what the implementation showed. A {@link Session}
 * asks each oracle before it updates the shared {@link invs.conformance.shadow.KernelShadow} with the step.
 */
interface Oracle {

    /**
     * Sees the inputs of a batch as it is sent to the system (only when the system
     * {@link invs.conformance.sut.SystemUnderTest#pipelines() pipelines}), before any of them is judged and
     * possibly while batches sent before it still wait to be judged: an oracle that drives a second system
     * may hand it its share of the batch at once. {@link #check} (or {@link #unanswered}) is then called for
     * the inputs of the batches in the order sent, unless the session stops before their end (a violation,
     * a failure to answer, the frontier bound). The default does nothing.
     */
    default void ahead(Vector<? extends Input> batch) {
    }

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
