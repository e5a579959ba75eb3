package invs.fuzz.bench;

import invs.conformance.campaign.Budget;
import invs.conformance.campaign.Campaign;
import invs.conformance.campaign.CampaignResult;

import invs.conformance.check.Property;
import invs.conformance.board.StandardConfigurations;
import invs.conformance.reference.ReferenceProvider;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.fuzz.protocol.ExternalProvider;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Campaign throughput, in system calls checked per second of wall-clock time: the reference implementation
 * in process, and the same implementation served by {@code invs serve} in a child process and driven over
 * the out-of-process protocol. Each figure follows a warm-up; campaigns run on every standard configuration
 * with all properties, as {@code invs fuzz} does.
 *
 * <p>Usage: {@code CampaignBenchmark [SECONDS [WARMUP_SECONDS [THREADS]]]} (defaults 10, 5, 1); run by
 * {@code scripts/bench-fuzz.sh}.
 */
public final class CampaignBenchmark {
    private CampaignBenchmark() {
    }

    /** Runs the benchmark and prints one line per figure. */
    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        System.out.printf(Locale.ROOT, "campaign throughput, %d thread%s, %d s after %d s of warm-up, JDK %s%n", threads,
                threads == 1 ? "" : "s", seconds, warmup, Runtime.version());
        report("in process", measure(new ReferenceProvider(), seconds, warmup, threads));
        try (ExternalProvider served = new ExternalProvider(serveCommand(), Duration.ofSeconds(10),
                Duration.ofSeconds(60), false)) {
            served.preflight();
            report("over the protocol (invs serve, one server per thread, reset between sequences)",
                    measure(served, seconds, warmup, threads));
        }
    }

    private static CampaignResult measure(SystemUnderTestFactory factory, int seconds, int warmup, int threads) {
        if (warmup > 0) {
            run(factory, warmup, threads, 1);
        }
        return run(factory, seconds, threads, 2);
    }

    private static CampaignResult run(SystemUnderTestFactory factory, int seconds, int threads, long seed) {
        return Campaign.against("benchmark", factory).configurations(StandardConfigurations.all()).seed(seed)
                .budget(new Budget(Long.MAX_VALUE, 150, Duration.ofSeconds(seconds))).threads(threads)
                .shrinkTime(Duration.ofSeconds(1)).properties(Vector.of(Property.values())).run();
    }

    private static void report(String what, CampaignResult outcome) {
        System.out.printf(Locale.ROOT, "%-84s %,10.0f system calls checked/s (%,d system calls, %,d inputs, %,d tries in %.1f s)%n",
                what + ":", outcome.syscallsPerSecond(), outcome.statistics().syscalls(), outcome.statistics().inputs(),
                outcome.tries(), outcome.triesTime().toNanos() / 1e9);
    }

    private static String serveCommand() {
        return quoted(Path.of(System.getProperty("java.home"), "bin", "java").toString()) + " -cp "
                + quoted(System.getProperty("java.class.path")) + " invs.fuzz.Main serve";
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
