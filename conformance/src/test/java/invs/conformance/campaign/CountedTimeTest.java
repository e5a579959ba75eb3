package invs.conformance.campaign;

import invs.conformance.check.Property;
import invs.conformance.coverage.Statistics;
import invs.conformance.fixtures.Pipelining;
import invs.conformance.reference.ReferenceProvider;
import invs.conformance.sut.SystemUnderTestFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A campaign's split of the checking time counts each part of a try once. */
class CountedTimeTest {
    private static final long SEND_NANOS = Duration.ofMillis(20).toNanos();

    @Test
    void sendingABatchToAPipeliningSystemIsTheSystemsTimeAndNotTheGeneratorsToo() {
        ReferenceProvider reference = new ReferenceProvider();
        AtomicInteger sends = new AtomicInteger();
        SystemUnderTestFactory slowToSend = configuration -> new Pipelining(reference.create(configuration),
                size -> {
                    sends.incrementAndGet();
                    LockSupport.parkNanos(SEND_NANOS);
                }, () -> { });
        // Online properties only: an isolation scenario's twin system is sent its share by an oracle.
        CampaignResult result = Campaign.against("reference", slowToSend).seed(5).properties(Property.online())
                .budget(Budget.of(4, 150, 60)).run();
        Statistics statistics = result.statistics();
        long sent = (long) sends.get() * SEND_NANOS;
        assertTrue(sends.get() >= 8, sends + " batches sent");
        assertTrue(statistics.systemTime().toNanos() >= sent,
                "the system's time " + statistics.systemTime() + " holds the " + sends + " sends");
        // Counted twice, the sends alone would make the rest at least as long; the generator and the other
        // oracles take a few milliseconds here.
        assertTrue(statistics.otherTime().toNanos() < sent / 2,
                "the rest, " + statistics.otherTime() + ", does not hold the sends (" + Duration.ofNanos(sent) + ")");
    }
}
