package invs.conformance.campaign;

import invs.conformance.board.StandardConfigurations;
import invs.conformance.check.Property;
import invs.conformance.reference.ReferenceProvider;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.zoo.Zoo;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShardTest {
    @Test
    void shardsPartitionTheTriesOfACampaign() {
        for (int count = 1; count <= 7; count++) {
            for (long tries : new long[] {1, 5, 37, 100}) {
                Set<Long> seen = new HashSet<>();
                long total = 0;
                for (int index = 0; index < count; index++) {
                    Shard shard = new Shard(index, count);
                    for (long position = 0; position < shard.triesOf(tries); position++) {
                        long tryIndex = shard.tryAt(position);
                        total++;
                        assertTrue(shard.owns(tryIndex));
                        assertTrue(tryIndex < tries);
                        assertTrue(seen.add(tryIndex), "try " + tryIndex + " is in two shards");
                    }
                }
                assertEquals(tries, total, count + " shards of " + tries);
                assertEquals(tries, seen.size());
            }
        }
    }

    @Test
    void shardsOnThreadsTogetherRunExactlyTheWholeCampaign() {
        CampaignResult whole = run(new ReferenceProvider(), Shard.whole(), 12, 1);
        long inputs = 0;
        long syscalls = 0;
        long tries = 0;
        for (int index = 0; index < 3; index++) {
            CampaignResult part = run(new ReferenceProvider(), new Shard(index, 3), 12, 2);
            assertTrue(part.complete());
            inputs += part.statistics().inputs();
            syscalls += part.statistics().syscalls();
            tries += part.tries();
        }
        assertEquals(12, whole.tries());
        assertEquals(whole.tries(), tries);
        assertEquals(whole.statistics().inputs(), inputs);
        assertEquals(whole.statistics().syscalls(), syscalls);
    }

    @Test
    void findingsAreKeptOncePerRuleAndCounted() {
        var mutant = Zoo.named("size-counts-header").get();
        CampaignResult result = run(mutant, Shard.whole(), 16, 2);
        assertEquals(1, result.findings().size(), result.report());
        Finding finding = result.findings().head();
        assertEquals("lockstep:SUBSCRIBE_0_SUCCESS", finding.key());
        assertTrue(finding.occurrences() >= 2, "occurrences " + finding.occurrences());
        assertTrue(finding.origin().matches("try [0-9]+"), finding.origin());
        assertTrue(finding.trace().length() < finding.originalLength());
    }

    @Test
    void aBaselineThatFailsTheSameWayHidesTheFinding() {
        var mutant = Zoo.named("size-counts-header").get();
        assertEquals(1, campaign(mutant, Shard.whole(), 4, 1).run().findings().size());
        assertEquals(0, campaign(mutant, Shard.whole(), 4, 1).baseline(mutant).run().findings().size());
        assertEquals("lockstep:SUBSCRIBE_0_SUCCESS", campaign(mutant, Shard.whole(), 4, 1)
                .baseline(new ReferenceProvider()).run().findings().head().key());
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
        // a campaign bounded by its time alone: Long.MAX_VALUE tries, shared out without overflow
        assertEquals(Long.MAX_VALUE / 2 + 1, new Shard(0, 2).triesOf(Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE / 2, new Shard(1, 2).triesOf(Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE / 7, new Shard(0, 7).triesOf(Long.MAX_VALUE)); // 7 divides 2^63 - 1
        assertEquals(Long.MAX_VALUE, new Shard(0, 1).triesOf(Long.MAX_VALUE));
    }

    private static CampaignResult run(SystemUnderTestFactory factory, Shard shard, long tries, int threads) {
        return campaign(factory, shard, tries, threads).run();
    }

    private static CampaignBuilder campaign(SystemUnderTestFactory factory, Shard shard, long tries, int threads) {
        return Campaign.against("test", factory).configurations(StandardConfigurations.all())
                .boardMode(BoardMode.BOTH).swarm(true).seed(0x50004L).budget(new Budget(tries, 50, Duration.ofMinutes(5)))
                .shard(shard).threads(threads).shrinkTime(Duration.ofSeconds(5)).properties(Vector.of(Property.values()));
    }
}
