package invs.conformance.bench;

import invs.conformance.campaign.Budget;
import invs.conformance.campaign.Campaign;
import invs.conformance.campaign.CampaignResult;
import invs.conformance.board.NamedConfiguration;
import invs.conformance.check.Property;
import invs.conformance.board.StandardConfigurations;
import invs.conformance.reference.ReferenceProvider;
import io.vavr.collection.Vector;

import java.time.Duration;

/**
 * Lockstep throughput against the reference implementation on one thread: system calls checked per
 * second (generation, the implementation, the model and the other online properties included), and the
 * model's share of the time. Arguments: seconds to measure (default 20), then the configuration names
 * (default all standard ones). Run with {@code ./build bench} or directly with the test class path.
 */
public final class LockstepBenchmark {
    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 20;
        Vector<NamedConfiguration> configurations = args.length > 1
                ? Vector.of(args).drop(1).map(name -> StandardConfigurations.named(name).getOrElseThrow(
                        () -> new IllegalArgumentException("no configuration " + name)))
                : StandardConfigurations.all();
        run(configurations, Duration.ofSeconds(Math.max(1, seconds / 2)), Property.online(), "warm-up");
        run(configurations, Duration.ofSeconds(seconds), Vector.of(Property.LOCKSTEP), "lockstep only");
        run(configurations, Duration.ofSeconds(seconds), Property.online(), "lockstep + liveness + durability");
        run(configurations, Duration.ofSeconds(seconds), Vector.of(Property.LOCKSTEP), "lockstep only");
    }

    private static void run(Vector<NamedConfiguration> configurations, Duration time, Vector<Property> properties,
                            String label) {
        CampaignResult result = Campaign.against("reference", new ReferenceProvider())
                .configurations(configurations)
                .seed(System.nanoTime())
                .budget(new Budget(Integer.MAX_VALUE, 200, time))
                .properties(properties)
                .run();
        var statistics = result.statistics();
        double wall = result.triesTime().toNanos() / 1e9;
        System.out.printf("%-34s %9d syscalls in %5.1f s: %8.0f syscalls/s (wall), %8.0f syscalls/s (checking);"
                        + " %8.0f inputs/s; model %4.1f%%, system %4.1f%%, other %4.1f%%; widest frontier %d; %d findings%n",
                label, statistics.syscalls(), wall, statistics.syscalls() / wall, result.syscallsPerSecond(),
                statistics.inputs() / wall, 100 * statistics.modelShare(),
                100.0 * statistics.systemTime().toNanos() / total(statistics),
                100.0 * statistics.otherTime().toNanos() / total(statistics), statistics.widestFrontier(),
                result.findings().size());
    }

    private static double total(invs.conformance.coverage.Statistics statistics) {
        return statistics.modelTime().toNanos() + statistics.systemTime().toNanos() + statistics.otherTime().toNanos();
    }
}
