package invs.fuzz;

import invs.conformance.explore.ExhaustiveLockstep;
import invs.conformance.explore.LockstepExploration;
import invs.conformance.explore.PathVerdict;
import invs.conformance.sut.Capability;
import invs.conformance.sut.Exiting;
import invs.conformance.trace.Trace;
import invs.conformance.trace.TraceCodec;
import invs.conformance.trace.TraceHeader;
import invs.fuzz.cli.DurationConverter;
import invs.fuzz.cli.OutputLocation;
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
import java.nio.file.Path;
import java.time.Duration;
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
        description = {"Explore every sequence of moves up to a depth on a small board, checking the specification's"
                + " invariants and safety properties in every state; with --lockstep, replay every explored"
                + " transition against an implementation (the reference unless a system option says otherwise).",
                "The board: the first --apps of self (SelfOnly), listed (FixedSize, may read but not write), kernel"
                        + " (Kernel) and none (no permissions); storage for --regions regions of --region-size bytes."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no violation and no divergence within the bound",
                "1:a property of the specification broke, or the implementation diverged",
                "2:usage or input error", "3:a bug of invs, or too little memory"})
final class ExploreCommand implements Callable<Integer> {
    private static final Duration DEFAULT_TIME = Duration.ofSeconds(60);
    private static final long MAX_STORAGE = 0xFFFF_FFFFL;
    /** The replay stops after this many divergences. */
    private static final int MAX_DIVERGENCES = 5;
    /** The divergences shown in full. */
    private static final int SHOWN_DIVERGENCES = 3;

    @Option(names = "--depth", paramLabel = "N", description = "Explore sequences of up to this many moves (a move is"
            + " one input, or a call with its drain and yield, a reboot with the setup, ...; default: ${DEFAULT-VALUE}).")
    private int depth = 4;

    @Option(names = "--time", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop exploring after this long, for example 90s or 5m (default: 60s); with --lockstep the"
                    + " replay stops there too (a walk under way ends at its next move, and the report says it was cut short).")
    private Duration time;

    /** The former name of {@code --time}, in seconds; kept for scripts. */
    @Option(names = "--seconds", paramLabel = "S", hidden = true)
    private Double seconds;

    @Option(names = "--max-states", paramLabel = "N", description = "Stop after this many distinct states (default: ${DEFAULT-VALUE}).")
    private long maxStates = 2_000_000;

    @Option(names = "--apps", paramLabel = "N", description = "Number of apps, 1 to 4 (default: ${DEFAULT-VALUE}).")
    private int apps = 3;

    @Option(names = "--regions", paramLabel = "N", description = "Regions the storage has room for (default: ${DEFAULT-VALUE}).")
    private int regions = 2;

    @Option(names = "--region-size", paramLabel = "BYTES", description = "Bytes in a region, 2 to 64 (default: ${DEFAULT-VALUE}).")
    private int regionSize = 4;

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "doc or tock (default: the reading a server announces in its hello reply, else doc).")
    private Profile profile;

    @Option(names = "--lockstep", description = "Replay every explored transition against the system under test.")
    private boolean lockstep;

    @Option(names = "--threads", paramLabel = "N", description = "Threads exploring, and systems replaying at once"
            + " (each on its own system: a server that owns the only board needs 1), 1 to " + FuzzCommand.MAX_THREADS
            + " (default: the processors, at most 4).")
    private int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    @Option(names = "--out", paramLabel = "DIR",
            description = "Save each divergence as a trace file in DIR (new names, nothing is replaced), for replay.")
    private Path saveTo;

    @Mixin
    private SystemOptions system;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        long began = System.nanoTime();
        Duration budget = budget();
        if (depth < 1 || budget.isZero() || maxStates < 1) {
            throw new UserError("--depth, --time and --max-states must be positive");
        }
        if (threads < 1 || threads > FuzzCommand.MAX_THREADS) {
            throw new UserError("--threads: 1 to " + FuzzCommand.MAX_THREADS + " threads, got " + threads);
        }
        if (apps < 1 || apps > 4 || regions < 0 || regionSize < 2 || regionSize > 64) {
            throw new UserError("--apps must be 1..4, --regions 0 or more, --region-size 2..64");
        }
        long storage = (long) regions * (regionSize + Configuration.HEADER_SIZE);
        if (storage > MAX_STORAGE) {
            throw new UserError("--regions: " + regions + " regions of " + regionSize + " bytes need " + storage
                    + " bytes of storage, more than a configuration holds (" + MAX_STORAGE + ")");
        }
        SystemChoice chosen = system.spec();
        boolean replay = lockstep || !(chosen instanceof SystemChoice.Reference);
        if (saveTo != null && !replay) {
            throw new UserError("--out saves divergences from an implementation: add --lockstep or a system option");
        }
        OutputLocation output = saveTo == null ? null : OutputLocation.directory(saveTo, "--out");
        double seconds = budget.toNanos() / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        if (!replay) {
            Configuration config = configuration(Profile.DOC);
            InputAlphabet alphabet = InputAlphabet.standard(config);
            describe(out, config, alphabet);
            ExplorationResult result = new Explorer(config, alphabet, threads).explore(depth, maxStates, seconds, 10, false);
            out.println("specification: " + result.summary());
            sayWhatStoppedIt(out, result, 10);
            result.violations().forEach(violation -> out.println(violation.describe()));
            return result.violations().isEmpty() ? 0 : Main.FINDING;
        }
        try (OpenSystem open = chosen.open()) {
            // As a campaign does, the reading a server announces is checked unless --profile says otherwise.
            Configuration config = configuration(open.announcedProfile().getOrElse(Profile.DOC));
            InputAlphabet alphabet = InputAlphabet.standard(config);
            io.vavr.control.Option<String> refusal = open.factory().refusal(config);
            if (refusal.isDefined()) {
                throw new UserError("the system under test cannot run this board: " + refusal.get());
            }
            InputAlphabet usable = usableBy(open, config, alphabet, out);
            describe(out, config, usable);
            // --time bounds the whole command: starting the servers and asking them counts too.
            double left = Math.max(1e-3, seconds - (System.nanoTime() - began) / 1e9);
            LockstepExploration result = new ExhaustiveLockstep(config, usable, threads)
                    .check(open.factory(), depth, maxStates, left, MAX_DIVERGENCES);
            if (Exiting.begun()) {
                // A signal is stopping invs and its servers: what the replay saw since is no divergence, and no
                // report is written (the exit code is the signal's).
                return Main.FINDING;
            }
            out.println("specification: " + result.exploration().summary());
            sayWhatStoppedIt(out, result.exploration(), MAX_DIVERGENCES);
            out.printf("%s: replayed %,d sequences (%,d inputs, %,d transitions; %,d explored states the system"
                            + " never entered) in %.1f s, %d divergence(s)%s%n", open.description(), result.replayed(),
                    result.inputs(), result.transitions(), result.unreached(), result.seconds(), result.divergences().size(),
                    result.cutShort() ? LockstepExploration.CUT_SHORT
                            : result.divergences().size() >= MAX_DIVERGENCES ? " (the replay stops at the first "
                            + MAX_DIVERGENCES + ")" : "");
            for (Violation violation : result.exploration().violations()) {
                out.println(violation.describe());
            }
            for (PathVerdict verdict : result.divergences().take(SHOWN_DIVERGENCES)) {
                out.println("divergence after " + verdict.inputs().size() + " inputs:");
                out.println(verdict.describe());
            }
            if (result.divergences().size() > SHOWN_DIVERGENCES) {
                out.printf("(%d more divergence(s) not shown%s)%n", result.divergences().size() - SHOWN_DIVERGENCES,
                        output == null ? "; --out saves them all" : "; saved below");
            }
            if (output != null) {
                for (PathVerdict verdict : result.divergences()) {
                    out.println("saved " + save(output, verdict, config, open.label()));
                }
            }
            return result.conforms() ? 0 : Main.FINDING;
        }
    }

    /**
     * When the exploration stopped before the depth asked for, says so and what stopped it: the time,
     * {@code --max-states}, or the first {@code maxViolations} violations.
     */
    private void sayWhatStoppedIt(PrintWriter out, ExplorationResult result, int maxViolations) {
        if (result.exhausted() || result.depthCompleted() >= depth) {
            return;
        }
        String cause = result.violations().size() >= maxViolations ? "the first " + maxViolations + " violations stopped it"
                : result.states() >= maxStates ? "--max-states " + maxStates + " was reached" : "the time budget ran out";
        out.printf("not complete: depth %d of the %d asked for (%s)%n", result.depthCompleted(), depth, cause);
    }

    private void describe(PrintWriter out, Configuration config, InputAlphabet alphabet) {
        out.printf("board: %s, storage %d bytes (room for %d regions of %d bytes), %s profile; %d moves per node"
                        + " (%d distinct inputs)%n", config.apps().map(app -> app.name()).mkString(", "), config.storageLength(),
                regions, regionSize, config.profile().name().toLowerCase(), alphabet.moves().size(), alphabet.inputs().size());
    }

    /**
     * {@code alphabet} without the moves that use an environment event the system does not announce (it is
     * never sent one, docs/protocol.md section 3), saying which were left out; the whole alphabet when a
     * system cannot even be started (each replay then reports that).
     */
    private static InputAlphabet usableBy(OpenSystem open, Configuration config, InputAlphabet alphabet, PrintWriter out) {
        java.util.Set<Capability> capabilities;
        try {
            capabilities = open.capabilities(config);
        } catch (RuntimeException cannotStart) {
            return alphabet;
        }
        InputAlphabet usable = alphabet.restrictedTo(input -> Capability.allows(capabilities, input));
        if (usable.moves().size() < alphabet.moves().size()) {
            String missing = alphabet.inputs().flatMap(Capability::neededBy).distinct()
                    .filter(needed -> !capabilities.contains(needed))
                    .map(needed -> needed.name().toLowerCase().replace('_', '-')).mkString(", ");
            out.printf("the system under test does not announce %s: %d of the %d moves use them and are left out%n",
                    missing, alphabet.moves().size() - usable.moves().size(), alphabet.moves().size());
        }
        return usable;
    }

    /** The exploration budget: {@code --time}, or {@code --seconds} (the former option), or 60 seconds. */
    private Duration budget() {
        if (time != null && seconds != null) {
            throw new UserError("--seconds is the former name of --time: give one of them");
        }
        if (seconds != null) {
            return DurationConverter.ofSeconds(seconds, "--seconds");
        }
        return time == null ? DEFAULT_TIME : time;
    }

    /** Writes {@code verdict} as a trace of its inputs in a new file of {@code output}. */
    private static Path save(OutputLocation output, PathVerdict verdict, Configuration config, String system) {
        Trace trace = Trace.ofInputs(TraceHeader.of(config, 0, system).withProperty(verdict.violation().property().label())
                .withDescription("found by invs explore: " + verdict.violation().summary() + "\n"
                        + verdict.violation().description()), verdict.inputs());
        Path file = output.reserve("explore-" + system + "-divergence", ".jsonl");
        try {
            OutputLocation.write(file, TraceCodec.format(trace));
        } catch (UserError cannotWrite) {
            try {
                java.nio.file.Files.deleteIfExists(file); // the name reserved, left empty
            } catch (java.io.IOException e) {
                cannotWrite.addSuppressed(e);
            }
            throw cannotWrite;
        }
        return file;
    }

    /** The small board, under {@code --profile} when given, else under {@code unlessGiven}. */
    private Configuration configuration(Profile unlessGiven) {
        return SmallBoard.of(profile != null ? profile : unlessGiven, apps, regions, regionSize);
    }
}
