package invs.conformance.zoo;

import invs.conformance.board.StandardConfigurations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.campaign.Budget;
import invs.conformance.campaign.Campaign;
import invs.conformance.campaign.CampaignResult;
import invs.conformance.campaign.Finding;
import invs.conformance.replay.Replay;
import invs.conformance.replay.ReplayResult;
import invs.conformance.reference.ReferenceProvider;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The default suite kills every mutant of the zoo: each one fails a property on a sequence the reference
 * passes. Records time-to-kill and the shrunk counterexample's length in {@code target/zoo-report.txt}
 * and checks the targets: median time-to-kill under 1 s, at least 90% of counterexamples of at most 8 steps.
 */
class ZooTest {
    /** The contract suite's default budget over the standard configurations. */
    static final Budget DEFAULT = new Budget(60 * 6, 150, Duration.ofSeconds(30));

    record Kill(Mutant mutant, Finding finding, long tries) {
    }

    @Test
    void theDefaultSuiteKillsEveryMutant() throws IOException {
        Vector<Mutant> zoo = Zoo.all();
        assertTrue(zoo.size() >= 20, "at least 20 mutants: " + zoo.size());
        assertEquals(zoo.size(), zoo.map(Mutant::name).distinct().size(), "names are unique");
        assertEquals(Vector.of(BugClass.values()), zoo.map(Mutant::bugClass).distinct().sorted(),
                "every bug class is represented");
        Vector<String> survivors = Vector.empty();
        Vector<Kill> kills = Vector.empty();
        for (Mutant mutant : zoo) {
            CampaignResult result = Campaign.against(mutant.name(), mutant)
                    .configurations(StandardConfigurations.all())
                    .budget(DEFAULT)
                    .baseline(new ReferenceProvider())
                    .stopAtFirstFinding(true)
                    .shrinkTime(Duration.ofSeconds(10))
                    .run();
            if (result.findings().isEmpty()) {
                survivors = survivors.append(mutant.name());
            } else {
                kills = kills.append(new Kill(mutant, result.findings().head(), result.tries()));
            }
        }
        write(kills, survivors);
        assertEquals(Vector.empty(), survivors, "mutants the default suite did not kill");
        for (Kill kill : kills) {
            ReplayResult onMutant = Replay.replay(kill.finding().trace(), kill.mutant());
            assertTrue(onMutant.violation().isDefined(), kill.mutant().name() + ": the shrunk trace replays the kill");
            ReplayResult onReference = Replay.replay(kill.finding().trace(), new ReferenceProvider());
            assertTrue(onReference.conforms(), kill.mutant().name() + ": the reference passes it\n" + onReference.report());
        }
        // Time-to-kill is recorded in target/zoo-report.txt and measured by ZooReport, not asserted here:
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
        StringBuilder text = new StringBuilder(String.format("%-34s %-16s %10s %6s %8s %8s  %s%n", "mutant", "class",
                "kill (ms)", "tries", "original", "shrunk", "property:clause"));
        for (Kill kill : kills) {
            Finding finding = kill.finding();
            text.append(String.format("%-34s %-16s %10d %6d %8d %8d  %s%n", kill.mutant().name(),
                    kill.mutant().bugClass(), finding.foundAfter().toMillis(), kill.tries(), finding.originalLength(),
                    finding.shrunkLength(), finding.key()));
        }
        survivors.forEach(name -> text.append(name).append(" SURVIVED\n"));
        Path report = Path.of("target", "zoo-report.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, text);
        System.out.print(text);
    }
}
