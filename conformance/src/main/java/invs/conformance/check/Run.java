package invs.conformance.check;

import invs.conformance.trace.TraceStep;
import invs.spec.Configuration;
import invs.spec.Input;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * What one session ran: the steps with the observations the system showed, and the violation that ended
 * it, if any (then the last step is the violating one).
 *
 * @param configuration the board
 * @param steps         the inputs applied, each with its observation (none when the system did not answer)
 * @param violation     the violation that ended the session, if any
 */
public record Run(Configuration configuration, Vector<TraceStep> steps, Option<Violation> violation) {

    /** The inputs applied. */
    public Vector<Input> inputs() {
        return steps.map(TraceStep::input);
    }

    /** Whether a property broke. */
    public boolean failed() {
        return violation.isDefined();
    }
}
