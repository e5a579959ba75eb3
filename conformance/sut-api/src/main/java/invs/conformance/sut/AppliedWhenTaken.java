package invs.conformance.sut;

import invs.spec.Input;
import invs.spec.Observation;
import io.vavr.collection.Vector;

import java.util.NoSuchElementException;

/**
 * The answers of a system that does not pipeline: each input is applied when its answer is taken, so an
 * input after the first failure (or after the engine stopped taking answers) is never applied.
 */
final class AppliedWhenTaken implements PendingAnswers {
    private final SystemUnderTest system;
    private final Vector<? extends Input> inputs;
    private int taken;

    AppliedWhenTaken(SystemUnderTest system, Vector<? extends Input> inputs) {
        this.system = system;
        this.inputs = inputs;
    }

    @Override
    public Observation next() {
        if (taken >= inputs.size()) {
            throw new NoSuchElementException("every input sent has been answered");
        }
        Input input = inputs.get(taken++);
        try {
            return system.apply(input);
        } catch (RuntimeException failure) {
            taken = inputs.size();
            throw failure;
        }
    }

    @Override
    public int remaining() {
        return inputs.size() - taken;
    }
}
