package invs.conformance.check;

import invs.conformance.sut.PendingAnswers;
import invs.conformance.sut.SystemUnderTest;
import invs.spec.Input;
import invs.spec.Observation;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The batches a {@link Session} sent to its system and has not judged yet, oldest first, each with its
 * answers. The batch being judged stays first until every answer of it is judged, so that when the session
 * ends in the middle of it (a violation, a stop at the frontier bound) the answers after that point can
 * still be taken, unchecked, by {@link #drain}.
 */
final class SentBatches {
    /** A batch sent to the system and its answers. */
    record Batch(Vector<? extends Input> inputs, PendingAnswers answers) {
    }

    private final Deque<Batch> batches = new ArrayDeque<>();
    /** The inputs after the one the system failed to answer in the last batch judged, if nothing was sent since. */
    private int lost;

    /** Adds a batch just sent, after the others. */
    void add(Vector<? extends Input> inputs, PendingAnswers answers) {
        batches.add(new Batch(inputs, answers));
        lost = 0;
    }

    /**
     * Checks that no batch waits: a session applies inputs one at a time only between batches.
     *
     * @throws IllegalStateException when a batch waits
     */
    void requireNone() {
        if (!batches.isEmpty()) {
            throw new IllegalStateException(batches.size() + " batches sent wait to be judged");
        }
    }

    /** The oldest batch, null when none waits. */
    Batch oldest() {
        return batches.peek();
    }

    /** Removes the oldest batch, every answer of it judged. */
    void judged() {
        batches.poll();
    }

    /**
     * Removes the oldest batch, whose system failed to answer an input with {@code after} more after it in the
     * batch: those were never applied, and {@link #drain} counts them unanswered unless another batch is
     * sent first.
     */
    void failed(int after) {
        batches.poll();
        lost = after;
    }

    /** How many batches wait, counting one being judged. */
    int size() {
        return batches.size();
    }

    /**
     * Takes every answer not yet taken, batch by batch in the order sent: none for an input the system failed
     * to answer, and for every input after it in its batch (those were never applied), starting with those
     * of a batch that {@link #failed}. Leaves no batch.
     */
    Vector<Option<Observation>> drain() {
        Vector<Option<Observation>> answers = Vector.fill(lost, Option::none);
        lost = 0;
        for (Batch batch = batches.poll(); batch != null; batch = batches.poll()) {
            int left = batch.answers().remaining();
            boolean failed = false;
            for (int taken = 0; taken < left; taken++) {
                Option<Observation> answer = Option.none();
                if (!failed) {
                    try {
                        answer = Option.some(batch.answers().next());
                    } catch (RuntimeException e) {
                        failed = true;
                    }
                }
                answers = answers.append(answer);
            }
        }
        return answers;
    }

    /**
     * {@link #drain()}, then {@code inputs} sent to {@code system} at once and their answers taken: none for
     * every input when the system would not take them.
     */
    Vector<Option<Observation>> drainThenApply(SystemUnderTest system, Vector<? extends Input> inputs) {
        Vector<Option<Observation>> answers = drain();
        if (inputs.isEmpty()) {
            return answers;
        }
        try {
            add(inputs, system.send(inputs, Vector.empty()));
        } catch (RuntimeException e) {
            return answers.appendAll(Vector.fill(inputs.size(), Option::none));
        }
        return answers.appendAll(drain());
    }
}
