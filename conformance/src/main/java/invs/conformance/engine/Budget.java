package invs.conformance.engine;

import java.time.Duration;

/**
 * How much a campaign may do: at most {@code tries} sequences of {@code steps} inputs each, and at most
 * {@code time} in all (shrinking included); it stops at whichever comes first.
 *
 * @param tries how many sequences
 * @param steps how many inputs per sequence
 * @param time  wall-clock limit
 */
public record Budget(int tries, int steps, Duration time) {
    /** The default: 300 sequences of 150 inputs, at most 60 seconds. */
    public static final Budget DEFAULT = new Budget(300, 150, Duration.ofSeconds(60));

    /** Checks the fields. */
    public Budget {
        if (tries < 1 || steps < 1 || time == null || time.isNegative() || time.isZero()) {
            throw new IllegalArgumentException("a budget needs positive tries, steps and time");
        }
    }

    /** A budget of {@code tries} sequences of {@code steps} inputs within {@code seconds}. */
    public static Budget of(int tries, int steps, long seconds) {
        return new Budget(tries, steps, Duration.ofSeconds(seconds));
    }

    /** This budget with another number of tries. */
    public Budget withTries(int value) {
        return new Budget(value, steps, time);
    }

    /** This budget with another number of steps per try. */
    public Budget withSteps(int value) {
        return new Budget(tries, value, time);
    }

    /** This budget with another time limit. */
    public Budget withTime(Duration value) {
        return new Budget(tries, steps, value);
    }
}
