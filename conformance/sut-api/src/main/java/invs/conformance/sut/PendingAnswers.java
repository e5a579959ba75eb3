package invs.conformance.sut;

import invs.spec.Observation;

/**
 * The answers to inputs sent to a system before any of them was answered ({@link SystemUnderTest#send}),
 * taken one at a time in the order of the inputs, as they come: the engine judges each answer while the
 * system is still working on the inputs after it.
 */
public interface PendingAnswers {

    /**
     * The observation of the next input sent, waiting for it if need be.
     *
     * @throws RuntimeException what {@link SystemUnderTest#apply} would have thrown for that input: the
     *                          system failed to answer it, and the inputs after it are not answered
     * @throws java.util.NoSuchElementException when every input sent has been answered
     */
    Observation next();

    /** How many inputs sent have not been taken yet by {@link #next}. */
    int remaining();
}
