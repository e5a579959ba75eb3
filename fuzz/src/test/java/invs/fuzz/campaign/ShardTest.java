package invs.fuzz.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.campaign.Budget;
import invs.conformance.campaign.Campaign;
import invs.conformance.check.Property;
import invs.conformance.board.StandardConfigurations;
import invs.conformance.reference.ReferenceProvider;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.zoo.Zoo;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShardTest {
    @Test
    void shardsPartitionTheTriesOfACampaign() {
        for (int count = 1; count <= 7; count++) {
            for (long tries : new long[] {1, 5, 37, 100}) {
                Set<Long> seen = new HashSet<>();
                long total = 0;
                for (int index = 0; index < count; index++) {
                    Shard shard = new Shard(index, count);
                    Vector<Long> planned = ShardedCampaign.plannedTries(shard, tries);
                    total += planned.size();
                    for (long tryIndex : planned) {
                        assertTrue(shard.owns(tryIndex));
                        assertTrue(seen.add(tryIndex), "try " + tryIndex + " is in two shards");
                    }
                }
                assertEquals(tries, total, count + " shards of " + tries);
                assertEquals(tries, seen.size());
            }
        }
    }

    @Test
    void shardsTogetherRunExactlyTheWholeCampaign() {
        CampaignOutcome whole = run(Shard.whole(), 12, 1);
        long inputs = 0;
        long syscalls = 0;
        long tries = 0;
        for (int index = 0; index < 3; index++) {
            CampaignOutcome part = run(new Shard(index, 3), 12, 2);
            assertTrue(part.complete());
            inputs += part.statistics().inputs();
            syscalls += part.statistics().syscalls();
            tries += part.tries();
        }
        assertEquals(whole.tries(), tries);
        assertEquals(whole.statistics().inputs(), inputs);
        assertEquals(whole.statistics().syscalls(), syscalls);
        assertEquals(12, whole.tries());
    }

    @Test
    void theWholeCampaignRunsTheTriesOfTheEnginesCampaign() {
        var engine = Campaign.against("reference", new ReferenceProvider())
                .configurations(StandardConfigurations.all()).seed(42).budget(Budget.of(9, 50, 600))
                .properties(Vector.of(Property.LOCKSTEP)).run();
        CampaignOutcome ours = new ShardedCampaign(settings(new ReferenceProvider(), Shard.whole(), 9, 3, 42,
                Vector.of(Property.LOCKSTEP)), new CampaignCounters()).run();
        assertEquals(engine.statistics().inputs(), ours.statistics().inputs());
        assertEquals(engine.statistics().outcomes(), ours.statistics().outcomes());
    }

    @Test
    void findingsAreDeduplicatedByRuleAndCounted() {
        var mutant = Zoo.named("size-counts-header").get();
        CampaignOutcome outcome = new ShardedCampaign(settings(mutant, Shard.whole(), 8, 2, 7,
                Vector.of(Property.values())), new CampaignCounters()).run();
        assertEquals(1, outcome.findings().size(), outcome.findings().toString());
        var finding = outcome.findings().head();
        assertEquals("lockstep:SUBSCRIBE_0_SUCCESS", finding.finding().key());
        assertTrue(finding.finding().occurrences() >= 2, "occurrences " + finding.finding().occurrences());
        assertTrue(finding.origin().origin().matches("try [0-7]"), finding.origin().origin());
        assertTrue(finding.finding().trace().length() < finding.finding().originalLength());
    }

    @Test
    void aBaselineThatFailsTheSameWayHidesTheFinding() {
        var mutant = Zoo.named("size-counts-header").get();
        CampaignSettings plain = settings(mutant, Shard.whole(), 4, 1, 7, Vector.of(Property.LOCKSTEP));
        assertEquals(1, new ShardedCampaign(plain, new CampaignCounters()).run().findings().size());
        CampaignSettings withBaseline = new CampaignSettings(plain.system(), plain.factory(), plain.configurations(),
                plain.seed(), plain.tries(), plain.steps(), plain.time(), plain.shard(), plain.threads(),
                plain.shrinkTime(), plain.properties(), plain.traces(), Option.some(mutant));
        assertEquals(0, new ShardedCampaign(withBaseline, new CampaignCounters()).run().findings().size());
        CampaignSettings referenceBaseline = new CampaignSettings(plain.system(), plain.factory(), plain.configurations(),
                plain.seed(), plain.tries(), plain.steps(), plain.time(), plain.shard(), plain.threads(),
                plain.shrinkTime(), plain.properties(), plain.traces(), Option.some(new ReferenceProvider()));
        assertEquals("lockstep:SUBSCRIBE_0_SUCCESS",
                new ShardedCampaign(referenceBaseline, new CampaignCounters()).run().findings().head().finding().key());
    }

    @Test
    void aShardIsWrittenIOverN() {
        assertEquals(new Shard(2, 5), Shard.parse("2/5"));
        assertEquals("2/5", new Shard(2, 5).toString());
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("5/5"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("-1/5"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("1"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("a/b"));
        assertEquals(3, new Shard(1, 3).triesOf(8));
        assertEquals(0, new Shard(4, 5).triesOf(4));
    }

    private static CampaignOutcome run(Shard shard, long tries, int threads) {
        return new ShardedCampaign(settings(new ReferenceProvider(), shard, tries, threads, 0x50004L,
                Vector.of(Property.values())), new CampaignCounters()).run();
    }

    private static CampaignSettings settings(SystemUnderTestFactory factory, Shard shard, long tries,
                                             int threads, long seed, Vector<Property> properties) {
        return new CampaignSettings("test", factory, StandardConfigurations.all(), seed, tries, 50, Duration.ofMinutes(5),
                shard, threads, Duration.ofSeconds(5), properties, Option.none(), Option.none());
    }
}
