package invs.fuzz.guided;

import invs.conformance.campaign.CampaignListener;
import invs.conformance.campaign.Cause;
import invs.conformance.campaign.Failure;
import invs.conformance.campaign.Triage;
import invs.conformance.check.Checks;
import invs.conformance.check.Run;
import invs.conformance.generation.Swarm;

import invs.conformance.board.NamedConfiguration;
import invs.conformance.check.Property;
import invs.conformance.check.Violation;
import invs.conformance.report.FindingSummary;
import invs.conformance.report.IoProblem;
import invs.conformance.report.SavedTraces;
import invs.conformance.report.ReportFiles;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.fuzz.campaign.CampaignReport;
import invs.fuzz.cli.DurationConverter;
import invs.fuzz.cli.UserError;
import invs.fuzz.progress.ProgressDisplay;
import invs.fuzz.progress.ProgressMode;
import invs.fuzz.progress.ProgressSnapshot;
import invs.fuzz.system.OpenSystem;
import invs.fuzz.system.ProcessTree;
import invs.fuzz.system.SystemChoice;
import invs.spec.Profile;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code invs fuzz --guided}: coverage-guided fuzzing with Jazzer, run as a child JVM on invs's own class
 * path with {@link GuidedTarget} as the fuzz target. Everything Jazzer writes stays under
 * {@code OUT/guided}: the corpus, the raw failing inputs and Java reproducers ({@code crashes/}), its log
 * ({@code jazzer.log}). Afterwards each failing input saved there that no run has triaged (this run's, and
 * those of a run interrupted before its triage: {@link TriagedInputs}) is decoded and run again, one per rule broken is
 * shrunk with the same shrinker as random campaigns, and its trace written to {@code OUT} like theirs.
 */
public final class GuidedCampaign {
    private static final String JAZZER = "com.code_intelligence.jazzer.Jazzer";
    /** The longest input Jazzer makes: 512 bytes decode to 100 inputs or more. */
    private static final int MAX_LENGTH = 512;

    private final SystemChoice system;
    private final Function<Option<Profile>, Vector<NamedConfiguration>> boards;
    private final Vector<Property> properties;
    private final long seed;
    private final Duration time;
    private final Duration shrinkTime;
    private final Path out;
    private final ProgressMode progress;
    private final List<String> jazzerArguments;
    private final Option<SystemUnderTestFactory> baseline;

    /**
     * A guided campaign of {@code system} for {@code time} on the {@code boards} chosen given the reading the
     * system announces (a protocol server's {@code hello}), writing under {@code out}; with a
     * {@code baseline}, only failing inputs the baseline passes count.
     */
    public GuidedCampaign(SystemChoice system, Function<Option<Profile>, Vector<NamedConfiguration>> boards,
                          Vector<Property> properties, long seed, Duration time, Duration shrinkTime, Path out, ProgressMode progress,
                          List<String> jazzerArguments, Option<SystemUnderTestFactory> baseline) {
        this.system = system;
        this.boards = boards;
        this.properties = properties.filter(Property.online()::contains);
        this.seed = seed;
        this.time = time;
        this.shrinkTime = shrinkTime;
        this.out = out;
        this.progress = progress;
        this.jazzerArguments = List.copyOf(jazzerArguments);
        this.baseline = baseline;
    }

    /**
     * What a guided campaign found.
     *
     * @param causes       the distinct causes, each with its findings
     * @param report       the report to print
     * @param stoppedEarly why Jazzer stopped before its time, in one line naming its log; none when it ran
     *                     its time
     */
    public record Outcome(Vector<Cause> causes, String report, Option<String> stoppedEarly) {
    }

    /**
     * Runs Jazzer (its progress shown on {@code terminal} when that is a terminal, else as lines on
     * {@code err}), then shrinks and groups what it found.
     */
    public Outcome run(PrintStream terminal, PrintWriter err) {
        if (properties.isEmpty()) {
            throw new UserError("--guided checks lockstep, liveness, durability and robustness; choose at least one");
        }
        try (OpenSystem open = system.open()) {
            Vector<NamedConfiguration> offered = boards.apply(open.announcedProfile())
                    .filter(named -> open.factory().supports(named.configuration()));
            if (offered.isEmpty()) {
                throw new UserError("the system under test supports none of the configurations");
            }
            // with --baseline, only boards the reference can run too: a failure on another could not be compared
            Vector<NamedConfiguration> supported = offered.filter(named -> baseline.forAll(reference -> reference.supports(
                    named.configuration())));
            if (supported.isEmpty()) {
                throw new UserError("--baseline: the reference implementation cannot run any of the configurations: "
                        + baseline.get().refusal(offered.head().configuration()).getOrElse("") + " (" + offered.head().name()
                        + (offered.size() > 1 ? " and the others" : "") + ")");
            }
            // an earlier campaign's reports, which invs merge would take for this one's (as a random campaign does)
            Vector<String> earlier = ReportFiles.removeEarlier(out);
            if (!earlier.isEmpty()) {
                throw new UserError("--out: " + earlier.head());
            }
            Path guided = out.resolve("guided");
            Path corpus = guided.resolve("corpus");
            Path crashes = guided.resolve("crashes");
            Path log = guided.resolve("jazzer.log");
            createDirectories(corpus, crashes);
            Path configurationFile = guided.resolve("configurations.jsonl");
            ConfigurationList.write(supported, configurationFile);
            int seeded = seedCorpus(corpus, supported.size());
            Set<Path> before = CrashFiles.saved(crashes).toJavaSet();
            err.printf("invs: guided fuzzing of %s with Jazzer for %s; corpus %s%s, log %s%n", open.description(),
                    DurationConverter.format(time), corpus, seeded > 0 ? " (seeded with " + seeded + " inputs)" : "", log);
            err.flush();
            JazzerStatus status = new JazzerStatus();
            long start = System.nanoTime();
            long startMillis = System.currentTimeMillis();
            int exit;
            ProgressDisplay display = ProgressDisplay.start(progress, "guided", time.toSeconds(), " s",
                    () -> snapshot(status), terminal, err, Duration.ofSeconds(2));
            JazzerScratch scratch = new JazzerScratch(guided);
            try {
                Path temporary = scratch.prepare();
                exit = runJazzer(command(configurationFile, corpus, crashes, temporary), temporary, log, status);
            } finally {
                display.close();
                scratch.remove();
            }
            if (!status.started()) {
                throw new UserError("Jazzer did not start (exit status " + exit + ")" + JazzerLog.lastWords(log) + "; see "
                        + log);
            }
            int ended = exit;
            // this run's failing inputs and those no earlier run triaged (one interrupted before its triage);
            // one the system no longer fails is no finding
            Vector<Path> saved = CrashFiles.saved(crashes);
            int fresh = saved.count(file -> !before.contains(file));
            TriagedInputs triaged = new TriagedInputs(guided.resolve("triaged.txt"));
            // and those it found again, which an earlier run triaged: the system fails them in this run too
            // (named in its log; or, in -fork mode, whose children's logs it does not show, written since it began)
            Vector<Path> foundAgain = CrashFiles.readable(status.crashesWritten())
                    .appendAll(CrashFiles.writtenSince(saved, startMillis));
            Vector<Path> pending = triaged.untriaged(saved).appendAll(foundAgain)
                    .distinctBy(file -> file.toAbsolutePath().normalize());
            SequenceCheck check = new SequenceCheck(open.factory(), supported, properties);
            Triage triage = new Triage(system.label(), open.factory(), baseline, shrinkTime, Option.some(out),
                    CampaignListener.NONE);
            triage(pending, check, triage);
            Vector<Cause> causes = triage.finish(1);
            triaged.record(pending);
            Option<String> stoppedEarly = status.stoppedEarly().map(reason -> String.format(Locale.ROOT,
                    "Jazzer stopped after %.1f s of its %s: libFuzzer: %s; see %s", status.fuzzingSeconds(),
                    DurationConverter.format(time), reason, log))
                    // ended without saying why (an abort in native code, a kill), and no finding explains it
                    .orElse(() -> ended == 0 || status.findings() > 0 ? Option.none() : Option.some(String.format(Locale.ROOT,
                            "Jazzer ended with exit status %d%s after %.1f s of its %s, reporting no finding; see %s",
                            ended, ended > 128 ? " (signal " + (ended - 128) + ")" : "", status.fuzzingSeconds(),
                            DurationConverter.format(time), log)))
                    // failing inputs reported, and none of them where invs could read it (an unwritable crashes/)
                    .orElse(() -> status.findings() == 0 || !foundAgain.isEmpty() ? Option.none() : Option.some(
                            String.format(Locale.ROOT, "Jazzer reported %d failing input%s but saved none where invs could"
                                    + " read it; see %s", status.findings(), status.findings() == 1 ? "" : "s", log)));
            return new Outcome(causes, report(open, supported, status, start, new Saved(saved.size(), fresh, pending.size()), crashes, corpus, causes,
                    triage.problems(), stoppedEarly), stoppedEarly);
        }
    }

    private List<String> command(Path configurationFile, Path corpus, Path crashes, Path scratch) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+EnableDynamicAgentLoading", "-Djava.io.tmpdir=" + scratch));
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(List.of(
                "-cp", System.getProperty("java.class.path"),
                "-D" + GuidedTarget.SYSTEM + "=" + system.encode(),
                "-D" + GuidedTarget.CONFIGURATIONS + "=" + configurationFile.toAbsolutePath(),
                "-D" + GuidedTarget.PROPERTIES + "=" + properties.map(Property::label).mkString(","),
                JAZZER,
                "--target_class=" + GuidedTarget.class.getName(),
                "--instrumentation_includes=invs.**",
                "--instrumentation_excludes=invs.fuzz.**",
                "--custom_hook_includes=invs.**",
                "--custom_hook_excludes=invs.fuzz.**",
                "--keep_going=1000",
                "--reproducer_path=" + crashes.toAbsolutePath(),
                "-artifact_prefix=" + crashes.toAbsolutePath() + "/",
                "-seed=" + (Math.floorMod(seed, 2_147_483_646L) + 1),
                "-max_total_time=" + Math.max(1, time.toSeconds()),
                "-max_len=" + MAX_LENGTH,
                "-print_final_stats=1"));
        command.addAll(jazzerArguments);
        command.add(corpus.toAbsolutePath().toString());
        return command;
    }

    /**
     * Runs Jazzer, its temporary files in {@code temporary}, its output copied line by line into {@code log}
     * (flushed at each line, so an interrupted run keeps all it printed) and read by {@code status}. Jazzer and
     * its descendants are killed when invs exits first (Ctrl-C, a SIGTERM) and when it runs a minute past the
     * time budget, printing or not.
     */
    private int runJazzer(List<String> command, Path temporary, Path log, JazzerStatus status) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TMPDIR", temporary.toString()); // libFuzzer's, as java.io.tmpdir is its JVM's
        try (Writer writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
             ProcessTree jazzer = ProcessTree.start(builder)) {
            Process process = jazzer.process();
            Thread overdue = Thread.ofPlatform().daemon().name("invs-jazzer-deadline").start(() -> {
                try {
                    if (!process.waitFor(time.toSeconds() + 60, TimeUnit.SECONDS)) {
                        jazzer.kill();
                    }
                } catch (InterruptedException e) {
                    // the run ended first
                }
            });
            try {
                process.getOutputStream().close();
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        status.read(line);
                        writer.write(line);
                        writer.write('\n');
                        writer.flush();
                    }
                }
                return process.waitFor();
            } finally {
                overdue.interrupt();
            }
        } catch (IOException e) {
            throw new UserError("cannot run Jazzer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while Jazzer ran");
        }
    }

    /** How many failing inputs are saved, how many of them this run saved, and how many it triages. */
    private record Saved(int all, int fresh, int pending) {
    }

    /** Hands the failing inputs {@code files} to {@code triage}, in file-name order. */
    private void triage(Vector<Path> files, SequenceCheck check, Triage triage) {
        for (int index = 0; index < files.size(); index++) {
            Path file = files.get(index);
            DecodedSequence sequence = check.decode(read(file));
            Run run = check.run(read(file));
            if (run.failed()) {
                triage.report(new Failure(sequence.configuration().name(), run, Checks.of(properties), CrashFiles.seedOf(file), index,
                        "guided input " + file.getFileName(), Swarm.everything(), Duration.ZERO));
            }
        }
    }

    private String report(OpenSystem open, Vector<NamedConfiguration> supported, JazzerStatus status, long start,
                          Saved saved, Path crashes, Path corpus, Vector<Cause> causes, Vector<String> problems,
                          Option<String> stoppedEarly) {
        double seconds = (System.nanoTime() - start) / 1e9;
        double fuzzing = status.fuzzingSeconds();
        StringBuilder text = new StringBuilder();
        text.append("invs fuzz --guided: ").append(open.description()).append(", against the specification\n");
        text.append(String.format(Locale.ROOT, "Jazzer fuzzed for %.1f s (%.1f s in all, with start-up and shrinking),"
                + " configurations: %s%n", fuzzing, seconds, supported.map(NamedConfiguration::name).mkString(", ")));
        stoppedEarly.forEach(why -> text.append(why).append('\n'));
        text.append(String.format(Locale.ROOT, "%,d executions (%,d/s), coverage %,d edges and %,d features, corpus %,d inputs in %s%n",
                status.executions(), status.executionsPerSecond(), status.coverage(), status.features(),
                status.corpus(), corpus));
        text.append(String.format(Locale.ROOT, "%d failing input%s (crash-…) saved under %s, %d new in this run; %d"
                + " triaged now (those no earlier run triaged, and those this run found again)%n", saved.all(),
                saved.all() == 1 ? "" : "s", crashes, saved.fresh(), saved.pending()));
        if (causes.isEmpty()) {
            text.append(stoppedEarly.isDefined() ? "findings: none in what ran\n" : "findings: none\n");
        } else {
            // distinct, as a campaign's report counts them: two findings may shrink to the same rule
            int rules = causes.flatMap(cause -> cause.findings().map(finding -> finding.key())).distinct().size();
            SavedTraces traces = SavedTraces.of(causes.flatMap(Cause::findings).map(FindingSummary::of));
            text.append(String.format(Locale.ROOT, "findings: %d distinct cause%s (%d rule%s broken), each shrunk; %s%n",
                    causes.size(), causes.size() == 1 ? "" : "s", rules, rules == 1 ? "" : "s",
                    traces.describe("under " + out, !problems.isEmpty())));
            int number = 1;
            for (Cause cause : causes) {
                text.append('\n').append(CampaignReport.describe(number++, cause, open.shellFlags()));
            }
        }
        problems.forEach(problem -> text.append("problem: ").append(problem).append('\n'));
        return text.toString();
    }

    private ProgressSnapshot snapshot(JazzerStatus status) {
        double fraction = status.fuzzingSeconds() / (time.toNanos() / 1e9);
        if (!status.started()) {
            return new ProgressSnapshot(0, "Jazzer is starting (instrumenting classes)");
        }
        return new ProgressSnapshot(fraction, String.format(Locale.ROOT,
                "%,d executions, %,d exec/s, coverage %,d, corpus %,d, %d finding%s", status.executions(),
                status.executionsPerSecond(), status.coverage(), status.corpus(), status.findings(),
                status.findings() == 1 ? "" : "s"));
    }

    /**
     * Seeds an empty corpus: for each configuration a size query and a write read back (in the
     * {@link SequenceDecoder}'s encoding), and a few random byte strings.
     */
    private int seedCorpus(Path corpus, int configurations) {
        try (Stream<Path> existing = Files.list(corpus)) {
            if (existing.findAny().isPresent()) {
                return 0;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int count = 0;
        for (int index = 0; index < configurations; index++) {
            byte head = (byte) index;
            write(corpus.resolve(String.format("size-query-%d", index)), new byte[] {head, 3, 0, 13, 0, 0, 0});
            write(corpus.resolve(String.format("write-read-back-%d", index)), new byte[] {head, 8, 0, 9, 20, 1, 0x41, 3,
                    6, 0, 0, 13, 0, 0, 0, 9, 0, 9, 20, 1, 4, 0, 0, 13, 0, 0, 0});
            count += 2;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int index = 0; index < 8; index++) {
            byte[] data = new byte[8 + random.nextInt(56)];
            random.nextBytes(data);
            write(corpus.resolve(String.format("random-%02d", index)), data);
            count++;
        }
        return count;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] data) {
        try {
            Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDirectories(Path... directories) {
        for (Path directory : directories) {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UserError("cannot create " + directory + ": " + IoProblem.reason(e));
            }
        }
    }
}
