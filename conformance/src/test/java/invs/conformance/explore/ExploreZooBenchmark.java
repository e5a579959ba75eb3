package invs.conformance.explore;

import invs.conformance.zoo.Mutant;
import invs.conformance.zoo.Zoo;
import invs.spec.Configuration;
import invs.spec.Profile;
import invs.spec.explore.ExplorationResult;
import invs.spec.explore.InputAlphabet;
import invs.spec.explore.SmallBoard;

/**
 * Prints, for every bug-zoo mutant, whether exhaustive lockstep checking at the default bound of
 * {@code invs explore} ({@link SmallBoard#standard()}) finds it, the length of the shortest
 * diverging sequence and the time taken. A main, not a test: run with {@code ./build bench}.
 */
public final class ExploreZooBenchmark {
    private ExploreZooBenchmark() {
    }

    /** Runs the benchmark; the arguments are the depth (default 3) and optionally {@code tock}. */
    public static void main(String[] args) {
        int depth = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Configuration small = args.length > 1 && args[1].equals("tock")
                ? SmallBoard.of(Profile.TOCK, 3, 2, 4) : SmallBoard.standard();
        InputAlphabet alphabet = InputAlphabet.standard(small);
        ExhaustiveLockstep lockstep = new ExhaustiveLockstep(small, alphabet);
        ExplorationResult exploration = lockstep.explore(depth, Long.MAX_VALUE, 600);
        System.out.println("specification: " + exploration.summary());
        int killed = 0;
        for (Mutant mutant : Zoo.all()) {
            long start = System.nanoTime();
            LockstepExploration result = lockstep.replay(exploration, depth, mutant, 1);
            double seconds = (System.nanoTime() - start) / 1e9;
            boolean found = !result.conforms();
            killed += found ? 1 : 0;
            System.out.printf("%-36s %-8s %s%n", mutant.name(), found ? "found" : "missed",
                    found ? String.format("after %d inputs (setup %d), %.1f s", result.divergences().head().inputs().size(),
                            alphabet.setup().size(), seconds) : String.format("%.1f s", seconds));
        }
        System.out.printf("exhaustive lockstep at depth %d found %d of %d zoo mutants%n", depth, killed, Zoo.all().size());
    }
}
