package invs.fuzz;

import invs.conformance.campaign.Budget;
import invs.conformance.campaign.Campaign;
import invs.conformance.campaign.CampaignResult;
import invs.conformance.campaign.CampaignSettings;
import invs.conformance.campaign.Shard;
import invs.conformance.check.Property;
import invs.conformance.reference.ReferenceProvider;
import invs.conformance.report.CampaignSummary;
import invs.conformance.report.Invocation;
import invs.conformance.report.ReportFiles;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.zoo.Zoo;
import invs.fuzz.campaign.CampaignCounters;
import invs.fuzz.campaign.CampaignProgress;
import invs.fuzz.campaign.CampaignReport;
import invs.fuzz.cli.BoardOptions;
import invs.fuzz.cli.CountConverter;
import invs.fuzz.cli.BoardSelection;
import invs.fuzz.cli.DurationConverter;
import invs.fuzz.cli.OutputLocation;
import invs.fuzz.cli.PropertyConverter;
import invs.fuzz.cli.RerunCommand;
import invs.fuzz.cli.SeedConverter;
import invs.fuzz.cli.ShardConverter;
import invs.fuzz.cli.UserError;
import invs.fuzz.cli.VerbatimArgument;
import invs.fuzz.guided.GuidedCampaign;
import invs.fuzz.progress.ProgressDisplay;
import invs.fuzz.progress.ProgressMode;
import invs.fuzz.system.OpenSystem;
import invs.fuzz.system.SystemOptions;
import invs.fuzz.system.SystemChoice;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code invs fuzz}: a campaign of generated sequences on standard and generated boards against a system
 * under test in lockstep with the specification, under one reading of the driver document, with a live
 * progress display and a report at the end grouped by cause; or, with {@code --guided}, coverage-guided
 * fuzzing with Jazzer over the same sequence decoder.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a fuzz campaign: generated sequences of system calls and events, run in lockstep against"
                + " the specification, every failure shrunk and saved as a trace file (one per rule broken).",
                "Without options: a 20-second campaign of the reference implementation on every standard"
                        + " configuration, with a fixed seed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no finding", "1:findings (the system under test broke the specification)",
                "2:usage or input error", "3:a bug of invs, or too little memory"})
final class FuzzCommand implements Callable<Integer> {
    /**
     * The most inputs a try may have: a try of 100,000 inputs against the reference runs in about 5 s within
     * 48 MB of heap; one of a million takes over 20 s and does not fit in 128 MB.
     */
    static final int MAX_STEPS = 100_000;
    /** The most tries run at once (each against a server may start two or three processes). */
    static final int MAX_THREADS = 64;

    @CommandLine.Option(names = "--time", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Wall-clock budget for running tries (a try still running when it is up stops there);"
                    + " shrinking comes after (default: 20s).")
    private Duration time = Duration.ofSeconds(20);

    @CommandLine.Option(names = "--tries", paramLabel = "N", converter = CountConverter.class,
            description = "Tries (sequences) in the whole campaign, all shards together (default: as many as the time allows).")
    private Integer tries;

    @CommandLine.Option(names = "--steps", paramLabel = "N", converter = CountConverter.class,
            description = "Inputs per try, 1 to " + MAX_STEPS + " (default: 150).")
    private int steps = 150;

    @CommandLine.Option(names = "--seed", paramLabel = "SEED", converter = SeedConverter.class,
            description = "The campaign's seed: a number (-2^63 to 2^64-1, -1 being 0xffffffffffffffff), 0x-hexadecimal,"
                    + " or random (default: 0x50004).")
    private long seed = Campaign.DEFAULT_SEED;

    @CommandLine.Option(names = "--threads", paramLabel = "N", converter = CountConverter.class,
            description = "Tries run at once, 1 to " + MAX_THREADS + ", never more than the tries (default: the"
                    + " processors, at most 4).")
    private int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    @CommandLine.Option(names = "--shard", paramLabel = "i/N", converter = ShardConverter.class,
            description = "Run only shard i of N (0 <= i < N): try k belongs to shard k mod N, so N processes with"
                    + " the same seed and --tries run exactly the tries of one campaign (default: 0/1).")
    private Shard shard = Shard.whole();

    @CommandLine.Option(names = "--properties", split = ",", paramLabel = "NAME", converter = PropertyConverter.class,
            description = "Properties to check: lockstep, liveness, durability, isolation, robustness (default: all).")
    private List<Property> properties;

    @CommandLine.Option(names = "--shrink-time", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Most time spent shrinking one finding, and again grouping it with the others (default: 10s).")
    private Duration shrinkTime = Duration.ofSeconds(10);

    @CommandLine.Option(names = "--out", paramLabel = "DIR",
            description = "Where trace files of findings and the reports (report.json, JUnit XML, report.html) go"
                    + " (default: invs-findings).")
    private Path out = Path.of("invs-findings");

    @CommandLine.Option(names = "--progress", paramLabel = "MODE",
            description = "auto (a bar on a terminal, else lines), bar, lines or none (default: auto).")
    private ProgressMode progress = ProgressMode.AUTO;

    @CommandLine.Option(names = "--baseline",
            description = "Report only failures the reference implementation does not show on the same inputs (what"
                    + " the system under test does differently from the reference); boards the reference cannot run"
                    + " are not run.")
    private boolean baseline;

    @CommandLine.Option(names = "--guided",
            description = "Coverage-guided fuzzing with Jazzer (in a child JVM) instead of random tries; its corpus and"
                    + " raw crash inputs go under OUT/guided, its findings are shrunk and saved like the others.")
    private boolean guided;

    @CommandLine.Option(names = "--swarm", paramLabel = "on|off",
            description = "Swarm testing: each try uses a random subset of the plans and kinds of input (default: on).")
    private String swarm = "on";

    @CommandLine.Option(names = "--jazzer-arg", paramLabel = "ARG", parameterConsumer = VerbatimArgument.class,
            description = "With --guided: an extra argument for Jazzer or libFuzzer, taken as it is (repeatable).")
    private List<String> jazzerArguments = List.of();

    @Mixin
    private BoardOptions board;

    @Mixin
    private SystemOptions system;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        checkOptions();
        SystemChoice chosen = system.spec();
        Vector<Property> checked = properties == null ? Vector.of(Property.values()) : Vector.ofAll(properties).distinct();
        PrintWriter err = spec.commandLine().getErr();
        Option<SystemUnderTestFactory> reference = baseline ? Option.some(new ReferenceProvider()) : Option.none();
        checkOutput();
        if (guided) {
            board.select(Option.none()); // the board options checked before anything starts
            GuidedCampaign.Outcome outcome = new GuidedCampaign(chosen, announced -> board.select(announced).boards(),
                    checked, seed, time, shrinkTime, out, progress, jazzerArguments, reference).run(System.err, err);
            spec.commandLine().getOut().print(outcome.report());
            spec.commandLine().getOut().flush();
            if (outcome.causes().isEmpty() && outcome.stoppedEarly().isDefined()) {
                throw new UserError(outcome.stoppedEarly().get()); // it did not run its time: no "no finding"
            }
            return outcome.causes().isEmpty() ? 0 : Main.FINDING;
        }
        if (!chosen.preparation().isEmpty()) {
            err.println("invs: " + chosen.preparation() + "...");
            err.flush();
        }
        try (OpenSystem open = chosen.open()) {
            BoardSelection selection = board.select(open.announcedProfile());
            if (chosen instanceof SystemChoice.ZooMutant(String name)) {
                Zoo.named(name).filter(mutant -> !mutant.bugIn().contains(selection.profile())).forEach(mutant ->
                        err.printf("invs: %s is a bug under the %s reading only; this campaign checks the %s reading,"
                                        + " which allows what it does (--profile %s checks the other)%n", name,
                                mutant.bugIn().head().name().toLowerCase(Locale.ROOT),
                                selection.profile().name().toLowerCase(Locale.ROOT),
                                mutant.bugIn().head().name().toLowerCase(Locale.ROOT)));
            }
            long total = tries == null ? Long.MAX_VALUE : tries;
            CampaignCounters counters = new CampaignCounters(() -> {
                err.printf("invs: fuzzing %s under the %s reading for %s (seed 0x%x, shard %s); the report follows at the end%n",
                        open.description(), selection.profile().name().toLowerCase(Locale.ROOT),
                        tries == null ? DurationConverter.format(time) : "at most " + DurationConverter.format(time)
                                + " or " + tries + " tries", seed, shard);
                err.flush();
            });
            Campaign campaign = Campaign.against(open.label(), open.factory())
                    .configurations(selection.boards())
                    .boardMode(selection.mode())
                    .profile(selection.profile())
                    .seed(seed)
                    .budget(new Budget(total, steps, time))
                    .shard(shard)
                    .threads(threadsUsed())
                    .properties(checked)
                    .swarm(swarm.equalsIgnoreCase("on"))
                    .shrinkTime(shrinkTime)
                    .traces(out)
                    .baseline(reference)
                    .listener(counters)
                    .build();
            Vector<String> earlier = ReportFiles.removeEarlier(out);
            if (!earlier.isEmpty()) {
                throw new UserError("--out: " + earlier.head());
            }
            CampaignResult result;
            try {
                result = run(campaign, counters, err);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            requireTries(result.tries(), time);
            String rerun = RerunCommand.of(spec.commandLine().getParseResult().originalArgs(), seed,
                    result.campaignTries(), !result.complete(), result.statistics().triesStoppedAtDeadline());
            CampaignSummary summary = CampaignSummary.of(result, new Invocation(open.description(), rerun, open.shellFlags()));
            Vector<String> unwritten = ReportFiles.write(summary, out);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(CampaignReport.render(summary));
            stdout.flush(); // the report is shown even when its files could not be written
            stdout.println(CampaignReport.filesLine(out, unwritten));
            stdout.flush();
            return result.causes().isEmpty() ? 0 : Main.FINDING;
        }
    }

    /** A campaign in which no try began within {@code time} is no campaign: a usage error, not "no finding". */
    static void requireTries(long tries, Duration time) {
        if (tries == 0) {
            throw new UserError("no try began within --time " + DurationConverter.format(time)
                    + ": give more time (a server that is slow to start or to answer counts against it)");
        }
    }

    /** Runs the campaign with a progress display: a bar counting tries or seconds, or lines. */
    private CampaignResult run(Campaign campaign, CampaignCounters counters, PrintWriter err) {
        CampaignSettings settings = campaign.settings();
        boolean bar = progress == ProgressMode.BAR || progress == ProgressMode.AUTO && ProgressDisplay.interactive();
        long planned = settings.shard().triesOf(settings.budget().tries());
        boolean byTries = tries != null && planned < 1_000_000;
        ProgressDisplay display = ProgressDisplay.start(progress, "fuzz", byTries ? planned : time.toSeconds(),
                byTries ? " tries" : " s", new CampaignProgress(counters, settings, bar), System.err, err,
                Duration.ofSeconds(2));
        try {
            return campaign.run();
        } finally {
            display.close();
        }
    }

    /** The tries run at once: {@code --threads}, but no more than the tries of this shard. */
    private int threadsUsed() {
        return tries == null ? threads : (int) Math.max(1, Math.min(threads, shard.triesOf(tries)));
    }

    /** Checks before any work that trace files and reports can be written under {@code --out}. */
    private void checkOutput() {
        OutputLocation.directory(out, "--out");
    }

    private void checkOptions() {
        if (tries != null && tries < 1) {
            throw new UserError("--tries must be at least 1");
        }
        if (steps < 1 || steps > MAX_STEPS) {
            throw new UserError("--steps: 1 to " + MAX_STEPS + " inputs per try, got " + steps);
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new UserError("--threads: 1 to " + MAX_THREADS + " tries at once, got " + threads);
        }
        if (time.isZero() || shrinkTime.isZero()) {
            throw new UserError("--time and --shrink-time must be positive");
        }
        if (properties != null && properties.isEmpty()) {
            throw new UserError("--properties needs at least one property");
        }
        if (!swarm.equalsIgnoreCase("on") && !swarm.equalsIgnoreCase("off")) {
            throw new UserError("--swarm: on or off, got '" + swarm + "'");
        }
        if (tries != null && shard.triesOf(tries) == 0) {
            throw new UserError("--shard " + shard + ": none of the " + tries + " tries belongs to this shard (try k"
                    + " belongs to shard k mod " + shard.count() + "); a campaign of " + tries + " tries has at most "
                    + tries + " shards");
        }
        if (guided) {
            CommandLine.ParseResult given = spec.commandLine().getParseResult();
            for (String option : new String[] {"--tries", "--shard", "--steps", "--threads", "--swarm"}) {
                if (given.hasMatchedOption(option)) {
                    throw new UserError("--guided runs for --time, Jazzer choosing its inputs; " + option
                            + " applies to random campaigns only (as --tries, --shard, --steps, --threads and --swarm do)");
                }
            }
        }
        if (!guided && !jazzerArguments.isEmpty()) {
            throw new UserError("--jazzer-arg needs --guided");
        }
    }
}
