package invs.conformance.bench;

import invs.conformance.board.NamedConfiguration;
import invs.conformance.check.Checks;
import invs.conformance.check.Property;
import invs.conformance.check.Run;
import invs.conformance.check.Session;
import invs.conformance.coverage.Statistics;
import invs.conformance.generation.InputGenerator;
import invs.conformance.sut.SystemUnderTest;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.spec.Configuration;
import invs.spec.Input;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;

import java.util.Arrays;

/**
 * What lockstep checking costs against running the implementation alone, on the same sequences: the
 * sequences are generated once with the full mix of a campaign's default generator (aimed by the
 * implementation's answers, as a campaign aims them), then each round times the implementation answering
 * them with nothing checked, and a {@link Session} checking them with the online properties (lockstep,
 * liveness, durability, robustness). The cost is the median over the rounds of the ratio of the two
 * times. Times are the thread's CPU time, which other work on a shared machine disturbs less than wall
 * time.
 */
final class LockstepCost {
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private final SystemUnderTestFactory factory;
    private final Vector<Tuple2<Configuration, Vector<Input>>> sequences;

    private LockstepCost(SystemUnderTestFactory factory, Vector<Tuple2<Configuration, Vector<Input>>> sequences) {
        this.factory = factory;
        this.sequences = sequences;
    }

    /** {@code count} sequences of {@code steps} inputs per configuration, from {@code seed}. */
    static LockstepCost generate(SystemUnderTestFactory factory, Vector<NamedConfiguration> configurations, int count,
                                 int steps, long seed) {
        Vector<Tuple2<Configuration, Vector<Input>>> sequences = Vector.empty();
        long next = seed;
        for (int i = 0; i < count; i++) {
            for (NamedConfiguration board : configurations) {
                Configuration configuration = board.configuration();
                sequences = sequences.append(Tuple.of(configuration, sequence(factory, configuration, next++, steps)));
            }
        }
        return new LockstepCost(factory, sequences);
    }

    private static Vector<Input> sequence(SystemUnderTestFactory factory, Configuration configuration, long seed,
                                          int steps) {
        try (SystemUnderTest system = factory.create(configuration)) {
            InputGenerator generator = new InputGenerator(configuration, system.capabilities(), seed);
            Vector<Input> inputs = Vector.empty();
            for (int step = 0; step < steps; step++) {
                Input input = generator.next();
                generator.observe(input, system.apply(input));
                inputs = inputs.append(input);
            }
            return inputs;
        }
    }

    /** How many inputs the sequences hold. */
    long inputs() {
        return sequences.map(sequence -> (long) sequence._2.size()).sum().longValue();
    }

    /** The CPU time the implementation alone takes to answer every sequence, in ns. */
    long alone() {
        long start = cpuTime();
        for (var sequence : sequences) {
            try (SystemUnderTest system = factory.create(sequence._1)) {
                for (Input input : sequence._2) {
                    system.apply(input);
                }
            }
        }
        return cpuTime() - start;
    }

    /** The CPU time checking every sequence in lockstep takes, in ns; counts into {@code statistics}. */
    long checked(Statistics statistics) {
        return checked(statistics, Property.online());
    }

    /**
     * The CPU time a session checking {@code properties} (none: the session's own work and the
     * implementation's) takes over every sequence, in ns; counts into {@code statistics}.
     */
    long checked(Statistics statistics, Vector<Property> properties) {
        Checks checks = Checks.of(properties);
        long start = cpuTime();
        for (var sequence : sequences) {
            Run run = Session.run(sequence._1, factory, checks, sequence._2, statistics);
            if (run.failed()) {
                throw new IllegalStateException("the implementation failed a check: " + run.violation().get().summary());
            }
        }
        return cpuTime() - start;
    }

    private static long cpuTime() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** The median of {@code values}. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
