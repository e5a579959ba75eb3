package invs.conformance.check;

import invs.conformance.generation.IsolationScenario;

import invs.conformance.board.StandardConfigurations;
import invs.conformance.campaign.Budget;
import invs.conformance.campaign.Campaign;
import invs.conformance.campaign.CampaignResult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.sut.Capability;
import invs.conformance.reference.ReferenceProvider;
import invs.conformance.zoo.Zoo;
import invs.spec.AppId;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Profile;
import invs.spec.Reboot;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

class IsolationTest {
    private static final Configuration DOC = Configuration.defaults(Profile.DOC);
    private static final AppId ALPHA = AppId.of(0);
    private static final AppId BETA = AppId.of(1);

    @Test
    void subjectsAreTheAppsThatMayReadAndModifyTheirRegion() {
        assertEquals(Vector.of(ALPHA, BETA), IsolationScenario.subjects(DOC));
        assertEquals(Vector.of(AppId.of(0), AppId.of(5)),
                IsolationScenario.subjects(StandardConfigurations.docPermissions().configuration()));
    }

    /** The bound {@code invs merge} holds a report's inputs to: a scenario may end past its steps, never past it. */
    @Test
    void aScenarioIsNeverLongerThanItsLongest() {
        int longestSeen = 0;
        for (int steps : new int[] {1, 2, 7, 20, 150}) {
            for (long seed = 0; seed < 300; seed++) {
                int size = IsolationScenario.generate(DOC, BETA, EnumSet.allOf(Capability.class), seed, steps).size();
                assertTrue(size >= steps && size <= IsolationScenario.longest(steps),
                        size + " inputs for " + steps + " steps, seed " + seed);
                longestSeen = Math.max(longestSeen, size - steps);
            }
        }
        assertTrue(longestSeen > 0, "scenarios do end past their steps: a bound of the steps alone would not hold");
    }

    @Test
    void generatedScenariosAreWellFormedAndTheReferenceIsolatesApps() {
        for (long seed = 0; seed < 20; seed++) {
            Vector<Input> scenario = IsolationScenario.generate(DOC, BETA, EnumSet.allOf(Capability.class), seed, 120);
            assertTrue(Isolation.wellFormed(scenario, BETA), "seed " + seed);
            assertTrue(Session.run(DOC, new ReferenceProvider(), Checks.isolationOf(BETA), scenario).violation().isEmpty(),
                    "seed " + seed);
        }
    }

    @Test
    void wellFormedScenariosLeaveNoRoomForLegitimateDifferences() {
        assertFalse(Isolation.wellFormed(Vector.of(Command.size(BETA), Command.size(ALPHA)), ALPHA),
                "another app commands before the subject's first command");
        assertFalse(Isolation.wellFormed(Vector.of(Command.size(ALPHA), new Yield(ALPHA)), ALPHA),
                "the subject acts before its command is drained");
        assertFalse(Isolation.wellFormed(Vector.of(Command.size(ALPHA), new Reboot(3)), ALPHA),
                "a reboot cuts the subject's command");
        assertFalse(Isolation.wellFormed(Vector.of(new FlashFault()), ALPHA), "faults may hit either app");
        assertTrue(Isolation.wellFormed(Vector.of(Command.size(ALPHA), Command.size(BETA), new Drain(),
                new Yield(ALPHA), new Reboot(3)), ALPHA));
    }

    @Test
    void theNoiseIsLeftOutOfTheSubjectsProgram() {
        Vector<Input> scenario = Vector.of(Command.size(ALPHA), Command.size(BETA), new Drain(), new Yield(BETA),
                new Yield(ALPHA));
        assertEquals(Vector.of(Command.size(ALPHA), new Drain(), new Yield(ALPHA)), Isolation.program(scenario, ALPHA));
    }

    @Test
    void appsSharingARegionBreakIsolation() {
        var mutant = Zoo.named("region-of-neighbour").get();
        CampaignResult result = Campaign.against(mutant.name(), mutant)
                .configuration(StandardConfigurations.docDefault())
                .properties(Vector.of(Property.ISOLATION))
                .budget(Budget.of(30, 120, 30))
                .stopAtFirstFinding(true)
                .run();
        assertEquals(Property.ISOLATION, result.findings().head().property(), result.report());
        assertTrue(result.findings().head().trace().header().subject().isDefined());
    }
}
