package invs.conformance.trace;

import invs.spec.Input;
import io.vavr.collection.Vector;

/**
 * A recorded or hand-written sequence of inputs (with observations when recorded) and what is needed
 * to replay it: the contents of a trace file ({@link TraceCodec}).
 *
 * @param header the configuration, seed, system and property
 * @param steps  the steps in order
 */
public record Trace(TraceHeader header, Vector<TraceStep> steps) {

    /** Checks the fields. */
    public Trace {
        if (header == null || steps == null) {
            throw new IllegalArgumentException("a trace has a header and steps");
        }
    }

    /** A trace of inputs only. */
    public static Trace ofInputs(TraceHeader header, Vector<? extends Input> inputs) {
        return new Trace(header, inputs.map(TraceStep::of));
    }

    /** The inputs, in order. */
    public Vector<Input> inputs() {
        return steps.map(TraceStep::input);
    }

    /** Whether every step records its observation. */
    public boolean recordsObservations() {
        return steps.forAll(step -> step.observation().isDefined());
    }

    /** How many steps. */
    public int length() {
        return steps.size();
    }
}
