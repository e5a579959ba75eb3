package invs.conformance.replay;

/** What a replay or a trace check says of one step. */
public enum Verdict {
    /** Every checked property held at this step. */
    AGREED,
    /** A property was broken at this step. */
    VIOLATED,
    /**
     * After a violation, or at and after a step where the specification gave up following the observations
     * ({@link ReplayResult#undecided}): the step was applied but nothing could be checked any more.
     */
    NOT_CHECKED
}
