package invs.conformance.sut;

import invs.spec.Observation;

import java.util.NoSuchElementException;

/**
 * Answers already received for a batch of {@code size} inputs, handed out one at a time: the observations,
 * then the failure that ended the batch, if any.
 */
final class AnswersTaken implements PendingAnswers {
    private final int size;
    private final Answers answers;
    private int taken;

    AnswersTaken(int size, Answers answers) {
        this.size = size;
        this.answers = answers;
    }

    @Override
    public Observation next() {
        if (taken >= size) {
            throw new NoSuchElementException("every input sent has been answered");
        }
        if (taken < answers.answered()) {
            return answers.observations().get(taken++);
        }
        taken = size;
        throw answers.failure().getOrElse(() -> new IllegalStateException(
                "the system answered only " + answers.answered() + " of " + size + " inputs applied at once"));
    }

    @Override
    public int remaining() {
        return size - taken;
    }
}
