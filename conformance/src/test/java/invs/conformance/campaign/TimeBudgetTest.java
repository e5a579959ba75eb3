package invs.conformance.campaign;

import invs.conformance.board.StandardConfigurations;
import invs.conformance.check.Property;
import invs.conformance.fixtures.Pipelining;
import invs.conformance.fixtures.Slow;
import invs.conformance.reference.ReferenceProvider;
import invs.conformance.sut.SystemUnderTestFactory;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A try running when the campaign's time runs out stops there: a budget of very long tries ends close to
 * its time, in process and against a system that pipelines, lockstep tries and isolation scenarios alike,
 * and the campaign says it is not complete.
 */
class TimeBudgetTest {
    /**
     * Far more inputs than a try runs in the time below: each test's system pauses a millisecond every ten
     * inputs ({@link Slow}), so 100,000 take at least ten seconds whatever the machine.
     */
    private static final int STEPS = 100_000;
    private static final Duration TIME = Duration.ofMillis(300);

    private static CampaignResult longTry(SystemUnderTestFactory factory) {
        return Campaign.against("reference", factory)
                .configuration(StandardConfigurations.docDefault())
                .properties(Vector.of(Property.LOCKSTEP))
                .budget(new Budget(1, STEPS, TIME)).run();
    }

    private static void assertCutAtTheDeadline(CampaignResult result, long startedAt) {
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        assertTrue(seconds < 3, "a try stops when the time is up, not after its " + STEPS + " inputs: " + seconds + " s");
        assertEquals(1, result.tries(), "the try cut short counts as run");
        assertTrue(result.statistics().inputs() > 0 && result.statistics().inputs() < STEPS,
                "inputs: " + result.statistics().inputs());
        assertEquals(1, result.statistics().triesStoppedAtDeadline());
        assertFalse(result.complete(), "the budget's tries did not all run whole");
        assertTrue(result.findings().isEmpty(), result.report());
    }

    @Test
    void aLongTryInProcessStopsWhenTheTimeIsUp() {
        long start = System.nanoTime();
        ReferenceProvider reference = new ReferenceProvider();
        assertCutAtTheDeadline(longTry(configuration -> new Slow(reference.create(configuration), 10)), start);
    }

    @Test
    void aLongPipelinedTryStopsSendingWhenTheTimeIsUp() {
        ReferenceProvider reference = new ReferenceProvider();
        long start = System.nanoTime();
        assertCutAtTheDeadline(longTry(configuration -> new Pipelining(new Slow(reference.create(configuration), 10))), start);
    }

    /**
     * Isolation scenarios are generated whole; they are run in slices and stop between two when the time is
     * up.
     */
    @Test
    void aLongIsolationScenarioStopsWhenTheTimeIsUp() {
        ReferenceProvider reference = new ReferenceProvider();
        long start = System.nanoTime();
        CampaignResult result = Campaign.against("reference", configuration -> new Slow(reference.create(configuration), 10))
                .configuration(StandardConfigurations.docDefault())
                .properties(Vector.of(Property.ISOLATION))
                .budget(new Budget(1, STEPS, TIME)).run();
        assertCutAtTheDeadline(result, start);
    }

    @Test
    void aTryThatEndsInTimeLeavesTheCampaignComplete() {
        CampaignResult result = Campaign.against("reference", new ReferenceProvider())
                .configuration(StandardConfigurations.docDefault())
                .budget(new Budget(2, 20, Duration.ofSeconds(30))).run();
        assertTrue(result.complete());
        assertEquals(0, result.statistics().triesStoppedAtDeadline());
    }
}
