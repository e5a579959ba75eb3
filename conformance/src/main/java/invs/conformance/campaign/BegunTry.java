package invs.conformance.campaign;

import io.vavr.control.Option;

/**
 * A campaign try that has begun ({@link TryRunner#begin}): either ended already, or with batches sent to a
 * system that pipelines and not yet judged. A campaign finishes every try it began, in order, unless it
 * stops: then it abandons the tries it has not finished.
 */
interface BegunTry {

    /** Judges the rest of the try, closes its system, and returns its failure, if it failed. */
    Option<Failure> finish();

    /** Closes the try's system without judging the rest: the campaign stopped before it. */
    void abandon();

    /** Whether the try ran whole when it began (then a campaign finishes it at once). */
    default boolean ended() {
        return false;
    }

    /** A try that ran whole when it began, with {@code failure}. */
    static BegunTry ended(Option<Failure> failure) {
        return new BegunTry() {
            @Override
            public Option<Failure> finish() {
                return failure;
            }

            @Override
            public void abandon() {
            }

            @Override
            public boolean ended() {
                return true;
            }
        };
    }
}
