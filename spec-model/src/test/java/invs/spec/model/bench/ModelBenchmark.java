package invs.spec.model.bench;

import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.model.Frontier;
import invs.spec.model.Outcome;
import invs.spec.model.RandomWalkAccess;
import invs.spec.model.Specification;
import io.vavr.collection.Vector;
import java.util.Random;

/**
 * Prints how many inputs per second the specification checks on a random walk, with the specification
 * choosing each observation (the model's share of lockstep checking, without an implementation).
 * Run with {@code ./build bench}.
 */
public final class ModelBenchmark {
    private ModelBenchmark() {
    }

    /** Runs the benchmark: arguments are the number of seconds (default 10). */
    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        for (Profile profile : Profile.values()) {
            Configuration config = Configuration.defaults(profile);
            Specification specification = new Specification(config);
            Random random = new Random(42);
            long steps = 0;
            long largest = 0;
            long start = System.nanoTime();
            long deadline = start + (long) (seconds * 1e9);
            Frontier frontier = Frontier.start(specification);
            while (System.nanoTime() < deadline) {
                for (int i = 0; i < 1000; i++) {
                    if (steps % 400 == 0) {
                        frontier = Frontier.start(specification);
                    }
                    Input input = RandomWalkAccess.randomInput(random, config);
                    // The kernel's grant refusal is left out: it sticks for the process's life and would
                    // turn most of the walk into refused calls, a different workload.
                    Vector<Outcome> allowed = frontier.allowed(input)
                            .filter(outcome -> outcome.clause() != invs.spec.Clause.TRD104_GRANT_NOMEM);
                    Observation observation = allowed.get(random.nextInt(allowed.size())).expected().example(0);
                    frontier = frontier.advance(input, observation).get();
                    largest = Math.max(largest, frontier.states().size());
                    steps++;
                }
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf("model %-4s: %,.0f inputs/s checked (%,d inputs in %.1f s), largest frontier %d states%n",
                    profile.name().toLowerCase(), steps / elapsed, steps, elapsed, largest);
        }
    }
}
