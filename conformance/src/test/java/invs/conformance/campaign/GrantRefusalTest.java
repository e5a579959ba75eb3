package invs.conformance.campaign;

import invs.conformance.board.StandardConfigurations;
import invs.conformance.coverage.CoverageRequirement;
import invs.conformance.fixtures.NoGrants;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A kernel that refuses every app's grant (synchronous NOMEM, docs/spec.md D21) conforms, but cannot pass
 * unnoticed: the campaign counts the refusals and misses the coverage a real driver gives.
 */
class GrantRefusalTest {
    @Test
    void aKernelThatRefusesEveryGrantConformsButIsCountedAndMissesTheCoverage() {
        CampaignResult result = Campaign.against("no-grants", NoGrants::new)
                .configuration(StandardConfigurations.docDefault())
                .coverage(CoverageRequirement.standard())
                .budget(Budget.of(12, 80, 60)).run();
        assertEquals(0, result.causes().size(), result.report());
        assertEquals(result.tries(), result.statistics().sequencesWithGrantRefusal());
        assertTrue(result.statistics().grantRefusals() > result.tries(), "every grant call is refused");
        assertTrue(result.missingCoverage().exists(line -> line.contains("command 1 → SUCCESS")), result.missingCoverage().toString());
        assertTrue(!result.passed(), "the coverage requirement fails it");
    }
}
