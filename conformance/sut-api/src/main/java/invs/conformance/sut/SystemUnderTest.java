package invs.conformance.sut;

import invs.spec.Input;
import invs.spec.Observation;
import io.vavr.collection.Vector;

import java.util.Set;

/**
 * An implementation of driver 0x50004 as the conformance engine drives it: one board with the apps of a
 * {@link invs.spec.Configuration}, answering one {@link Input} at a time with what it shows.
 *
 * <p>An instance is stateful and used by one thread. The engine creates a fresh instance for every
 * sequence it runs (and every candidate it tries while shrinking), so creating one should be cheap.
 * System calls must always be answered; an environment event the system does not declare among its
 * {@link #capabilities()} is never sent to it.
 */
public interface SystemUnderTest extends AutoCloseable {

    /**
     * Applies {@code input} and returns what the implementation shows: the system call's return, for a
     * yield the upcall that ran (if any) with the read-write buffer's contents afterwards, and
     * {@link Observation.Quiet} for an event.
     *
     * @throws UnsupportedOperationException for an event outside {@link #capabilities()}
     */
    Observation apply(Input input);

    /**
     * Applies {@code inputs} in order, as many {@link #apply} calls would, and returns their observations; a
     * system that {@link #pipelines()} sends them all before waiting for the first answer. The first input
     * that fails (an exception from {@code apply}) ends the batch: the answers then hold the observations of
     * the inputs before it and the exception, and the inputs after it are not applied. The default applies
     * them one by one.
     */
    default Answers applyAll(Vector<? extends Input> inputs) {
        return Answers.takenFrom(new AppliedWhenTaken(this, inputs));
    }

    /**
     * Sends {@code inputs} to be applied in order, after every input sent before, and returns their answers
     * to be taken one at a time: a system that {@link #pipelines()} gets them all before the first answer
     * is read, so the engine judges each answer while the system works on the next ones. The default: a
     * system that pipelines gets them with {@link #applyAll}; any other applies each input when its answer
     * is taken, as {@link #apply} would (an input after the first failure is never applied).
     */
    default PendingAnswers send(Vector<? extends Input> inputs) {
        if (pipelines()) {
            return new AnswersTaken(inputs.size(), applyAll(inputs));
        }
        return new AppliedWhenTaken(this, inputs);
    }

    /**
     * Sends {@code inputs} as {@link #send(Vector)} does, with the answers the engine expects of them
     * ({@code expected}, one for each input from the first, or fewer): a forecast a system may use to read
     * its answers faster, for example by comparing an answer's bytes with the forecast's before decoding
     * them. An answer is always what the system answered, whether or not it is the forecast. The default
     * ignores the forecast.
     */
    default PendingAnswers send(Vector<? extends Input> inputs, Vector<Observation> expected) {
        return send(inputs);
    }

    /**
     * Whether {@link #applyAll} is cheaper than applying the same inputs one by one (it does not wait for
     * each answer before sending the next input), so that the engine should hand this system its inputs in
     * batches. The default: no.
     */
    default boolean pipelines() {
        return false;
    }

    /** The environment events this system supports. */
    Set<Capability> capabilities();

    /** Releases what the system holds (a process, a file, a connection); the default holds nothing. */
    @Override
    default void close() {
    }
}
