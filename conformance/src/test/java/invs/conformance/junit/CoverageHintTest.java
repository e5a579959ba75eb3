package invs.conformance.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.board.StandardConfigurations;
import invs.conformance.campaign.Budget;
import invs.conformance.campaign.Campaign;
import invs.conformance.campaign.CampaignResult;
import invs.conformance.check.Property;
import invs.conformance.coverage.CoverageRequirement;
import invs.conformance.coverage.DocumentedOutcome;
import invs.conformance.reference.ReferenceProvider;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

class CoverageHintTest {
    private static CampaignResult run(CoverageRequirement requirement) {
        return Campaign.against("reference", new ReferenceProvider()).configuration(StandardConfigurations.docDefault())
                .properties(Vector.of(Property.LOCKSTEP)).budget(Budget.of(10, 60, 30)).coverage(requirement).run();
    }

    @Test
    void aCoverageFailureWithoutAFindingSaysHowToRequireLess() {
        // NOSUPPORT of upcall 1 is never observed: the reference never answers it so
        CampaignResult missed = run(CoverageRequirement.none().with(DocumentedOutcome.UPCALL_1_NOSUPPORT, 1));
        assertTrue(missed.findings().isEmpty() && !missed.missingCoverage().isEmpty(), missed.report());
        assertTrue(ConformanceContract.coverageHint(missed).contains("overrides coverage() with what it can reach"),
                ConformanceContract.coverageHint(missed));
        assertEquals("", ConformanceContract.coverageHint(run(CoverageRequirement.none())), "nothing missing");
    }
}
