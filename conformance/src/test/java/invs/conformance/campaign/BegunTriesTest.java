package invs.conformance.campaign;

import invs.conformance.board.StandardConfigurations;
import invs.conformance.check.Property;
import invs.conformance.check.Session;
import invs.conformance.fixtures.Pipelining;
import invs.conformance.reference.ReferenceProvider;
import invs.conformance.sut.SystemUnderTest;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.zoo.Mutant;
import invs.conformance.zoo.Zoo;
import invs.spec.Configuration;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Against a system that pipelines, a campaign begins each try before it finishes the one before: two of
 * the system's instances are open at once, and the campaign checks what it checks in process, finds what
 * it finds in process, and closes every instance it opened. A try's batches start small and double.
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
    void aTryBeginsWithSmallBatchesThatDoubleSoThatAnEarlyFailureWastesLittle() {
        Batches passing = new Batches(new ReferenceProvider());
        Campaign.against("reference", passing).seed(5).properties(Vector.of(
                Property.LOCKSTEP)).budget(Budget.of(3, 150, 60)).run();
        List<List<Integer>> tries = passing.sizes.stream().filter(sizes -> !sizes.isEmpty()).toList();
        assertEquals(3, tries.size());
        tries.forEach(sizes -> assertEquals(List.of(8, 16, 32, 64, 30), sizes, "a whole try of 150 inputs"));

        Mutant mutant = Zoo.named("size-counts-header").get();
        Batches failing = new Batches(mutant);
        CampaignResult result = Campaign.against(mutant.name(), failing).seed(99)
                .configuration(StandardConfigurations.docDefault()).budget(Budget.of(50, 100, 60))
                .stopAtFirstFinding(true).run();
        assertFalse(result.findings().isEmpty());
        assertTrue(failing.sizes.stream().anyMatch(sizes -> sizes.equals(List.of(8, 16))),
                "a try that fails within its first inputs is sent 24 inputs, not two batches of 64: " + failing.sizes);
        assertTrue(failing.sizes.stream().allMatch(sizes -> sizes.stream().allMatch(size -> size <= Session.BATCH)));
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
