package invs.conformance.coverage;

import invs.conformance.board.StandardConfigurations;
import invs.conformance.campaign.Budget;
import invs.conformance.campaign.Campaign;
import invs.conformance.campaign.CampaignResult;
import invs.conformance.check.Property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.reference.ReferenceProvider;
import invs.spec.AppId;
import invs.spec.Command;
import invs.spec.ErrorCode;
import invs.spec.Observation;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class CoverageTest {

    private static CampaignResult run(CoverageRequirement requirement) {
        return Campaign.against("reference", new ReferenceProvider())
                .configuration(StandardConfigurations.docDefault())
                .properties(Vector.of(Property.LOCKSTEP))
                .budget(Budget.of(30, 150, 30))
                .coverage(requirement)
                .run();
    }

    @Test
    void aRunFailsWhenAListedOutcomeIsNeverReached() {
        CampaignResult result = run(CoverageRequirement.none().with(DocumentedOutcome.UPCALL_1_NOSUPPORT, 1)
                .with(DocumentedOutcome.COMMAND_1_BUSY, 1));
        assertFalse(result.passed());
        assertEquals(Vector.of("upcall 1 → NOSUPPORT observed 0 times, at least 1 required"), result.missingCoverage());
        assertTrue(result.report().contains("coverage not reached"));
    }

    @Test
    void aRunFailsWhenAListedCornerIsReachedTooRarely() {
        CampaignResult result = run(CoverageRequirement.none().with(Corner.STORAGE_EXHAUSTED, 1));
        assertEquals(1, result.missingCoverage().size(), "the default board has room for every app");
        assertTrue(result.missingCoverage().head().startsWith("NOMEM: storage exhausted reached 0 times"));
    }

    @Test
    void theStandardConfigurationsReachEveryOutcomeTheReferenceCanShowAndEveryCorner() {
        CampaignResult result = Campaign.against("reference", new ReferenceProvider())
                .properties(Vector.of(Property.LOCKSTEP))
                .budget(Budget.of(120, 150, 60))
                .coverage(CoverageRequirement.standard())
                .run();
        assertEquals(Vector.empty(), result.missingCoverage(), result.statistics().table());
    }

    @Test
    void outcomesAreNamedAsTheDocumentNamesThem() {
        AppId app = AppId.of(0);
        assertEquals(Option.some(DocumentedOutcome.COMMAND_2_BUSY),
                DocumentedOutcome.of(Command.read(app, 0), Observation.failure(ErrorCode.BUSY)));
        assertEquals(Option.some(DocumentedOutcome.UPCALL_2_INVAL), DocumentedOutcome.of(new Yield(app),
                new Observation.Yielded(Option.some(Upcall.error(2, ErrorCode.INVAL)), invs.spec.Bytes.empty())));
        assertEquals(Option.some(DocumentedOutcome.UNKNOWN_COMMAND_NOSUPPORT),
                DocumentedOutcome.of(new Command(app, 9, 0, 0), Observation.failure(ErrorCode.NOSUPPORT)));
        assertEquals(Option.none(), DocumentedOutcome.of(Command.size(app), Observation.failure(ErrorCode.INVAL)),
                "not an outcome the document names");
        assertEquals("command 2 → BUSY", DocumentedOutcome.COMMAND_2_BUSY.toString());
    }

    @Test
    void statisticsMerge() {
        Statistics one = new Statistics();
        one.outcome(DocumentedOutcome.COMMAND_0_SUCCESS);
        one.input(true);
        one.time(3, 1, 0);
        Statistics two = new Statistics();
        two.outcome(DocumentedOutcome.COMMAND_0_SUCCESS);
        two.corner(Corner.END_AT_SIZE);
        two.input(false);
        two.time(1, 2, 1);
        one.merge(two);
        assertEquals(2, one.count(DocumentedOutcome.COMMAND_0_SUCCESS));
        assertEquals(1, one.count(Corner.END_AT_SIZE));
        assertEquals(2, one.inputs());
        assertEquals(1, one.syscalls());
        assertEquals(0.5, one.modelShare(), 1e-9);
    }
}
