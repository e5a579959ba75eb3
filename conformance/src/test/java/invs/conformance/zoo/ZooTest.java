package invs.conformance.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.campaign.Budget;
import invs.conformance.campaign.Campaign;
import invs.conformance.campaign.CampaignResult;
import invs.conformance.campaign.Finding;
import invs.conformance.replay.Replay;
import invs.conformance.replay.ReplayResult;
import invs.conformance.reference.ReferenceProvider;
import invs.spec.Profile;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The default campaign ({@code invs fuzz}: standard and generated boards, swarms; at most 3,000 tries)
 * kills every mutant of the zoo under every profile it is a bug under: each one fails a property on a sequence the reference passes.
 * Records time-to-kill and the shrunk counterexample's length in {@code target/zoo-report.txt} and checks
 * that at least 90% of counterexamples have at most 8 steps.
 */
class ZooTest {
    /** The contract suite's default budget over the standard configurations. */
    static final Budget DEFAULT = new Budget(60 * 6, 150, Duration.ofSeconds(30));
    /**
     * The default campaign's tries and steps, bounded by a number of tries rather than by its 20 s, so that
     * whether a mutant dies does not depend on how busy the machine is (seeded tries are exact). The time
     * to kill, and whether it fits the default 20 s, is measured by {@code ZooCausesBenchmark}.
     */
    static final Budget KILL_BUDGET = new Budget(3_000, DefaultCampaign.STEPS, Duration.ofMinutes(5));

    record Kill(Mutant mutant, Profile profile, Finding finding, long tries) {
    }

    @Test
    void theDefaultCampaignKillsEveryMutant() throws IOException {
        Vector<Mutant> zoo = Zoo.all();
        assertTrue(zoo.size() >= 40, "at least 40 mutants: " + zoo.size());
        assertEquals(zoo.size(), zoo.map(Mutant::name).distinct().size(), "names are unique");
        assertEquals(Vector.of(BugClass.values()), zoo.map(Mutant::bugClass).distinct().sorted(),
                "every bug class is represented");
        Vector<String> survivors = Vector.empty();
        Vector<Kill> kills = Vector.empty();
        for (Mutant mutant : zoo) {
            for (Profile profile : mutant.bugIn()) {
                CampaignResult result = DefaultCampaign.against(mutant, profile)
                        .budget(KILL_BUDGET)
                        .stopAtFirstFinding(true)
                        .shrinkTime(Duration.ofSeconds(10))
                        .run();
                if (result.findings().isEmpty()) {
                    survivors = survivors.append(mutant.name() + " (" + profile + ")");
                } else {
                    kills = kills.append(new Kill(mutant, profile, result.findings().head(), result.tries()));
                }
            }
        }
        write(kills, survivors);
        assertEquals(Vector.empty(), survivors, "mutants the default campaign did not kill");
        for (Kill kill : kills) {
            ReplayResult onMutant = Replay.replay(kill.finding().trace(), kill.mutant());
            assertTrue(onMutant.violation().isDefined(), kill.mutant().name() + ": the shrunk trace replays the kill");
            ReplayResult onReference = Replay.replay(kill.finding().trace(), new ReferenceProvider());
            assertTrue(onReference.conforms(), kill.mutant().name() + ": the reference passes it\n" + onReference.report());
        }
        // Time-to-kill is recorded in target/zoo-report.txt and measured by ZooCausesBenchmark, not asserted here:
        // speed targets are checked by benchmarks that print figures, never by timed tests.
        long short8 = kills.count(kill -> kill.finding().shrunkLength() <= 8);
        assertTrue(short8 * 10 >= kills.size() * 9L, short8 + " of " + kills.size() + " shrunk to 8 steps or fewer");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} alone kills {1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "liveness, waiting-upcall-lost", "liveness, drain-stalls", "liveness, upcall-repeated",
            "liveness, busy-check-missing",
            "durability, reboot-loses-regions", "durability, torn-write-spills", "durability, program-without-erase",
            "durability, restart-erases-region",
            "isolation, region-of-neighbour", "isolation, busy-global"})
    void eachPropertyBitesOnItsOwn(String property, String name) {
        Mutant mutant = Zoo.named(name).get();
        var checked = invs.conformance.check.Property.ofLabel(property).get();
        CampaignResult result = Campaign.against(name, mutant)
                .properties(Vector.of(checked))
                .budget(DEFAULT)
                .baseline(new ReferenceProvider())
                .stopAtFirstFinding(true)
                .run();
        assertEquals(Vector.of(checked), result.findings().map(Finding::property), result.report());
    }

    /**
     * Some mutants are bugs only in one profile: the other profile's reading of the document allows what
     * they do. The suite must not report them there (the model must stay as generous as the document).
     * (inval-before-reserve is a bug in both since docs/spec.md D11 gives one order of errors.)
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} is legal on {1}")
    @org.junit.jupiter.params.provider.CsvSource({"high-word-dropped, tock-default", "high-word-dropped, tock-exhaustion"})
    void aBugOfOneProfileIsLegalInTheOther(String name, String configuration) {
        Mutant mutant = Zoo.named(name).get();
        CampaignResult result = Campaign.against(name, mutant)
                .configuration(invs.conformance.board.StandardConfigurations.named(configuration).get())
                .budget(new Budget(200, 150, Duration.ofSeconds(30)))
                .run();
        assertEquals(Vector.empty(), result.findings(), result.report());
        assertTrue(result.statistics().inputs() >= 200 * 100, "the budget ran");
    }

    private static void write(Vector<Kill> kills, Vector<String> survivors) throws IOException {
        StringBuilder text = new StringBuilder(String.format("%-34s %-7s %-16s %10s %6s %8s %8s  %s%n", "mutant",
                "profile", "class", "kill (ms)", "tries", "original", "shrunk", "property:clause, board"));
        for (Kill kill : kills) {
            Finding finding = kill.finding();
            text.append(String.format("%-34s %-7s %-16s %10d %6d %8d %8d  %s, %s%n", kill.mutant().name(),
                    kill.profile().name().toLowerCase(java.util.Locale.ROOT), kill.mutant().bugClass(),
                    finding.foundAfter().toMillis(), kill.tries(), finding.originalLength(), finding.shrunkLength(),
                    finding.key(), finding.configurationName()));
        }
        survivors.forEach(name -> text.append(name).append(" SURVIVED\n"));
        Path report = Path.of("target", "zoo-report.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, text);
        System.out.print(text);
    }
}
