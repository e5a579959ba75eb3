package invs.conformance.bench;

import invs.conformance.check.Checks;
import invs.conformance.check.Run;
import invs.conformance.check.Session;
import invs.conformance.coverage.Statistics;
import invs.conformance.shrink.LateBug;
import invs.conformance.shrink.Shrinker;
import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Profile;
import io.vavr.collection.Vector;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Shrinking at scale: 1,000-step sequences that fail only at their last step ({@link LateBug}: the noise of
 * the generator, then the six steps that show a bug), each shrunk from scratch with every candidate run in
 * lockstep through a {@link Session}, as a campaign shrinks. Prints, for each sequence, the steps left,
 * the candidates run and the time, then the longest result and the median and slowest times (target: at
 * most 10 steps in under 5 s). One shrink first warms the code up and is not counted.
 *
 * <p>Usage: {@code ShrinkBenchmark [SEQUENCES [BUDGET_SECONDS]]} (defaults 5 and 60); run by
 * {@code ./build bench}.
 */
public final class ShrinkBenchmark {
    private static final Configuration BOARD = Configuration.defaults(Profile.DOC);

    private ShrinkBenchmark() {
    }

    /** Runs the benchmark and prints its figures. */
    public static void main(String[] args) {
        int sequences = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Duration budget = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 60);
        shrink(0, budget);
        int longest = 0;
        double[] seconds = new double[sequences];
        for (int seed = 1; seed <= sequences; seed++) {
            Shrinker.Result result = shrink(seed, budget);
            longest = Math.max(longest, result.inputs().size());
            seconds[seed - 1] = result.took().toNanos() / 1e9;
            System.out.printf(Locale.ROOT, "sequence %d: 1,000 steps -> %2d steps, %,5d candidates, %6.2f s, %s%n", seed,
                    result.inputs().size(), result.attempts(), seconds[seed - 1], result.violation().key());
        }
        Arrays.sort(seconds);
        System.out.printf(Locale.ROOT, "shrinking %d failures of 1,000 steps: at most %d steps, median %.2f s, slowest %.2f s"
                + " (target: at most 10 steps in under 5 s)%n", sequences, longest, seconds[sequences / 2],
                seconds[sequences - 1]);
    }

    /** Shrinks the 1,000-step failure drawn with {@code seed}. */
    private static Shrinker.Result shrink(long seed, Duration budget) {
        Vector<Input> inputs = LateBug.failure(BOARD, seed);
        Run failing = run(BOARD, inputs);
        if (failing.violation().isEmpty() || failing.violation().get().step() != inputs.size() - 1) {
            throw new IllegalStateException("sequence " + seed + " does not fail at its last step: " + failing.violation());
        }
        return new Shrinker(ShrinkBenchmark::run, budget).shrink(failing);
    }

    private static Run run(Configuration configuration, Vector<Input> inputs) {
        return Session.run(configuration, LateBug::new, Checks.online(), inputs, new Statistics());
    }
}
