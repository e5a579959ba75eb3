package invs.conformance.campaign;

import invs.conformance.board.NamedConfiguration;
import invs.conformance.board.StandardConfigurations;
import invs.conformance.check.Property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.generation.IsolationScenario;
import invs.conformance.reference.ReferenceProvider;
import invs.conformance.sut.SystemUnderTest;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.trace.TraceCodec;
import invs.conformance.zoo.Mutant;
import invs.conformance.zoo.Zoo;
import invs.spec.Configuration;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

class CampaignTest {
    private static final Mutant SIZE_BUG = Zoo.named("size-counts-header").get();

    @Test
    void aFindingCarriesItsSeedAShrunkTraceAndItsClause(@TempDir Path traces) throws Exception {
        List<String> heard = new ArrayList<>();
        CampaignResult result = Campaign.against(SIZE_BUG.name(), SIZE_BUG)
                .configuration(StandardConfigurations.docDefault())
                .budget(Budget.of(20, 100, 30))
                .traces(traces)
                .listener(new CampaignListener() {
                    @Override
                    public void tryStarted(long index, NamedConfiguration configuration, long seed, Property kind) {
                        heard.add("try " + index);
                    }

                    @Override
                    public void ruleBroken(String rule, int rules) {
                        heard.add("finding " + rule);
                    }
                })
                .run();
        assertEquals(1, result.findings().size(), result.report());
        Finding finding = result.findings().head();
        assertEquals("lockstep:SUBSCRIBE_0_SUCCESS", finding.key());
        assertTrue(finding.occurrences() > 1, "deduplicated: " + finding.occurrences());
        assertTrue(finding.shrunkLength() <= 4, finding.report());
        assertTrue(heard.contains("finding lockstep:SUBSCRIBE_0_SUCCESS"));
        assertEquals(20, heard.stream().filter(line -> line.startsWith("try")).count());
        Path file = finding.traceFile().get();
        assertTrue(Files.exists(file));
        assertEquals(finding.trace(), TraceCodec.read(file));
        assertTrue(finding.report().contains(String.format("seed 0x%016x", finding.seed())));
        assertTrue(finding.trace().recordsObservations());
    }

    @Test
    void aTraceThatCannotBeRewrittenOnceShrunkIsNotTheFindingsTrace(@TempDir Path traces) throws Exception {
        CampaignResult result = Campaign.against(SIZE_BUG.name(), SIZE_BUG)
                .configuration(StandardConfigurations.docDefault())
                .budget(Budget.of(20, 100, 30))
                .traces(traces)
                .listener(new CampaignListener() {
                    @Override
                    public void shrinking(int findings) {
                        // a directory where the shrunk trace is written first: the rewrite fails
                        try (var written = Files.list(traces)) {
                            for (Path file : written.toList()) {
                                Files.createDirectory(file.resolveSibling(file.getFileName() + ".tmp"));
                            }
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                })
                .run();
        Finding finding = result.findings().single();
        assertTrue(finding.traceFile().isEmpty(), finding.traceFile().toString());
        Path found = traces.resolve(String.format("%s-lockstep-subscribe_0_success-%016x.jsonl", SIZE_BUG.name(), finding.seed()));
        assertTrue(TraceCodec.read(found).header().description().get().startsWith("not shrunk yet: "), Files.readString(found));
        assertEquals(1, result.problems().size(), result.problems().mkString("\n"));
        assertTrue(result.problems().head().startsWith("cannot write the shrunk trace into " + found
                + " (it keeps the trace as found, not shrunk): "), result.problems().head());
    }

    @Test
    void aFindingsSeedReproducesItAsTheFirstTry() {
        CampaignResult first = Campaign.against(SIZE_BUG.name(), SIZE_BUG).seed(99)
                .budget(Budget.of(50, 100, 30)).stopAtFirstFinding(true).run();
        Finding finding = first.findings().head();
        NamedConfiguration configuration = StandardConfigurations.named(finding.configurationName()).get();
        CampaignResult again = Campaign.against(SIZE_BUG.name(), SIZE_BUG).seed(finding.seed())
                .configuration(configuration).budget(Budget.of(1, 100, 30)).run();
        assertEquals(1, again.tries());
        assertEquals(finding.trace(), again.findings().head().trace());
        assertEquals(finding.originalLength(), again.findings().head().originalLength());
    }

    @Test
    void aTryThatRanWholeBeforeTheFirstFindingStoppedTheCampaignIsCountedWithItsInputs() {
        // Two threads against a system that does not pipeline: a try runs whole when it begins, and one that ran
        // while the other thread found the first finding was dropped uncounted, its inputs counted: a report
        // with more inputs than its tries could have, which invs merge refuses.
        for (long seed = 1; seed <= 4; seed++) {
            CampaignResult result = Campaign.against(SIZE_BUG.name(), SIZE_BUG).seed(seed).threads(2)
                    .budget(Budget.of(40, 2_000, 60)).stopAtFirstFinding(true).run();
            assertTrue(result.statistics().inputs() <= result.tries() * IsolationScenario.longest(2_000),
                    "seed " + seed + ": " + result.statistics().inputs() + " inputs in " + result.tries() + " tries");
        }
    }

    @Test
    void trySeedsAreDistinctAndTheFirstIsTheCampaignSeed() {
        assertEquals(42, Campaign.trySeed(42, 0));
        assertNotEquals(Campaign.trySeed(42, 1), Campaign.trySeed(42, 2));
        assertNotEquals(Campaign.trySeed(42, 1), Campaign.trySeed(43, 1));
    }

    @Test
    void theBudgetBoundsTriesAndTime() {
        CampaignResult result = Campaign.against("reference", new ReferenceProvider())
                .configuration(StandardConfigurations.tockDefault())
                .properties(Vector.of(Property.LOCKSTEP))
                .budget(Budget.of(7, 20, 30)).run();
        assertEquals(7, result.tries());
        assertEquals(7, result.statistics().sequences());
        assertTrue(result.statistics().inputs() <= 7 * 20);
        assertTrue(result.syscallsPerSecond() > 0);
    }

    @Test
    void aBaselineFailingTheSameInputsHidesTheFinding() {
        CampaignResult result = Campaign.against(SIZE_BUG.name(), SIZE_BUG)
                .configuration(StandardConfigurations.docDefault())
                .budget(Budget.of(10, 100, 30)).baseline(SIZE_BUG).run();
        assertTrue(result.findings().isEmpty(), result.report());
    }

    /**
     * A baseline that cannot run some boards (the reference refuses a doc board with a transfer limit, which an
     * implementation of another language may run): a generated board it cannot run is drawn again, a given one
     * is left out as the system's refusals are, and the shrinker does not move a finding onto one; the campaign
     * reports its findings instead of stopping at the first board the baseline refuses.
     */
    @Test
    void boardsTheBaselineCannotRunAreNotRun() {
        SystemUnderTestFactory fewApps = new SystemUnderTestFactory() {
            @Override
            public SystemUnderTest create(Configuration configuration) {
                if (configuration.apps().size() > 3) {
                    throw new IllegalArgumentException("more than 3 apps"); // as the reference refuses a board
                }
                return new ReferenceProvider().create(configuration);
            }

            @Override
            public io.vavr.control.Option<String> refusal(Configuration configuration) {
                return configuration.apps().size() > 3 ? io.vavr.control.Option.some("more than 3 apps")
                        : new ReferenceProvider().refusal(configuration);
            }
        };
        NamedConfiguration fourApps = StandardConfigurations.docExhaustion();
        assertTrue(fourApps.configuration().apps().size() > 3);
        CampaignResult result = Campaign.against(SIZE_BUG.name(), SIZE_BUG)
                .configurations(Vector.of(fourApps, StandardConfigurations.docDefault()))
                .boardMode(BoardMode.BOTH).profile(invs.spec.Profile.DOC)
                .budget(Budget.of(40, 100, 60)).baseline(fewApps).run();
        assertEquals(Vector.of(StandardConfigurations.docDefault()), result.boards());
        assertTrue(result.refusedBoards().exists(board -> board.startsWith("doc-exhaustion (the baseline cannot run it:"
                + " more than 3 apps)")), result.refusedBoards().toString());
        assertFalse(result.findings().isEmpty(), result.report());
        for (Finding finding : result.findings()) {
            assertTrue(fewApps.supports(finding.trace().header().configuration()), finding.report());
        }
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Campaign.against(SIZE_BUG.name(),
                SIZE_BUG).configuration(fourApps).baseline(fewApps).run());
        assertEquals("none of the boards can be run by both size-counts-header and the baseline: doc-exhaustion (the"
                + " baseline cannot run it: more than 3 apps)", none.getMessage());
    }

    @Test
    void configurationsTheSystemCannotRunAreLeftOut() {
        var docWithLimit = new NamedConfiguration("doc-limited",
                Configuration.defaults(invs.spec.Profile.DOC).withTransferLimit(io.vavr.control.Option.some(64)));
        assertFalse(new ReferenceProvider().supports(docWithLimit.configuration()));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Campaign.against("reference", new ReferenceProvider()).configuration(docWithLimit).run());
        assertTrue(refused.getMessage().contains("doc-limited ("), refused.getMessage());
        CampaignResult mixed = Campaign.against("reference", new ReferenceProvider())
                .configurations(io.vavr.collection.Vector.of(docWithLimit, StandardConfigurations.docDefault()))
                .budget(Budget.of(4, 20, 30)).run();
        assertEquals(io.vavr.collection.Vector.of(StandardConfigurations.docDefault()), mixed.boards());
        assertTrue(mixed.refusedBoards().head().startsWith("doc-limited ("), mixed.refusedBoards().toString());
    }
}
