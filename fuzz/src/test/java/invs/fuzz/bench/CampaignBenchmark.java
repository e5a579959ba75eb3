package invs.fuzz.bench;

import invs.conformance.board.StandardConfigurations;
import invs.conformance.campaign.Budget;
import invs.conformance.campaign.Campaign;
import invs.conformance.campaign.CampaignResult;
import invs.conformance.check.Property;
import invs.conformance.reference.ReferenceProvider;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.fuzz.ChildJava;
import invs.fuzz.protocol.ExternalProvider;
import io.vavr.collection.Vector;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Campaign throughput, in system calls checked per second of wall-clock time: the reference implementation
 * in process, and the same implementation served by {@code invs serve} in a child process and driven over
 * the out-of-process protocol, one request at a time and pipelined; and in process again, driven as a
 * pipelining server is (in batches aimed by a forecast, {@link InBatches}), which tells what the batches
 * cost from what the protocol costs. Campaigns run on every standard
 * configuration with all properties, as {@code invs fuzz} does, or with the properties named (then, for
 * example, {@code isolation} alone runs isolation scenarios only).
 *
 * <p>Each way is warmed up first, in runs of SECONDS until three runs in a row are no more than 10% faster
 * than the fastest run before them (or WARMUP_SECONDS have passed): over the protocol, three Java virtual
 * machines (invs and two servers, the second for the isolation checks) compile their code, which takes a
 * minute or more on a busy machine, and two slow runs in a row that agree do not mean it is done. The
 * server processes are kept for the whole benchmark. Then the four ways run in turn for several rounds, so
 * that a machine whose load changes treats them alike, and the benchmark prints each round, the median
 * rates with the processor time per system call, and the median of the rounds' ratios of protocol to
 * in-process rate; with each round, and for all of them, the share of the machine's processor time the
 * host took for other guests ({@link HostSteal}).
 *
 * <p>Usage: {@code CampaignBenchmark [SECONDS [WARMUP_SECONDS [THREADS [ROUNDS [PROPERTIES]]]]]} (defaults 5,
 * 120, 1, 3, all; PROPERTIES as {@code invs fuzz --properties} takes them, for example
 * {@code isolation,robustness}); run by {@code scripts/bench-fuzz.sh}.
 */
public final class CampaignBenchmark {
    private static final String[] WAYS = {"in process", "over the protocol, one request at a time",
            "over the protocol, pipelined", "in process, in batches"};

    /**
     * The Java options of the servers: {@code invs.serve-options} (words), which {@code scripts/bench-fuzz.sh}
     * sets to what {@code ./invs serve} gives Java, as it runs this benchmark with what {@code ./invs fuzz} gives.
     */
    private static final List<String> SERVER_OPTIONS = words(System.getProperty("invs.serve-options", ""));

    private CampaignBenchmark() {
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }

    /** This JVM's options but its system properties (its collector among them). */
    private static List<String> ownJavaOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> !option.startsWith("-D")).toList();
    }

    private static String shown(List<String> options) {
        return options.isEmpty() ? "(none: Java's defaults)" : String.join(" ", options);
    }

    /** Runs the benchmark and prints its figures. */
    public static void main(String[] args) {
        int seconds;
        int warmup;
        int threads;
        int rounds;
        Vector<Property> properties;
        try {
            seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
            warmup = args.length > 1 ? Integer.parseInt(args[1]) : 120;
            threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
            rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
            properties = args.length > 4 ? properties(args[4]) : Vector.of(Property.values());
        } catch (IllegalArgumentException e) {
            System.err.println("bench-fuzz: " + e.getMessage()
                    + " (usage: [SECONDS [WARMUP_SECONDS [THREADS [ROUNDS [PROPERTIES]]]]])");
            System.exit(2);
            return;
        }
        System.out.printf(Locale.ROOT, "campaign throughput, %d thread%s, %d round%s of %d s each after a warm-up of at"
                        + " most %d s, properties %s, JDK %s%n", threads, threads == 1 ? "" : "s", rounds,
                rounds == 1 ? "" : "s", seconds, warmup, properties.map(Property::label).mkString(","), Runtime.version());
        System.out.printf(Locale.ROOT, "Java options: invs %s, its servers %s%n", shown(ownJavaOptions()),
                shown(SERVER_OPTIONS));
        try (ExternalProvider oneByOne = served(false); ExternalProvider pipelined = served(true)) {
            SystemUnderTestFactory[] factories = {new ReferenceProvider(), oneByOne, pipelined,
                    new InBatches(new ReferenceProvider())};
            for (int way = 0; way < WAYS.length; way++) {
                warmUp(WAYS[way], factories[way], seconds, warmup, threads, properties);
            }
            double[][] rates = new double[WAYS.length][rounds];
            double[][] costs = new double[WAYS.length][rounds];
            HostSteal start = HostSteal.now();
            for (int round = 0; round < rounds; round++) {
                HostSteal roundStart = HostSteal.now();
                StringBuilder line = new StringBuilder("round " + (round + 1) + ":");
                for (int way = 0; way < WAYS.length; way++) {
                    long cpu = processorTime();
                    CampaignResult result = run(factories[way], seconds, threads, 2 + round, properties);
                    rates[way][round] = result.syscallsPerSecond();
                    costs[way][round] = (processorTime() - cpu) / 1e3 / Math.max(1, result.statistics().syscalls());
                    line.append(String.format(Locale.ROOT, "  %s %,.0f/s", WAYS[way], rates[way][round]));
                }
                System.out.println(line + "  (" + HostSteal.now().since(roundStart) + ")");
            }
            System.out.println("the host took this share of the machine's processor time during the rounds: "
                    + HostSteal.now().since(start) + " (a run with a tenth or more compares with no other)");
            System.out.println("median system calls checked per second, and processor time per system call (invs and"
                    + " its servers, all threads):");
            for (int way = 0; way < WAYS.length; way++) {
                System.out.printf(Locale.ROOT, "  %-44s %,10.0f/s %8.1f µs%n", WAYS[way] + ":", median(rates[way]),
                        median(costs[way]));
            }
            System.out.printf(Locale.ROOT, "protocol / in process (median of the rounds' ratios): pipelined %.2f,"
                    + " one request at a time %.2f%n", medianRatio(rates[2], rates[0]), medianRatio(rates[1], rates[0]));
            System.out.printf(Locale.ROOT, "in process, in batches aimed by a forecast as over the protocol pipelined,"
                    + " / in process: %.2f%n", medianRatio(rates[3], rates[0]));
        }
    }

    /**
     * Runs campaigns of {@code seconds} until three in a row are no more than 10% faster than the fastest
     * before them, for at most {@code limit} seconds.
     */
    private static void warmUp(String way, SystemUnderTestFactory factory, int seconds, int limit, int threads,
                               Vector<Property> properties) {
        long end = System.nanoTime() + limit * 1_000_000_000L;
        double fastest = 0;
        double last = 0;
        int runs = 0;
        for (int flatRuns = 0; flatRuns < 3 && System.nanoTime() < end; runs++) {
            last = run(factory, seconds, threads, 1000 + runs, properties).syscallsPerSecond();
            flatRuns = last > 1.1 * fastest ? 0 : flatRuns + 1;
            fastest = Math.max(fastest, last);
        }
        System.out.printf(Locale.ROOT, "warm-up %s: %d runs, last %,.0f/s, fastest %,.0f/s%n", way, runs, last, fastest);
    }

    /** {@code invs serve} in child processes of this JVM, pipelined when the server announces it and {@code pipelining}. */
    private static ExternalProvider served(boolean pipelining) {
        ExternalProvider provider = new ExternalProvider(ChildJava.serve(SERVER_OPTIONS), Duration.ofSeconds(10), Duration.ofSeconds(60),
                false, pipelining);
        provider.preflight();
        return provider;
    }

    private static CampaignResult run(SystemUnderTestFactory factory, int seconds, int threads, long seed,
                                      Vector<Property> properties) {
        return Campaign.against("benchmark", factory).configurations(StandardConfigurations.all()).seed(seed)
                .budget(new Budget(Long.MAX_VALUE, 150, Duration.ofSeconds(seconds))).threads(threads)
                .shrinkTime(Duration.ofSeconds(1)).properties(properties).run();
    }

    /** The properties labelled in {@code labels}, separated by commas. */
    private static Vector<Property> properties(String labels) {
        return Vector.of(labels.split(",")).map(label -> Property.ofLabel(label.strip())
                .getOrElseThrow(() -> new IllegalArgumentException("no property \"" + label + "\"; the properties: "
                        + Vector.of(Property.values()).map(Property::label).mkString(", "))));
    }

    /** The processor time of this JVM and of its child processes so far, in nanoseconds. */
    private static long processorTime() {
        long own = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class).getProcessCpuTime();
        return own + ProcessHandle.current().descendants()
                .mapToLong(child -> child.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double medianRatio(double[] over, double[] under) {
        double[] ratios = new double[over.length];
        for (int i = 0; i < over.length; i++) {
            ratios[i] = over[i] / under[i];
        }
        return median(ratios);
    }
}
