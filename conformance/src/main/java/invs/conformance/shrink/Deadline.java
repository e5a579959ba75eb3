package invs.conformance.shrink;

import java.time.Duration;

/**
 * A moment on the {@link System#nanoTime()} clock by which some work is to stop: checked between steps of
 * the work, so a step under way when it passes (one replay of a candidate, say) finishes.
 *
 * @param nanos the moment, {@link Long#MAX_VALUE} for a budget too large to add to the clock
 */
public record Deadline(long nanos) {
    /** A deadline {@code budget} after now. */
    public static Deadline after(Duration budget) {
        return after(System.nanoTime(), budget);
    }

    /** A deadline {@code budget} after {@code start}, saturating instead of overflowing for huge budgets. */
    public static Deadline after(long start, Duration budget) {
        long length;
        try {
            length = budget.toNanos();
        } catch (ArithmeticException e) {
            return new Deadline(Long.MAX_VALUE);
        }
        long end = start + length;
        return new Deadline(length > 0 && end < start ? Long.MAX_VALUE : end);
    }

    /** Whether it has passed. */
    public boolean passed() {
        return System.nanoTime() > nanos;
    }

    /** The time left before it passes, zero once it has. */
    public Duration remaining() {
        if (nanos == Long.MAX_VALUE) {
            return Duration.ofNanos(Long.MAX_VALUE);
        }
        long left = nanos - System.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }
}
