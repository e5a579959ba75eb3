package invs.conformance.zoo;

import invs.conformance.campaign.BoardMode;
import invs.conformance.campaign.Budget;
import invs.conformance.campaign.CampaignResult;
import invs.conformance.campaign.Cause;
import invs.conformance.campaign.Finding;
import invs.conformance.replay.Replay;
import invs.spec.Profile;
import io.vavr.collection.Vector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two different defects in one system (one mutant laid over another) are reported as different causes:
 * the campaign finds failures that each defect alone explains, and no cause mixes the two.
 */
class TwoDefectsTest {
    /** Enough tries of the default campaign to find both defects, with time to spare. */
    static final Budget BUDGET = new Budget(100, DefaultCampaign.STEPS, Duration.ofMinutes(2));

    @ParameterizedTest(name = "{1} over {0}")
    @CsvSource({"busy-global, size-counts-header", "end-at-size-rejected, write-done-on-read-number",
            "header-not-counted, write-count-zero", "restart-drops-all-upcalls, write-count-zero",
            "busy-check-missing, size-counts-header", "reboot-loses-regions, error-carries-length"})
    void twoDefectsAreTwoCauses(String beneath, String above) {
        Mutant first = Zoo.named(beneath).get();
        Mutant second = Zoo.named(above).get();
        Mutant both = second.over(first);
        Profile profile = both.bugIn().head();
        CampaignResult result = DefaultCampaign.against(both.name(), both, profile, BoardMode.BOTH, BUDGET.time())
                .budget(BUDGET)
                .shrinkTime(Duration.ofSeconds(5))
                .run();
        Vector<Vector<String>> explained = result.causes().map(cause -> explainedBy(cause, first, second));
        assertTrue(explained.exists(names -> names.contains(first.name())), "a cause of " + first + " alone:\n"
                + result.report());
        assertTrue(explained.exists(names -> names.contains(second.name())), "a cause of " + second + " alone:\n"
                + result.report());
        assertFalse(explained.exists(names -> names.size() > 1), "a cause mixes the two defects:\n" + result.report());
        assertTrue(result.causes().size() >= 2, result.report());
    }

    /** Which of the two mutants alone fail the findings of {@code cause} that only one of them fails. */
    private static Vector<String> explainedBy(Cause cause, Mutant first, Mutant second) {
        return cause.findings().flatMap(finding -> {
            boolean byFirst = fails(finding, first);
            boolean bySecond = fails(finding, second);
            return byFirst == bySecond ? Vector.<String>empty() : Vector.of(byFirst ? first.name() : second.name());
        }).distinct();
    }

    private static boolean fails(Finding finding, Mutant mutant) {
        return Replay.replay(finding.trace(), mutant).violation().isDefined();
    }

    @org.junit.jupiter.api.Test
    void aMutantThatBuildsItsOwnBoardCannotBeLaidOverAnother() {
        Mutant board = Zoo.named("header-not-counted").get();
        assertEquals("header-not-counted builds its own board",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> board.over(Zoo.named("busy-global").get())).getMessage());
    }
}
