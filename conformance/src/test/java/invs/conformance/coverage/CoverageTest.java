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
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.ErrorCode;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Subscribe;
import invs.spec.Tick;
import invs.spec.Unsubscribe;
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
    void everyDocumentedOutcomeIsFoundFromAStepThatShowsIt() {
        AppId app = AppId.of(1);
        for (DocumentedOutcome outcome : DocumentedOutcome.values()) {
            long status = outcome.outcome().equals("SUCCESS") ? 0 : ErrorCode.valueOf(outcome.outcome()).number();
            Observation returned = status == 0 ? Observation.success()
                    : Observation.failure(ErrorCode.valueOf(outcome.outcome()));
            String operation = outcome.operation();
            Input input;
            Observation observation = returned;
            if (operation.startsWith("command ")) {
                input = new Command(app, Integer.parseInt(operation.substring("command ".length())), 0, 0);
            } else if (operation.startsWith("upcall ")) {
                input = new Yield(app);
                observation = new Observation.Yielded(Option.some(new Upcall(
                        Integer.parseInt(operation.substring("upcall ".length())), status, 0, 0)), Bytes.empty());
            } else {
                input = switch (operation) {
                    case "unknown command" -> new Command(app, 7, 0, 0);
                    case "read-only allow 0" -> new AllowReadOnly(app, 0, Bytes.empty());
                    case "read-write allow 0" -> new AllowReadWrite(app, 0, 0);
                    case "subscribe 0-2" -> new Subscribe(app, 2);
                    default -> throw new AssertionError("no step shows " + operation);
                };
            }
            assertEquals(Option.some(outcome), DocumentedOutcome.of(input, observation), operation);
        }
        Observation success = Observation.success();
        assertEquals(Option.none(), DocumentedOutcome.of(new AllowReadOnly(app, 1, Bytes.empty()), success));
        assertEquals(Option.none(), DocumentedOutcome.of(new AllowReadWrite(app, 1, 0), success));
        assertEquals(Option.none(), DocumentedOutcome.of(new Subscribe(app, 3), success));
        assertEquals(Option.none(), DocumentedOutcome.of(new Unsubscribe(app, 1), success));
        assertEquals(Option.none(), DocumentedOutcome.of(new Yield(app), Observation.quiet()));
        assertEquals(Option.none(), DocumentedOutcome.of(new Yield(app),
                new Observation.Yielded(Option.none(), Bytes.empty())));
        for (long status : new long[]{-1, 14, 1L << 32}) {
            assertEquals(Option.none(), DocumentedOutcome.of(new Yield(app),
                    new Observation.Yielded(Option.some(new Upcall(1, status, 0, 0)), Bytes.empty())), "status " + status);
        }
        assertEquals(Option.none(), DocumentedOutcome.of(new Yield(app),
                new Observation.Yielded(Option.some(new Upcall(3, 0, 0, 0)), Bytes.empty())), "subscribe number 3");
        assertEquals(Option.none(), DocumentedOutcome.of(new Tick(), Observation.quiet()));
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
