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
 * answer it, and the note of the step that violated a property.
 */
final class Steps {
    private final List<TraceStep> steps = new ArrayList<>();

    /** Records {@code input}, answered with {@code observation} (null when it was not answered). */
    void add(Input input, Observation observation) {
        steps.add(observation == null ? TraceStep.of(input) : TraceStep.of(input, observation));
    }

    /** Notes {@code text} on step {@code step} (the violating one). */
    void note(int step, String text) {
        steps.set(step, steps.get(step).withNote(text));
    }

    /** How many steps ran. */
    int size() {
        return steps.size();
    }

    /** The observation of step {@code step} (counted from 0), none when the system did not answer it. */
    Option<Observation> observation(int step) {
        return steps.get(step).observation();
    }

    /** The steps as trace steps. */
    Vector<TraceStep> traced() {
        return Vector.ofAll(steps);
    }
}
