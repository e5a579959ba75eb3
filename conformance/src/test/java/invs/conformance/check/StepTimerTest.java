package invs.conformance.check;

import invs.conformance.coverage.Statistics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which steps a session times, and how their time is counted. */
class StepTimerTest {
    @Test
    void timesOneStepInEveryOnAverageWithGapsBelowTwiceThat() {
        StepTimer timer = new StepTimer(new Statistics());
        int steps = 320_000;
        int timed = 0;
        int sinceTimed = 0;
        int longestGap = 0;
        for (int step = 0; step < steps; step++) {
            timer.begin();
            sinceTimed++;
            if (timer.timing()) {
                timed++;
                longestGap = Math.max(longestGap, sinceTimed);
                sinceTimed = 0;
            }
            timer.judged();
        }
        double expected = (double) steps / StepTimer.EVERY;
        assertTrue(Math.abs(timed - expected) < expected / 20, timed + " steps timed of " + steps);
        assertTrue(longestGap <= 2 * StepTimer.EVERY - 1, "longest gap " + longestGap);
        assertTrue(longestGap > StepTimer.EVERY, "the gaps vary: longest " + longestGap);
    }

    @Test
    void twoTimersPickDifferentSteps() {
        StepTimer one = new StepTimer(new Statistics());
        StepTimer other = new StepTimer(new Statistics());
        int differ = 0;
        for (int step = 0; step < 1_000; step++) {
            one.begin();
            other.begin();
            differ += one.timing() != other.timing() ? 1 : 0;
        }
        assertTrue(differ > 0, "two sessions time the same steps");
    }

    @Test
    void aTimedStepCountsEveryTimesItsPartsAndAnUntimedOneNothing() {
        Statistics statistics = new Statistics();
        StepTimer timer = new StepTimer(statistics);
        long pause = Duration.ofMillis(2).toNanos();
        int timed = 0;
        for (int step = 0; step < 4 * StepTimer.EVERY; step++) {
            timer.begin();
            boolean timing = timer.timing();
            long before = statistics.timedNanos();
            if (timing) {
                timed++;
                LockSupport.parkNanos(pause); // the system answering
            }
            timer.answered();
            if (timing) {
                LockSupport.parkNanos(pause); // the specification judging
            }
            timer.modelled();
            timer.judged();
            if (!timing) {
                assertEquals(before, statistics.timedNanos(), "an untimed step counts nothing");
            }
        }
        assertTrue(timed > 0);
        assertTrue(statistics.systemTime().toNanos() >= (long) timed * StepTimer.EVERY * pause,
                statistics.systemTime() + " for " + timed + " timed steps");
        assertTrue(statistics.modelTime().toNanos() >= (long) timed * StepTimer.EVERY * pause,
                statistics.modelTime() + " for " + timed + " timed steps");
    }

    @Test
    void withoutTheLockstepOracleTheSpecificationTookNoTime() {
        Statistics statistics = new Statistics();
        StepTimer timer = new StepTimer(statistics);
        for (int step = 0; step < 4 * StepTimer.EVERY; step++) {
            timer.begin();
            timer.answered();
            if (timer.timing()) {
                LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
            }
            timer.judged();
        }
        assertEquals(Duration.ZERO, statistics.modelTime());
        assertTrue(statistics.otherTime().toNanos() > 0);
    }

    @Test
    void anUnansweredTimedStepIsTheSystemsTime() {
        Statistics statistics = new Statistics();
        StepTimer timer = new StepTimer(statistics);
        int timed = 0;
        for (int step = 0; step < 4 * StepTimer.EVERY; step++) {
            timer.begin();
            if (timer.timing()) {
                timed++;
                LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
            }
            timer.unanswered();
        }
        assertTrue(statistics.systemTime().toNanos() >= timed * StepTimer.EVERY * Duration.ofMillis(1).toNanos());
        assertEquals(Duration.ZERO, statistics.modelTime());
        assertEquals(Duration.ZERO, statistics.otherTime());
    }
}
