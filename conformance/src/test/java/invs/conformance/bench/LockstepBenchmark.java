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
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lockstep throughput against the reference implementation on one thread: system calls checked per
 * second (generation, the implementation, the model and the other online properties included), and the
 * model's share of the time; then what checking costs against the implementation alone on the same
 * sequences ({@link LockstepCost}), and the bytes each way allocates per input. Arguments: seconds to
 * measure (default 20), then the configuration names (default all standard ones); or {@code cost} for the
 * cost alone, or {@code cost N} for the cost in N fresh JVMs and their median, or {@code parts} for the cost
 * of each part of the checking ({@link LockstepCostParts}). The cost is measured once
 * both ways run at a steady rate (a warm-up of passes over the sequences first, up to 90 s). Run with
 * {@code ./build bench} or directly with the test class path.
 */
public final class LockstepBenchmark {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("parts")) {
            if (args.length > 1) {
                System.err.println("usage: LockstepBenchmark parts");
                System.exit(2);
            }
            LockstepCostParts.print(StandardConfigurations.all(), COST_ROUNDS);
            return;
        }
        if (args.length > 0 && args[0].equals("cost")) {
            int jvms = args.length > 1 && args[1].matches("[1-9][0-9]{0,2}") ? Integer.parseInt(args[1]) : 0;
            if (args.length > 2 || args.length == 2 && jvms == 0) {
                System.err.println("usage: LockstepBenchmark cost [JVMS] (JVMS from 1 to 999)");
                System.exit(2);
            }
            if (jvms > 1) {
                costInJvms(jvms);
            } else {
                cost(StandardConfigurations.all(), COST_ROUNDS);
            }
            return;
        }
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 20;
        Vector<NamedConfiguration> configurations = args.length > 1
                ? Vector.of(args).drop(1).map(name -> StandardConfigurations.named(name).getOrElseThrow(
                        () -> new IllegalArgumentException("no configuration " + name)))
                : StandardConfigurations.all();
        run(configurations, Duration.ofSeconds(Math.max(1, seconds / 2)), Property.online(), "warm-up");
        run(configurations, Duration.ofSeconds(seconds), Vector.of(Property.LOCKSTEP), "lockstep only");
        run(configurations, Duration.ofSeconds(seconds), Property.online(), "lockstep + liveness + durability");
        run(configurations, Duration.ofSeconds(seconds), Vector.of(Property.LOCKSTEP), "lockstep only");
        cost(configurations, COST_ROUNDS);
    }

    /** Rounds of the cost measurement (each times the implementation alone, then checking). */
    private static final int COST_ROUNDS = 7;
    /**
     * How many times each round runs the implementation alone over the sequences (the mean is its time): once
     * takes a few tens of milliseconds, too short to time steadily on a shared machine.
     */
    static final int ALONE_REPEATS = 8;

    /**
     * Prints what checking costs against running the implementation alone on the same sequences: 50
     * sequences of 200 inputs per configuration, timed both ways in each round (the implementation alone
     * {@link #ALONE_REPEATS} times); the median ratio.
     */
    private static void cost(Vector<NamedConfiguration> configurations, int rounds) {
        ReferenceProvider reference = new ReferenceProvider();
        LockstepCost cost = LockstepCost.generate(reference, configurations, 50, 200, 1);
        double[] ratios = new double[rounds];
        double[] aloneRates = new double[rounds];
        double[] checkedRates = new double[rounds];
        invs.conformance.coverage.Statistics statistics = new invs.conformance.coverage.Statistics();
        warmUp(cost);
        for (int round = 0; round < rounds; round++) {
            long alone = 0;
            for (int repeat = 0; repeat < ALONE_REPEATS; repeat++) {
                alone += cost.alone();
            }
            alone /= ALONE_REPEATS;
            long checked = cost.checked(statistics);
            ratios[round] = (double) checked / alone;
            aloneRates[round] = cost.inputs() / (alone / 1e9);
            checkedRates[round] = cost.inputs() / (checked / 1e9);
        }
        System.out.printf("same sequences (%d inputs), median of %d rounds: implementation alone %,.0f inputs per CPU second,"
                        + " checked (lockstep + liveness + durability + robustness) %,.0f; widest frontier %d%n",
                cost.inputs(), rounds, LockstepCost.median(aloneRates), LockstepCost.median(checkedRates),
                statistics.widestFrontier());
        System.out.printf("lockstep cost: %.1f× the implementation alone%n", LockstepCost.median(ratios));
        System.out.println("Java's collector in this JVM: " + java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()
                .stream().map(java.lang.management.GarbageCollectorMXBean::getName).toList()
                + " (the ratio depends on it: docs/performance.md, \"The launcher's collector\")");
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadAllocatedBytes();
        cost.alone();
        long alone = threads.getCurrentThreadAllocatedBytes() - start;
        start = threads.getCurrentThreadAllocatedBytes();
        cost.checked(new invs.conformance.coverage.Statistics());
        long checked = threads.getCurrentThreadAllocatedBytes() - start;
        System.out.printf("bytes allocated per input: implementation alone %,d, checked %,d%n",
                alone / cost.inputs(), checked / cost.inputs());
    }

    /** The longest warm-up of {@link #cost}, in seconds. */
    private static final int WARMUP_SECONDS = 90;
    /** How many passes of the warm-up are compared with as many before them. */
    private static final int WARMUP_WINDOW = 20;

    /**
     * Runs both ways over the sequences until checking runs at a steady rate: until the median rate of the
     * last {@link #WARMUP_WINDOW} passes is no more than 3% above the median of the ones before them, or
     * {@link #WARMUP_SECONDS} have passed. The implementation alone is small and compiled within a few
     * passes; the specification and the oracles take the JIT far longer: a single pass of each, as this
     * benchmark warmed up before, left checking at about half its steady rate (about 60 passes, 5 s, to
     * reach it on a two-core machine), so the ratio it printed set a compiled implementation against a
     * checker still being compiled. Prints how many passes it took.
     */
    static void warmUp(LockstepCost cost) {
        long end = System.nanoTime() + WARMUP_SECONDS * 1_000_000_000L;
        java.util.List<Double> rates = new java.util.ArrayList<>();
        while (System.nanoTime() < end) {
            cost.alone();
            rates.add(cost.inputs() / (cost.checked(new invs.conformance.coverage.Statistics()) / 1e9));
            int size = rates.size();
            if (size >= 2 * WARMUP_WINDOW && median(rates.subList(size - WARMUP_WINDOW, size))
                    <= 1.03 * median(rates.subList(size - 2 * WARMUP_WINDOW, size - WARMUP_WINDOW))) {
                break;
            }
        }
        System.out.printf("warm-up: %d passes of both ways over the sequences, checking at %,.0f inputs per CPU"
                + " second at the end%n", rates.size(), median(rates.subList(Math.max(0, rates.size() - WARMUP_WINDOW),
                rates.size())));
    }

    private static double median(java.util.List<Double> values) {
        return LockstepCost.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * {@link #cost} in {@code jvms} fresh JVMs one after the other, each line they print shown with its JVM's
     * number; then the median of their ratios, in the line a single run prints.
     */
    private static void costInJvms(int jvms) {
        double[] ratios = new double[jvms];
        for (int jvm = 0; jvm < jvms; jvm++) {
            ratios[jvm] = Double.NaN;
            for (String line : ForkedRuns.run(LockstepBenchmark.class, "cost")) {
                System.out.println("JVM " + (jvm + 1) + ": " + line);
                Matcher ratio = COST_LINE.matcher(line);
                if (ratio.matches()) {
                    ratios[jvm] = Double.parseDouble(ratio.group(1));
                }
            }
            if (Double.isNaN(ratios[jvm])) {
                throw new IllegalStateException("JVM " + (jvm + 1) + " printed no cost line");
            }
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        System.out.printf("lockstep cost: %.1f× the implementation alone (median of %d JVMs; from %.1f× to %.1f×)%n",
                LockstepCost.median(ratios), jvms, sorted[0], sorted[jvms - 1]);
    }

    /** The line {@link #cost} ends its figures with. */
    private static final Pattern COST_LINE = Pattern.compile("lockstep cost: ([0-9.]+)× the implementation alone");

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
