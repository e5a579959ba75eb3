package invs.conformance.sut;

import invs.spec.Observation;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * What a system under test answered to several inputs applied at once
 * ({@link SystemUnderTest#applyAll}): the observations of the first inputs, in order, and the failure that
 * kept it from answering the next one, if any. With a failure, the input at index
 * {@code observations().size()} was not answered and neither were the inputs after it; without one, every
 * input was answered.
 *
 * @param observations the observations, one per answered input, in the order of the inputs
 * @param failure      what stopped the system from answering the next input, if anything did
 */
public record Answers(Vector<Observation> observations, Option<RuntimeException> failure) {

    /** Every input answered: {@code observations}, one per input. */
    public static Answers all(Vector<Observation> observations) {
        return new Answers(observations, Option.none());
    }

    /** The first inputs answered with {@code observations}; the next one failed with {@code failure}. */
    public static Answers until(Vector<Observation> observations, RuntimeException failure) {
        return new Answers(observations, Option.some(failure));
    }

    /**
     * Takes every answer {@code pending} holds: the observations up to the first input the system failed
     * to answer, and that failure.
     */
    public static Answers takenFrom(PendingAnswers pending) {
        List<Observation> observations = new ArrayList<>(pending.remaining());
        while (pending.remaining() > 0) {
            try {
                observations.add(pending.next());
            } catch (RuntimeException failure) {
                return until(Vector.ofAll(observations), failure);
            }
        }
        return all(Vector.ofAll(observations));
    }

    /** How many inputs were answered. */
    public int answered() {
        return observations.size();
    }
}
