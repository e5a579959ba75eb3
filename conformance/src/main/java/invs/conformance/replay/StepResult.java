package invs.conformance.replay;

import invs.conformance.check.Violation;

import invs.spec.Input;
import invs.spec.Observation;
import io.vavr.control.Option;

/**
 * One step of a replay or a trace check.
 *
 * @param index     the 0-based index of the step
 * @param input     the input
 * @param observed  what the system showed now (none if it threw)
 * @param recorded  what the trace recorded for this step, if anything
 * @param verdict   the verdict
 * @param violation the violation at this step, if any
 */
public record StepResult(int index, Input input, Option<Observation> observed, Option<Observation> recorded,
                         Verdict verdict, Option<Violation> violation) {

    /** Whether the trace recorded an observation and the system showed a different one. */
    public boolean differsFromRecording() {
        return recorded.isDefined() && !observed.equals(recorded);
    }
}
