package invs.fuzz.protocol;

import invs.conformance.sut.PendingAnswers;
import invs.spec.Input;
import invs.spec.Observation;
import io.vavr.collection.Vector;

import java.util.NoSuchElementException;

/**
 * The replies to a batch of inputs a pipelining server was sent ({@link ExternalSystem#send}), read as
 * they are taken: the first {@code written} inputs were sent as requests numbered from {@code first}; the
 * input after them is one the server does not announce the capability for, or the batch has no more.
 */
final class ServedAnswers implements PendingAnswers {
    private final ExternalSystem system;
    private final Vector<? extends Input> inputs;
    private final int written;
    private final long first;
    private final ProtocolFailure failure;
    private int taken;

    /** {@code failure}: why nothing of the batch could be sent, null when it was. */
    ServedAnswers(ExternalSystem system, Vector<? extends Input> inputs, int written, long first,
                  ProtocolFailure failure) {
        this.system = system;
        this.inputs = inputs;
        this.written = written;
        this.first = first;
        this.failure = failure;
    }

    @Override
    public Observation next() {
        if (taken >= inputs.size()) {
            throw new NoSuchElementException("every input sent has been answered");
        }
        Input input = inputs.get(taken);
        try {
            if (failure != null) {
                throw failure;
            }
            if (taken == written) {
                system.requireCapability(input);
            }
            Observation observation = system.answer(first + taken, input);
            taken++;
            return observation;
        } catch (RuntimeException stopped) {
            taken = inputs.size();
            throw stopped;
        }
    }

    @Override
    public int remaining() {
        return inputs.size() - taken;
    }
}
