package invs.spec.model.bench;

import invs.spec.App;
import invs.spec.Configuration;
import invs.spec.Profile;
import invs.spec.explore.ExplorationResult;
import invs.spec.explore.Explorer;
import invs.spec.explore.InputAlphabet;
import io.vavr.collection.Vector;

/** Prints how far the explorer gets in a time budget (default 60 s) on the small configuration. */
public final class ExplorerBenchmark {
    private ExplorerBenchmark() {
    }

    /** Runs the benchmark: arguments are the number of seconds (default 60). */
    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 60;
        Configuration small = Configuration.defaults(Profile.DOC)
                .withApps(Vector.of(App.selfOnly("a", 1), App.selfOnly("b", 2), App.selfOnly("c", 3)))
                .withRegionSize(4).withStorageLength(2 * 16);
        ExplorationResult result = new Explorer(small, InputAlphabet.standard(small))
                .explore(Integer.MAX_VALUE, Long.MAX_VALUE, seconds, 10, false);
        System.out.println("explorer, 3 apps, 2 regions of 4 bytes, " + InputAlphabet.standard(small).inputs().size()
                + " inputs: " + result.summary());
        result.violations().forEach(violation -> System.out.println(violation.describe()));
    }
}
