package invs.spec.model;

import invs.spec.Configuration;
import invs.spec.Profile;
import invs.spec.model.bench.ModelBenchmark;
import io.vavr.collection.Array;
import java.util.Locale;

/**
 * What the widest frontier of {@code ModelBenchmark walk}'s fixed walk ({@link ModelBenchmark#fixed}) holds,
 * app by app: the walk is checked by a {@link FactoredFrontier}, and at the step where it holds
 * the most states each product is printed with, for every app, its parts: the faults each used, its queued
 * upcalls ("or FAIL" where one may be FAIL) and whether its operation is still pending. Run with {@code WidestStepParts PROFILE INPUTS}
 * ({@code doc} or {@code tock}), with spec-model's test class path; with the environment variable
 * {@code INVS_WIDEST_FULL} set, each product's regions and parts are printed whole as well.
 */
public final class WidestStepParts {
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
        Specification specification = new Specification(Configuration.defaults(profile));
        ModelBenchmark.Walk walk = ModelBenchmark.fixed(specification, count);
        FactoredFrontier frontier = FactoredFrontier.start(specification);
        FactoredFrontier widest = frontier;
        int widestStep = 0;
        for (int step = 0; step < count; step++) {
            if (step % ModelBenchmark.RESTART_EVERY == 0) {
                frontier = FactoredFrontier.start(specification);
            }
            frontier = frontier.advance(walk.inputs()[step], walk.observations()[step]).get();
            if (frontier.width() > widest.width()) {
                widest = frontier;
                widestStep = step;
            }
        }
        System.out.printf(Locale.ROOT, "%s, %,d inputs: widest frontier at step %,d, %,d states in %,d parts%n",
                profile.name().toLowerCase(Locale.ROOT), count, widestStep, widest.width(), widest.held());
        for (StateProduct product : widest.products()) {
            System.out.printf(Locale.ROOT, "product: %,d states, %d faults armed%n", product.width(), product.budget());
            if (System.getenv("INVS_WIDEST_FULL") != null) {
                System.out.println("  regions " + product.regions());
                product.parts().forEach(slot -> slot.forEach(part -> System.out.println("  part " + part)));
            }
            Array<Array<StateProduct.Part>> parts = product.parts();
            for (int slot = 0; slot < parts.size(); slot++) {
                System.out.printf(Locale.ROOT, "  app %d: %d parts%n", slot, parts.get(slot).size());
                for (StateProduct.Part part : parts.get(slot)) {
                    AppState app = part.app();
                    System.out.printf(Locale.ROOT, "    used %d; pending %s; queued %s%n", part.used(),
                            app.pending().map(operation -> operation.kind().name()).getOrElse("none"),
                            app.upcalls().zipWithIndex().map(queued -> queued._1
                                    + (app.mayFail(queued._2) ? " or FAIL" : "")).mkString(", "));
                }
            }
        }
    }
}
