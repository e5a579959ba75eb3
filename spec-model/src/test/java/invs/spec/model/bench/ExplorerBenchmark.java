package invs.spec.model.bench;

import invs.spec.Configuration;
import invs.spec.explore.ExplorationResult;
import invs.spec.explore.Explorer;
import invs.spec.explore.InputAlphabet;
import invs.spec.explore.SmallBoard;

/**
 * Prints how far the explorer gets on the standard small board: to a depth, or as deep as a time budget
 * allows, with the new nodes each depth reached, the time, and the processor time the threads used.
 */
public final class ExplorerBenchmark {
    private ExplorerBenchmark() {
    }

    /**
     * Runs the benchmark: arguments are the number of seconds (default 60), the depth (default: unbounded)
     * and the alphabet, {@code standard} (the default) or {@code single}.
     */
    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 60;
        int depth = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        Configuration small = SmallBoard.standard();
        String name = args.length > 2 ? args[2] : "standard";
        InputAlphabet alphabet = InputAlphabet.named(name, small)
                .getOrElseThrow(() -> new IllegalArgumentException("no alphabet " + name));
        long cpu = ProcessorTime.now();
        ExplorationResult result = new Explorer(small, alphabet).explore(depth, Long.MAX_VALUE, seconds, 10, false);
        System.out.println("explorer, SmallBoard.standard() (self, listed, kernel; 2 regions of 4 bytes), " + name
                + " alphabet (" + alphabet.moves().size() + " moves): " + result.summary());
        System.out.printf("new nodes per depth: %s; processor time %.1f s%n", result.perDepth().mkString(", "),
                (ProcessorTime.now() - cpu) / 1e9);
        result.violations().forEach(violation -> System.out.println(violation.describe()));
    }
}
