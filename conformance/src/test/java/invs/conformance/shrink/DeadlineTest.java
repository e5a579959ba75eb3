package invs.conformance.shrink;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A deadline saturates for huge budgets and has nothing left once it has passed. */
class DeadlineTest {
    @Test
    void aBudgetTooLargeForTheClockNeverPasses() {
        Deadline forever = Deadline.after(Long.MAX_VALUE - 5, Duration.ofSeconds(1));
        assertEquals(Long.MAX_VALUE, forever.nanos());
        assertEquals(Long.MAX_VALUE, Deadline.after(0, ChronoUnit.FOREVER.getDuration()).nanos());
        assertFalse(Deadline.after(ChronoUnit.FOREVER.getDuration()).passed());
        assertEquals(Duration.ofNanos(Long.MAX_VALUE), forever.remaining());
    }

    @Test
    void aDeadlineInThePastHasPassedWithNothingLeft() {
        Deadline past = Deadline.after(System.nanoTime() - 1_000_000, Duration.ofNanos(1));
        assertTrue(past.passed());
        assertEquals(Duration.ZERO, past.remaining());
    }

    @Test
    void aDeadlineAheadHasAtMostItsBudgetLeft() {
        Deadline ahead = Deadline.after(Duration.ofHours(1));
        assertFalse(ahead.passed());
        Duration left = ahead.remaining();
        assertTrue(left.compareTo(Duration.ofHours(1)) <= 0 && left.compareTo(Duration.ofMinutes(59)) > 0, left.toString());
    }
}
