package invs.conformance.check;

import invs.conformance.trace.TraceStep;
import invs.spec.Input;
import invs.spec.Observation;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps a {@link Session} ran, in order: each input, its observation unless the system failed to
 * answer it, and the note of the step that violated a property. Kept as plain lists, and made
 * {@link TraceStep}s only when asked for, since a session records every step it checks.
 */
final class Steps {
    private final List<Input> inputs = new ArrayList<>();
    /** The observation of each step, null where the system did not answer. */
    private final List<Observation> observations = new ArrayList<>();
    private int noted = -1;
    private String note;

    /** Records {@code input}, answered with {@code observation} (null when it was not answered). */
    void add(Input input, Observation observation) {
        inputs.add(input);
        observations.add(observation);
    }

    /** Notes {@code text} on step {@code step} (the violating one). */
    void note(int step, String text) {
        noted = step;
        note = text;
    }

    /** How many steps ran. */
    int size() {
        return inputs.size();
    }

    /** The observation of step {@code step} (counted from 0), none when the system did not answer it. */
    Option<Observation> observation(int step) {
        return Option.of(observations.get(step));
    }

    /** The steps as trace steps. */
    Vector<TraceStep> traced() {
        List<TraceStep> steps = new ArrayList<>(inputs.size());
        for (int step = 0; step < inputs.size(); step++) {
            Observation observation = observations.get(step);
            TraceStep traced = observation == null ? TraceStep.of(inputs.get(step))
                    : TraceStep.of(inputs.get(step), observation);
            steps.add(step == noted ? traced.withNote(note) : traced);
        }
        return Vector.ofAll(steps);
    }
}
