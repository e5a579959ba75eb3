package invs.conformance.campaign;

import invs.conformance.check.Checks;
import invs.conformance.check.Run;
import invs.conformance.check.Session;
import invs.conformance.coverage.Statistics;
import invs.conformance.shrink.Deadline;
import invs.conformance.shrink.Shrinker;
import invs.conformance.sut.Exiting;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.trace.Trace;
import invs.conformance.trace.TraceHeader;
import invs.spec.Configuration;
import invs.spec.Input;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The back end of every campaign (random, sharded, guided, scheduled): takes failures as they are found,
 * drops those the baseline shares, keeps one per rule broken (the earliest try's) and counts the rest,
 * writes each new rule's trace at once; at the end shrinks each kept failure once (a failure that shows
 * only in data is shrunk with every outcome visible when that shows the answer behind it, see
 * {@link Visibility#revealed}), rewrites its trace in place, and groups the findings into causes.
 * Shrinking a finding, revealing included, takes at most the shrink time, and grouping at most the shrink
 * time per finding; a replay under way when the time is up finishes. Thread-safe: tries on several
 * threads report here.
 */
public final class Triage {
    private final String system;
    private final SystemUnderTestFactory factory;
    private final Option<SystemUnderTestFactory> baseline;
    private final Duration shrinkTime;
    private final CampaignListener listener;
    private final TraceDirectory traces;
    private final Map<String, Kept> byRule = new LinkedHashMap<>();

    /** A failure kept for its rule, how often the rule broke, and where its trace is. */
    private record Kept(Failure failure, int occurrences, Option<Path> file) {
    }

    /**
     * A triage for findings of {@code system} made by {@code factory}, shrinking each for at most
     * {@code shrinkTime}, writing traces into {@code traces} if given; with a {@code baseline}, a failure
     * counts only if the baseline passes the same inputs.
     */
    public Triage(String system, SystemUnderTestFactory factory, Option<SystemUnderTestFactory> baseline,
                  Duration shrinkTime, Option<Path> traces, CampaignListener listener) {
        this.system = system;
        this.factory = factory;
        this.baseline = baseline;
        this.shrinkTime = shrinkTime;
        this.listener = listener;
        this.traces = new TraceDirectory(traces, system);
    }

    /**
     * Takes {@code failure}: whether it counts (the baseline does not share it, and the process is not
     * {@link Exiting}: then the systems are being stopped, and their failures are not findings).
     */
    public boolean report(Failure failure) {
        if (Exiting.begun()) {
            return false;
        }
        if (sharedByBaseline(failure.run().configuration(), failure.run().inputs(), failure.checks())) {
            return false;
        }
        synchronized (byRule) {
            Kept known = byRule.get(failure.key());
            if (known != null) {
                Failure first = known.failure().order() <= failure.order() ? known.failure() : failure;
                byRule.put(failure.key(), new Kept(first, known.occurrences() + 1, known.file()));
                return true;
            }
            Option<Path> file = traces.create(failure.key(), failure.seed(), raw(failure));
            byRule.put(failure.key(), new Kept(failure, 1, file));
            listener.ruleBroken(failure.key(), byRule.size());
            return true;
        }
    }

    /** How many rules have been broken so far. */
    public int rules() {
        synchronized (byRule) {
            return byRule.size();
        }
    }

    /** Shrinks every kept failure (on {@code threads} threads), rewrites its trace, and groups the findings into causes. */
    public Vector<Cause> finish(int threads) {
        Vector<Kept> kept;
        synchronized (byRule) {
            kept = Vector.ofAll(byRule.values());
        }
        listener.shrinking(kept.size());
        Finding[] findings = new Finding[kept.size()];
        AtomicInteger next = new AtomicInteger();
        Workers.run(Math.max(1, Math.min(threads, kept.size())), () -> {
            for (int index = next.getAndIncrement(); index < findings.length; index = next.getAndIncrement()) {
                findings[index] = shrink(kept.get(index));
            }
        });
        return new CauseGrouping(factory, this::reproduction, Deadline.after(groupingTime(findings.length)))
                .group(Vector.of(findings));
    }

    /** The most time grouping {@code findings} findings may take: {@link #shrinkTime} for each. */
    private Duration groupingTime(int findings) {
        try {
            return shrinkTime.multipliedBy(findings);
        } catch (ArithmeticException e) {
            return ChronoUnit.FOREVER.getDuration();
        }
    }

    /** What could not be written. */
    public Vector<String> problems() {
        return traces.problems();
    }

    private Finding shrink(Kept kept) {
        Failure failure = kept.failure();
        Shrinker.Result shrunk = shrunk(failure.run(), failure.checks(), reproduction(failure.checks()), shrinkTime);
        Trace trace = trace(shrunk.run(), failure, "");
        Option<Path> file = kept.file();
        // The trace saved when the failure was found is named after its rule; shrinking may end at another
        // (the shortest sequence breaks an earlier rule), and the file is then named after the one it shows.
        String rule = shrunk.violation().key();
        String named = "-" + rule.replace(':', '-').toLowerCase(java.util.Locale.ROOT) + "-"
                + String.format("%016x", failure.seed());
        if (file.exists(path -> path.getFileName().toString().contains(named))) {
            // a file that still holds the trace as found is not this finding's trace: the problems name it
            file = file.filter(path -> traces.rewrite(path, trace));
        } else {
            file.forEach(traces::delete);
            file = traces.create(rule, failure.seed(), trace);
        }
        return new Finding(shrunk.violation(), failure.checks(), failure.seed(), failure.board(), failure.run().steps().size(), trace,
                failure.foundAfter(), shrunk.took(), kept.occurrences(), file, failure.origin(), failure.swarm());
    }

    /**
     * {@code failing}, which broke one of {@code checks}, shrunk through {@code reproduction} in at most
     * {@code shrinkTime}: a failure that showed only in data is shrunk with every outcome visible when that
     * shows the answer behind it ({@link Visibility#revealed}), and revealed and shrunk again once shrunk; the
     * board is simplified too unless the checks name an app by its slot (isolation's subject).
     */
    static Shrinker.Result shrunk(Run failing, Checks checks, Shrinker.Reproduction reproduction, Duration shrinkTime) {
        Deadline until = Deadline.after(shrinkTime);
        boolean simplifyBoards = checks.subject().isEmpty();
        Run visible = Visibility.revealed(failing, reproduction);
        Shrinker.Result shrunk = new Shrinker(reproduction, until.remaining(), simplifyBoards).shrink(visible);
        Run revealed = until.passed() ? shrunk.run() : Visibility.revealed(shrunk.run(), reproduction);
        if (revealed != shrunk.run()) {
            Shrinker.Result again = new Shrinker(reproduction, until.remaining(), simplifyBoards).shrink(revealed);
            shrunk = new Shrinker.Result(again.run(), shrunk.attempts() + again.attempts(), shrunk.took().plus(again.took()));
        }
        return shrunk;
    }

    /** Runs a candidate with {@code checks}; a violation the baseline shares counts as none. */
    private Shrinker.Reproduction reproduction(Checks checks) {
        return (board, inputs) -> {
            if (baseline.exists(reference -> !reference.supports(board))) {
                // a board the baseline cannot run (a simplification of the shrinker's): no failure to compare
                return new Run(board, Vector.empty(), Option.none());
            }
            Run run = Session.run(board, factory, checks, inputs, new Statistics());
            boolean shared = run.violation().exists(found ->
                    sharedByBaseline(board, inputs.take(found.step() + 1), checks));
            return shared ? new Run(board, run.steps(), Option.none()) : run;
        };
    }

    private boolean sharedByBaseline(Configuration board, Vector<Input> inputs, Checks checks) {
        return baseline.exists(reference -> reference.supports(board)
                && Session.run(board, reference, checks, inputs).failed());
    }

    private Trace raw(Failure failure) {
        return trace(failure.run(), failure, "not shrunk yet: ");
    }

    private Trace trace(Run run, Failure failure, String remark) {
        return trace(system, failure.seed(), failure.checks(), run, remark);
    }

    /**
     * The trace of {@code run}, which broke one of {@code checks}, by {@code system}: its header names the
     * property broken and, for isolation, the subject; its description is {@code remark} and the divergence.
     */
    static Trace trace(String system, long seed, Checks checks, Run run, String remark) {
        var violation = run.violation().get();
        TraceHeader header = TraceHeader.of(run.configuration(), seed, system)
                .withProperty(violation.property().label())
                .withDescription(remark + violation.description());
        if (checks.subject().isDefined()) {
            header = header.withSubject(checks.subject().get().slot());
        }
        return new Trace(header, run.steps());
    }
}
