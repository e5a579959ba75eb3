package invs.conformance.trace;

import invs.spec.Input;
import invs.spec.Observation;
import io.vavr.control.Option;

/**
 * One line of a trace after the header: an input and, when recorded, the observation that answered it.
 *
 * @param input       the input
 * @param observation what the system showed, if recorded
 * @param note        free text for people (for example the divergence at this step)
 */
public record TraceStep(Input input, Option<Observation> observation, Option<String> note) {

    /** Checks the fields. */
    public TraceStep {
        if (input == null || observation == null || note == null) {
            throw new IllegalArgumentException("a trace step has no null fields");
        }
    }

    /** A step with only its input. */
    public static TraceStep of(Input input) {
        return new TraceStep(input, Option.none(), Option.none());
    }

    /** A step with its input and observation. */
    public static TraceStep of(Input input, Observation observation) {
        return new TraceStep(input, Option.some(observation), Option.none());
    }

    /** This step with a note. */
    public TraceStep withNote(String text) {
        return new TraceStep(input, observation, Option.some(text));
    }
}
