package invs.spec.model.bench;

import invs.spec.Configuration;
import invs.spec.explore.ExplorationResult;
import invs.spec.explore.Explorer;
import invs.spec.explore.InputAlphabet;
import invs.spec.explore.SmallBoard;

/** Prints how far the explorer gets in a time budget (default 60 s) on the small configuration. */
public final class ExplorerBenchmark {
    private ExplorerBenchmark() {
    }

    /** Runs the benchmark: arguments are the number of seconds (default 60). */
    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 60;
        Configuration small = SmallBoard.standard();
        ExplorationResult result = new Explorer(small, InputAlphabet.standard(small))
                .explore(Integer.MAX_VALUE, Long.MAX_VALUE, seconds, 10, false);
        System.out.println("explorer, SmallBoard.standard() (self, listed, kernel; 2 regions of 4 bytes), " + InputAlphabet.standard(small).inputs().size()
                + " inputs: " + result.summary());
        result.violations().forEach(violation -> System.out.println(violation.describe()));
    }
}
