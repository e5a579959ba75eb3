package invs.fuzz;

import invs.conformance.explore.ExhaustiveLockstep;
import invs.conformance.explore.LockstepExploration;
import invs.conformance.explore.PathVerdict;
import invs.fuzz.system.SystemOptions;
import invs.fuzz.cli.UserError;
import invs.fuzz.system.OpenSystem;
import invs.fuzz.system.SystemChoice;
import invs.spec.Configuration;
import invs.spec.Profile;
import invs.spec.explore.ExplorationResult;
import invs.spec.explore.Explorer;
import invs.spec.explore.InputAlphabet;
import invs.spec.explore.SmallBoard;
import invs.spec.explore.Violation;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code invs explore}: bounded exhaustive exploration of the specification on a small board, and with
 * {@code --lockstep} (or any system option) every explored transition replayed against an implementation.
 */
@Command(name = "explore", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Explore every input sequence up to a depth on a small board, checking the specification's"
                + " invariants and safety properties in every state; with --lockstep, replay every explored"
                + " transition against an implementation (the reference unless a system option says otherwise).",
                "The board: the first --apps of self (SelfOnly), listed (FixedSize, may read but not write), kernel"
                        + " (Kernel) and none (no permissions); storage for --regions regions of --region-size bytes."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no violation and no divergence within the bound",
                "1:a property of the specification broke, or the implementation diverged",
                "2:usage or input error"})
final class ExploreCommand implements Callable<Integer> {
    @Option(names = "--depth", paramLabel = "N", description = "Explore input sequences up to this length (default: ${DEFAULT-VALUE}).")
    private int depth = 4;

    @Option(names = "--seconds", paramLabel = "S", description = "Stop exploring after this many seconds (default: ${DEFAULT-VALUE}).")
    private double seconds = 60;

    @Option(names = "--max-states", paramLabel = "N", description = "Stop after this many distinct states (default: ${DEFAULT-VALUE}).")
    private long maxStates = 2_000_000;

    @Option(names = "--apps", paramLabel = "N", description = "Number of apps, 1 to 4 (default: ${DEFAULT-VALUE}).")
    private int apps = 3;

    @Option(names = "--regions", paramLabel = "N", description = "Regions the storage has room for (default: ${DEFAULT-VALUE}).")
    private int regions = 2;

    @Option(names = "--region-size", paramLabel = "BYTES", description = "Bytes in a region, 2 to 64 (default: ${DEFAULT-VALUE}).")
    private int regionSize = 4;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "doc or tock (default: doc).")
    private Profile profile = Profile.DOC;

    @Option(names = "--lockstep", description = "Replay every explored transition against the system under test.")
    private boolean lockstep;

    @Mixin
    private SystemOptions system;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (depth < 1 || seconds <= 0 || maxStates < 1) {
            throw new UserError("--depth, --seconds and --max-states must be positive");
        }
        if (apps < 1 || apps > 4 || regions < 0 || regionSize < 2 || regionSize > 64) {
            throw new UserError("--apps must be 1..4, --regions 0 or more, --region-size 2..64");
        }
        Configuration config = configuration();
        InputAlphabet alphabet = InputAlphabet.standard(config);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("board: %s, storage %d bytes (room for %d regions of %d bytes), %s profile; %d inputs per state%n",
                config.apps().map(app -> app.name()).mkString(", "), config.storageLength(), regions, regionSize, profile.name().toLowerCase(), alphabet.inputs().size());
        SystemChoice chosen = system.spec();
        boolean replay = lockstep || !(chosen instanceof SystemChoice.Reference);
        if (!replay) {
            ExplorationResult result = new Explorer(config, alphabet).explore(depth, maxStates, seconds, 10, false);
            out.println("specification: " + result.summary());
            result.violations().forEach(violation -> out.println(violation.describe()));
            return result.violations().isEmpty() ? 0 : Main.FINDING;
        }
        try (OpenSystem open = chosen.open()) {
            LockstepExploration result = new ExhaustiveLockstep(config, alphabet)
                    .check(open.factory(), depth, maxStates, seconds, 5);
            out.println("specification: " + result.exploration().summary());
            out.printf("%s: replayed %,d sequences (%,d inputs) in %.1f s, %d divergence(s)%n", open.description(),
                    result.replayed(), result.inputs(), result.seconds(), result.divergences().size());
            for (Violation violation : result.exploration().violations()) {
                out.println(violation.describe());
            }
            for (PathVerdict verdict : result.divergences().take(3)) {
                out.println("divergence after " + verdict.inputs().size() + " inputs:");
                out.println(verdict.describe());
            }
            return result.conforms() ? 0 : Main.FINDING;
        }
    }

    private Configuration configuration() {
        return SmallBoard.of(profile, apps, regions, regionSize);
    }
}
