package invs.spec.model;

import invs.spec.Clause;
import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import io.vavr.collection.Array;
import io.vavr.collection.Vector;
import java.util.Locale;
import java.util.Random;

/**
 * What the widest frontier of {@code ModelBenchmark walk}'s fixed walk holds, app by app: the walk is made
 * the same way (seed 42, from power-on again every 400 inputs, by the full set of consistent states, the
 * kernel's grant refusal left out), checked by a {@link FactoredFrontier}, and at the step where it holds
 * the most states each product is printed with, for every app, its parts: the faults each used, its queued
 * upcalls and whether its operation is still pending. Run with {@code WidestStepParts PROFILE INPUTS}
 * ({@code doc} or {@code tock}), with spec-model's test class path.
 */
public final class WidestStepParts {
    private static final int RESTART_EVERY = 400;

    private WidestStepParts() {
    }

    /** Walks and prints the widest step's parts. */
    public static void main(String[] args) {
        Profile profile;
        int count;
        try {
            profile = Profile.valueOf(args[0].toUpperCase(Locale.ROOT));
            count = Integer.parseInt(args[1]);
        } catch (RuntimeException badArguments) {
            System.err.println("usage: WidestStepParts PROFILE INPUTS (doc or tock, a whole number)");
            System.exit(2);
            return;
        }
        Configuration config = Configuration.defaults(profile);
        Specification specification = new Specification(config);
        Random random = new Random(42);
        PlainStates plain = PlainStates.start(specification);
        FactoredFrontier frontier = FactoredFrontier.start(specification);
        FactoredFrontier widest = frontier;
        int widestStep = 0;
        for (int step = 0; step < count; step++) {
            if (step % RESTART_EVERY == 0) {
                plain = PlainStates.start(specification);
                frontier = FactoredFrontier.start(specification);
            }
            Input input = RandomWalkAccess.randomInput(random, config);
            Vector<Outcome> allowed = plain.allowed(input).filter(outcome -> outcome.clause() != Clause.TRD104_GRANT_NOMEM);
            Observation observation = allowed.get(random.nextInt(allowed.size())).expected().example(0);
            plain = plain.advance(input, observation);
            frontier = frontier.advance(input, observation).get();
            if (frontier.width() > widest.width()) {
                widest = frontier;
                widestStep = step;
            }
        }
        System.out.printf(Locale.ROOT, "%s, %,d inputs: widest frontier at step %,d, %,d states in %,d parts%n",
                profile.name().toLowerCase(Locale.ROOT), count, widestStep, widest.width(), widest.held());
        for (StateProduct product : widest.products()) {
            System.out.printf(Locale.ROOT, "product: %,d states, %d faults armed%n", product.width(), product.budget());
            Array<Array<StateProduct.Part>> parts = product.parts();
            for (int slot = 0; slot < parts.size(); slot++) {
                System.out.printf(Locale.ROOT, "  app %d: %d parts%n", slot, parts.get(slot).size());
                for (StateProduct.Part part : parts.get(slot)) {
                    AppState app = part.app();
                    System.out.printf(Locale.ROOT, "    used %d; pending %s; queued %s%n", part.used(),
                            app.pending().map(operation -> operation.kind().name()).getOrElse("none"),
                            app.upcalls().mkString(", "));
                }
            }
        }
    }
}
