package invs.conformance.zoo;

import invs.conformance.board.BoardGenerator;
import invs.conformance.campaign.BoardMode;
import invs.conformance.campaign.Budget;
import invs.conformance.campaign.CampaignResult;
import invs.conformance.campaign.Finding;
import invs.spec.Profile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The zoo's configuration-space mutants ({@link Zoo#configurationSpace()}): a campaign on the standard
 * boards alone does not find them in 400 tries; the default campaign, which also generates boards, kills
 * each one on a generated board (within {@link ZooTest#KILL_BUDGET}'s tries; the time it takes is printed
 * by {@code ZooCausesBenchmark}).
 */
class ConfigurationSpaceTest {
    /** Tries of the standard-only campaign: a hundred on each standard board, the contract suite's default budget and more. */
    static final int STANDARD_TRIES = 400;

    static Stream<Arguments> mutants() {
        return Zoo.configurationSpace().toJavaStream()
                .flatMap(mutant -> mutant.bugIn().toJavaStream().map(profile -> Arguments.of(mutant.name(), profile)));
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("mutants")
    void theStandardBoardsAloneDoNotFindIt(String name, Profile profile) {
        Mutant mutant = Zoo.named(name).get();
        CampaignResult result = DefaultCampaign.against(name, mutant, profile, BoardMode.STANDARD, Duration.ofMinutes(5))
                .budget(new Budget(STANDARD_TRIES, DefaultCampaign.STEPS, Duration.ofMinutes(5)))
                .run();
        assertEquals(0, result.findings().size(), result.report());
        assertEquals(STANDARD_TRIES, result.tries(), "the whole budget ran");
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("mutants")
    void theDefaultCampaignKillsItOnAGeneratedBoard(String name, Profile profile) {
        Mutant mutant = Zoo.named(name).get();
        CampaignResult result = DefaultCampaign.against(mutant, profile)
                .budget(ZooTest.KILL_BUDGET)
                .stopAtFirstFinding(true)
                .shrinkTime(Duration.ofSeconds(5))
                .run();
        assertFalse(result.findings().isEmpty(), name + " survived " + result.tries() + " tries");
        Finding finding = result.findings().head();
        assertTrue(finding.configurationName().startsWith(BoardGenerator.PREFIX), finding.report());
    }
}
