package invs.conformance.bench;

import invs.conformance.board.NamedConfiguration;
import invs.conformance.check.Property;
import invs.conformance.coverage.Statistics;
import invs.conformance.reference.ReferenceProvider;
import io.vavr.collection.Vector;

/**
 * What each part of lockstep checking costs, on {@link LockstepCost}'s sequences: sessions checking no
 * property (the session's own work: running the implementation, the corner detector, the kernel shadow),
 * lockstep alone, the three other online properties (liveness, durability, robustness), and all four (the
 * lockstep cost itself), each timed against the implementation alone in every round, after the same warm-up
 * as the cost. Prints each ratio (the median over the rounds) and what each part adds to the session's own.
 * The parts are measured apart, so they need not add up exactly to the whole.
 */
final class LockstepCostParts {
    /** The checks timed, each with its label, in the order printed. */
    private static final Vector<Vector<Property>> CHECKS = Vector.of(
            Vector.empty(),
            Vector.of(Property.LOCKSTEP),
            Property.online().remove(Property.LOCKSTEP),
            Property.online());
    private static final Vector<String> LABELS = Vector.of(
            "the session alone (no property checked)",
            "lockstep alone",
            "liveness + durability + robustness",
            "all four (the lockstep cost)");

    private LockstepCostParts() {
    }

    /** Measures and prints the parts on 50 sequences of 200 inputs per configuration, over {@code rounds} rounds. */
    static void print(Vector<NamedConfiguration> configurations, int rounds) {
        LockstepCost cost = LockstepCost.generate(new ReferenceProvider(), configurations, 50, 200, 1);
        LockstepBenchmark.warmUp(cost);
        double[][] ratios = new double[CHECKS.size()][rounds];
        double[] aloneRates = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long alone = 0;
            for (int repeat = 0; repeat < LockstepBenchmark.ALONE_REPEATS; repeat++) {
                alone += cost.alone();
            }
            alone /= LockstepBenchmark.ALONE_REPEATS;
            aloneRates[round] = cost.inputs() / (alone / 1e9);
            for (int part = 0; part < CHECKS.size(); part++) {
                ratios[part][round] = (double) cost.checked(new Statistics(), CHECKS.get(part)) / alone;
            }
        }
        System.out.printf("cost by part, same sequences (%d inputs), median of %d rounds, against the implementation"
                + " alone at %,.0f inputs per CPU second:%n", cost.inputs(), rounds, LockstepCost.median(aloneRates));
        double session = LockstepCost.median(ratios[0]);
        for (int part = 0; part < CHECKS.size(); part++) {
            double ratio = LockstepCost.median(ratios[part]);
            System.out.printf("  %-42s %5.1f×%s%n", LABELS.get(part), ratio,
                    part == 0 ? "" : String.format(" (adds %.1f× to the session's)", ratio - session));
        }
    }
}
