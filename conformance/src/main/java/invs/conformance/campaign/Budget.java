package invs.conformance.campaign;

import invs.conformance.shrink.Deadline;

import java.time.Duration;

/**
 * How much a campaign may do: at most {@code tries} sequences of {@code steps} inputs each, within
 * {@code time} of running tries (shrinking comes after); it stops at whichever comes first.
 *
 * @param tries how many sequences, all shards together
 * @param steps how many inputs per sequence
 * @param time  wall-clock limit for running tries
 */
public record Budget(long tries, int steps, Duration time) {
    /** The default: 300 sequences of 150 inputs, at most 60 seconds. */
    public static final Budget DEFAULT = new Budget(300, 150, Duration.ofSeconds(60));

    /** Checks the fields. */
    public Budget {
        if (tries < 1 || steps < 1 || time == null || time.isNegative() || time.isZero()) {
            throw new IllegalArgumentException("a budget needs positive tries, steps and time");
        }
    }

    /** A budget of {@code tries} sequences of {@code steps} inputs within {@code seconds}. */
    public static Budget of(long tries, int steps, long seconds) {
        return new Budget(tries, steps, Duration.ofSeconds(seconds));
    }

    /** This budget with another number of tries. */
    public Budget withTries(long value) {
        return new Budget(value, steps, time);
    }

    /** The time limit as a deadline after {@code start} (nanoseconds), saturating for huge limits. */
    public long deadlineAfter(long start) {
        return Deadline.after(start, time).nanos();
    }
}
