package invs.conformance.engine;

import invs.spec.Input;
import invs.spec.Observation;
import io.vavr.control.Option;

/** Checks one property step by step, from the inputs and what the implementation showed. */
interface Oracle {

    /** The verdict on step {@code step}: none when the property still holds. */
    Option<Violation> check(int step, Input input, Observation observation);
}
