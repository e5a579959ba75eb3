package invs.fuzz.readings;

import invs.conformance.board.StandardConfigurations;
import invs.conformance.campaign.BoardMode;
import invs.conformance.campaign.Budget;
import invs.conformance.campaign.Campaign;
import invs.conformance.campaign.CampaignResult;
import invs.conformance.campaign.Cause;
import invs.conformance.campaign.Finding;
import invs.conformance.explain.Explanation;
import invs.conformance.explain.Field;
import invs.fuzz.ChildJava;
import invs.fuzz.protocol.ExternalProvider;
import invs.spec.Clause;
import invs.spec.Profile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Servers that each take one alternative reading of the driver document ({@code invs serve --mutant NAME}
 * over the protocol): a campaign reports one cause, and its report names the field and the clause a reader
 * would fix. A server with one fixed behaviour passes a campaign of its own reading.
 */
class ReadingsTest {
    private static CampaignResult campaign(String command, Profile profile, long tries) {
        try (ExternalProvider server = new ExternalProvider(command, Duration.ofSeconds(20), Duration.ofSeconds(60), false)) {
            server.preflight();
            return Campaign.against("reading", server).configurations(StandardConfigurations.of(profile))
                    .boardMode(BoardMode.BOTH).profile(profile).swarm(true).threads(2)
                    .budget(new Budget(tries, 150, Duration.ofMinutes(3))).shrinkTime(Duration.ofSeconds(20)).run();
        }
    }

    @ParameterizedTest(name = "{0}: {1} governed by {2}")
    @CsvSource({
            "fresh-region-zero, BUFFER, CLARIFIED_FRESH_REGION",
            "busy-until-upcall, RETURN, COMMAND_*_BUSY",
            "argument-one-zero, ARG1, CLARIFIED_TRANSFER",
            "end-at-size-rejected, STATUS, SUBSCRIBE_*_INVAL",
            "high-word-dropped, STATUS, SUBSCRIBE_*_INVAL"})
    void oneReadingIsOneCauseNamingTheFieldAndClause(String reading, Field field, String clause) {
        CampaignResult result = campaign(ChildJava.serve("--mutant", reading), Profile.DOC, 60);
        assertEquals(1, result.causes().size(), result.report());
        Cause cause = result.causes().head();
        Finding representative = cause.representative();
        Explanation explanation = Explanation.of(representative.trace().header().configuration(),
                representative.trace().steps(), representative.violation().divergence().get());
        assertEquals(field, explanation.differences().head().field(), representative.report());
        Clause governing = explanation.clause();
        assertTrue(governing.name().matches(clause.replace("*", "[0-9]")), governing + "\n" + representative.report());
        assertEquals(governing, representative.clause().get(), "the finding is filed under the governing clause");
        assertTrue(representative.report().contains("governed by " + governing.name()), representative.report());
    }

    @Test
    void aServerWithOneFixedBehaviourPassesACampaignOfItsOwnReading() {
        CampaignResult tock = campaign(ChildJava.serve("--reading", "tock"), Profile.TOCK, 40);
        assertEquals(0, tock.causes().size(), tock.report());
        CampaignResult doc = campaign(ChildJava.serve("--reading", "doc"), Profile.DOC, 40);
        assertEquals(0, doc.causes().size(), doc.report());
    }

    @Test
    void aServerOfOneReadingFailsTheOther() {
        CampaignResult result = campaign(ChildJava.serve("--reading", "tock"), Profile.DOC, 40);
        assertTrue(!result.causes().isEmpty(), result.report());
    }
}
