package invs.conformance.campaign;

import invs.conformance.board.StandardConfigurations;
import invs.conformance.check.Property;
import invs.conformance.check.Session;
import invs.conformance.fixtures.NoGrants;
import invs.conformance.fixtures.Pipelining;
import invs.conformance.reference.ReferenceProvider;
import invs.conformance.sut.SystemUnderTest;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.zoo.Mutant;
import invs.conformance.zoo.Zoo;
import invs.spec.Configuration;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Against a system that pipelines, a campaign begins each try before it finishes the one before: two of
 * the system's instances are open at once, and the campaign checks what it checks in process, finds what
 * it finds in process, and closes every instance it opened. A try's batches start small and double, and
 * so do the next tries' first batches while tries pass.
 */
class BegunTriesTest {

    /** Instances of {@code inner} that say they pipeline, counting how many are open at once. */
    private static final class Counted implements SystemUnderTestFactory {
        private final SystemUnderTestFactory inner;
        private final AtomicInteger open = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();

        Counted(SystemUnderTestFactory inner) {
            this.inner = inner;
        }

        @Override
        public SystemUnderTest create(Configuration configuration) {
            SystemUnderTest system = inner.create(configuration);
            most.accumulateAndGet(open.incrementAndGet(), Math::max);
            return new Pipelining(system, open::decrementAndGet);
        }
    }

    @Test
    void aPipelinedCampaignBeginsTheNextTryFirstAndChecksWhatItChecksInProcess() {
        CampaignResult inProcess = Campaign.against("reference", new ReferenceProvider()).seed(5)
                .budget(Budget.of(40, 150, 60)).run();
        Counted counted = new Counted(new ReferenceProvider());
        CampaignResult pipelined = Campaign.against("reference", counted).seed(5).budget(Budget.of(40, 150, 60)).run();
        assertTrue(inProcess.findings().isEmpty() && pipelined.findings().isEmpty());
        assertEquals(40, pipelined.tries());
        assertEquals(inProcess.statistics().inputs(), pipelined.statistics().inputs());
        assertEquals(inProcess.statistics().syscalls(), pipelined.statistics().syscalls());
        assertTrue(counted.most.get() >= 2, "a try was begun before the one before it finished");
        assertEquals(0, counted.open.get(), "every instance was closed");
    }

    @Test
    void anIsolationScenarioIsBegunBeforeTheOneBeforeItIsFinishedAndFindsWhatItFindsInProcess() {
        Vector<Property> isolation = Vector.of(Property.ISOLATION);
        CampaignResult inProcess = Campaign.against("reference", new ReferenceProvider()).seed(5)
                .properties(isolation).budget(Budget.of(12, 150, 60)).run();
        Counted counted = new Counted(new ReferenceProvider());
        CampaignResult pipelined = Campaign.against("reference", counted).seed(5).properties(isolation)
                .budget(Budget.of(12, 150, 60)).run();
        assertTrue(inProcess.findings().isEmpty() && pipelined.findings().isEmpty());
        assertEquals(12, pipelined.tries());
        assertEquals(inProcess.statistics().inputs(), pipelined.statistics().inputs());
        assertTrue(counted.most.get() >= 3,
                "a scenario (its system and its twin) was begun before the one before it finished: " + counted.most.get());
        assertEquals(0, counted.open.get(), "every instance was closed, twins too");

        Mutant neighbour = Zoo.named("region-of-neighbour").get();
        CampaignResult found = Campaign.against(neighbour.name(), neighbour).seed(5).properties(isolation)
                .budget(Budget.of(12, 150, 60)).run();
        Counted mutants = new Counted(neighbour);
        CampaignResult foundPipelined = Campaign.against(neighbour.name(), mutants).seed(5).properties(isolation)
                .budget(Budget.of(12, 150, 60)).run();
        assertFalse(found.findings().isEmpty());
        assertEquals(found.findings().map(Finding::trace), foundPipelined.findings().map(Finding::trace));
        assertEquals(0, mutants.open.get(), "every instance was closed");
    }

    /** Instances of {@code inner} that pipeline, recording the size of every batch each is sent. */
    private static final class Batches implements SystemUnderTestFactory {
        private final SystemUnderTestFactory inner;
        private final List<List<Integer>> sizes = new CopyOnWriteArrayList<>();

        Batches(SystemUnderTestFactory inner) {
            this.inner = inner;
        }

        @Override
        public SystemUnderTest create(Configuration configuration) {
            List<Integer> mine = new CopyOnWriteArrayList<>();
            sizes.add(mine);
            return new Pipelining(inner.create(configuration), mine::add, () -> { });
        }
    }

    @Test
    void batchesGrowWhileTriesPassUntilATryGoesInOneBatch() {
        Batches passing = new Batches(new ReferenceProvider());
        Campaign.against("reference", passing).seed(5).properties(Vector.of(
                Property.LOCKSTEP)).budget(Budget.of(8, 150, 60)).run();
        List<List<Integer>> tries = passing.sizes.stream().filter(sizes -> !sizes.isEmpty()).toList();
        // try i begins before try i - 1 is finished: its first batch doubles with each try up to i - 2
        assertEquals(List.of(
                List.of(8, 16, 32, 64, 30), List.of(8, 16, 32, 64, 30), List.of(16, 32, 64, 38), List.of(32, 64, 54),
                List.of(64, 64, 22), List.of(128, 22), List.of(150), List.of(150)), tries);

        // a kernel with memory for no grant conforms (D21) but answers otherwise than the reference, which
        // aims the batches: its tries pass, and their batches stay small, so that they keep their aim
        Batches otherwise = new Batches(NoGrants::new);
        CampaignResult result = Campaign.against("no grants", otherwise).seed(5).properties(Vector.of(
                Property.LOCKSTEP)).configuration(StandardConfigurations.docDefault()).budget(Budget.of(6, 150, 60)).run();
        assertTrue(result.findings().isEmpty());
        List<List<Integer>> small = otherwise.sizes.stream().filter(sizes -> !sizes.isEmpty()).toList();
        assertEquals(6, small.size());
        small.forEach(sizes -> assertEquals(List.of(8, 16, 32, 64, 30), sizes, "tries answered otherwise: " + small));
    }

    @Test
    void anIsolationScenarioGoesInOneBatchOncePassingTriesHaveGrownThePace() {
        Batches passing = new Batches(new ReferenceProvider());
        Campaign.against("reference", passing).seed(5).properties(Vector.of(Property.ISOLATION))
                .budget(Budget.of(8, 150, 60)).run();
        // the systems in the order they were made: each scenario's and its twin's (given its subject's share)
        List<List<Integer>> systems = passing.sizes.stream().filter(sizes -> !sizes.isEmpty()).toList();
        assertEquals(Session.BATCH, Math.max(Collections.max(systems.get(0)), Collections.max(systems.get(1))),
                "the first scenario, in batches of 64: " + systems);
        assertTrue(systems.stream().anyMatch(sizes -> sizes.size() == 1 && sizes.get(0) > 2 * Session.BATCH),
                "a later scenario, after passing tries, in one batch: " + systems);
    }

    @Test
    void aTryBegunAfterAFailedTryStartsSmallAgainSoThatAnEarlyFailureWastesLittle() {
        Mutant mutant = Zoo.named("size-counts-header").get();
        Batches failing = new Batches(mutant);
        Map<Long, Boolean> failed = new ConcurrentHashMap<>();
        CampaignListener outcomes = new CampaignListener() {
            @Override
            public void tryFinished(long index, int steps, long syscalls, boolean fails) {
                failed.put(index, fails);
            }
        };
        CampaignResult result = Campaign.against(mutant.name(), failing).seed(99).listener(outcomes)
                .properties(Vector.of(Property.LOCKSTEP)).configuration(StandardConfigurations.docDefault())
                .budget(Budget.of(40, 100, 60)).run();
        assertFalse(result.findings().isEmpty());
        // the tries' systems, in the order they began (shrinking's come after them)
        List<List<Integer>> tries = failing.sizes.stream().filter(sizes -> !sizes.isEmpty()).limit(40).toList();
        int afterFailure = 0;
        for (int index = 2; index < tries.size(); index++) {
            if (failed.get((long) index - 2)) {
                afterFailure++;
                assertEquals(BatchPace.SMALLEST, tries.get(index).get(0),
                        "try " + index + " begins after try " + (index - 2) + " failed: " + tries);
            }
        }
        assertTrue(afterFailure >= 5, "tries failed: " + failed);
        assertTrue(tries.stream().anyMatch(sizes -> sizes.get(0) > BatchPace.SMALLEST),
                "tries that passed between the failures made the next ones' batches larger: " + tries);

        Batches stopping = new Batches(mutant);
        CampaignResult first = Campaign.against(mutant.name(), stopping).seed(99)
                .properties(Vector.of(Property.LOCKSTEP)).configuration(StandardConfigurations.docDefault()).budget(Budget.of(50, 100, 60))
                .stopAtFirstFinding(true).run();
        assertFalse(first.findings().isEmpty());
        assertTrue(stopping.sizes.stream().anyMatch(sizes -> sizes.equals(List.of(8, 16))),
                "a try that fails within its first inputs is sent 24 inputs, not two batches of 64: " + stopping.sizes);
    }

    @Test
    void aCampaignThatStopsAtItsFirstFindingAbandonsTheTryItHadBegun() {
        Mutant mutant = Zoo.named("size-counts-header").get();
        CampaignResult inProcess = Campaign.against(mutant.name(), mutant).seed(99)
                .configuration(StandardConfigurations.docDefault()).budget(Budget.of(50, 100, 60))
                .stopAtFirstFinding(true).run();
        Counted counted = new Counted(mutant);
        CampaignResult pipelined = Campaign.against(mutant.name(), counted).seed(99)
                .configuration(StandardConfigurations.docDefault()).budget(Budget.of(50, 100, 60))
                .stopAtFirstFinding(true).run();
        assertFalse(inProcess.findings().isEmpty());
        assertEquals(inProcess.tries(), pipelined.tries(), "the try begun after the finding is not counted");
        assertEquals(inProcess.statistics().sequences(), pipelined.statistics().sequences(),
                "nor is it counted as a sequence checked");
        assertEquals(inProcess.findings().head().trace(), pipelined.findings().head().trace());
        assertEquals(0, counted.open.get(), "every instance was closed, the abandoned one too");
    }
}
