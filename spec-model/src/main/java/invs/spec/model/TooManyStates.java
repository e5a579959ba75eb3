package invs.spec.model;

import java.util.Locale;

/**
 * A step of the specification would leave more states open than it follows: more states (or parts of a
 * product) made by one input, before duplicates are removed, than its {@linkplain Specification#stepBound()
 * bound} ({@link #STEP_BOUND} unless made with another), or a product wider than that to step one by one.
 * The observations so far leave too much undecided (a board with many apps, each with operations that
 * completed unseen, has a frontier exponential in its apps), and holding them all can take more memory than
 * the machine has (before subsumption was indexed in wide groups, following them also took hours).
 *
 * <p>It is never a verdict: the step is neither allowed nor refused. A campaign's try stops there, as at its
 * frontier bound; replaying or checking a trace stops there and says so (docs/decisions.md, "A bound on
 * one step").
 */
public final class TooManyStates extends RuntimeException {
    /** The most states (or parts) one step of the specification makes, unless made with another bound. */
    public static final int STEP_BOUND = 1 << 13;

    private final long made;
    private final int bound;

    private TooManyStates(long made, int bound) {
        super(String.format(Locale.ROOT, "more than %,d states left open (%,d made so far)", bound, made), null,
                false, false);
        this.made = made;
        this.bound = bound;
    }

    /**
     * Nothing when {@code made} states (or parts) are within {@code bound}.
     *
     * @throws TooManyStates when they are more
     */
    static void check(long made, int bound) {
        if (made > bound) {
            throw new TooManyStates(made, bound);
        }
    }

    /** The bound the step passed. */
    public int bound() {
        return bound;
    }

    /** How many states (or parts) the step had made, or had to step, when it gave up. */
    public long made() {
        return made;
    }
}
