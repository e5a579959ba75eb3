package invs.conformance.campaign;

import invs.conformance.board.BoardGenerator;
import invs.conformance.board.NamedConfiguration;
import invs.conformance.check.SpecificationMemory;
import invs.conformance.coverage.Statistics;
import invs.conformance.sut.SystemUnderTestFactory;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A property-based test campaign, the engine's one campaign loop: seeded tries, each a generated sequence
 * on a standard or generated board run in lockstep against the specification (or, for a share of them, an
 * isolation scenario), on several threads, for the tries of one shard; every failure goes to a
 * {@link Triage}, which keeps one per rule, shrinks it once and groups the findings into causes.
 *
 * <pre>{@code
 * CampaignResult result = Campaign.against("reference", new ReferenceProvider())
 *         .seed(42).budget(Budget.of(300, 150, 60)).traces(Path.of("findings")).run();
 * }</pre>
 */
public final class Campaign {
    /** The seed used unless told otherwise, so that CI runs are reproducible. */
    public static final long DEFAULT_SEED = 0x50004L;

    private final CampaignSettings settings;

    Campaign(CampaignSettings settings) {
        this.settings = settings;
    }

    /** A campaign builder for the system {@code name} made by {@code factory}. */
    public static CampaignBuilder against(String name, SystemUnderTestFactory factory) {
        return new CampaignBuilder(name, factory);
    }

    /** The seed of try {@code index} of a campaign with {@code seed}: try 0 uses the campaign's seed itself. */
    public static long trySeed(long seed, long index) {
        if (index == 0) {
            return seed;
        }
        long z = seed + index * 0x9E37_79B9_7F4A_7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    /** Whether the try with {@code trySeed} is an isolation scenario (when isolation is checked at all). */
    public static boolean isIsolationTry(long trySeed) {
        return TryRunner.isIsolationTry(trySeed);
    }

    /** The settings. */
    public CampaignSettings settings() {
        return settings;
    }

    /**
     * Runs the campaign: the tries until the budget's tries or time run out (a try running when the time
     * runs out stops there, with a verdict on the inputs it ran), then shrinking and grouping.
     *
     * @throws IllegalArgumentException when the system supports none of the given boards (and none are generated)
     */
    public CampaignResult run() {
        Vector<NamedConfiguration> supported = settings.boards().filter(board -> settings.factory().supports(board.configuration())
                && SpecificationMemory.refusal(board.configuration()).isEmpty()
                && settings.baseline().forAll(baseline -> baseline.supports(board.configuration())));
        Vector<String> refusedGiven = settings.boards().removeAll(supported)
                .map(board -> board.name() + settings.factory().refusal(board.configuration())
                        .orElse(SpecificationMemory.refusal(board.configuration()))
                        .orElse(settings.baseline().flatMap(baseline -> baseline.refusal(board.configuration())
                                .map(why -> "the baseline cannot run it: " + why)))
                        .map(why -> " (" + why + ")").getOrElse(""));
        if (supported.isEmpty() && settings.boardMode() != BoardMode.GENERATED) {
            throw new IllegalArgumentException((settings.baseline().isEmpty() ? settings.system() + " supports none of the boards "
                    : "none of the boards can be run by both " + settings.system() + " and the baseline: ") + refusedGiven.mkString(", "));
        }
        // the time budget is the tries': asking the system which boards it builds (a server started for
        // each, with --sut-fresh) comes before it
        long start = System.nanoTime();
        long deadline = settings.budget().deadlineAfter(start);
        settings.listener().started();
        BoardChoice choice = new BoardChoice(settings.boardMode(), supported, new BoardGenerator(settings.profile()),
                settings.factory(), settings.baseline());
        Triage triage = new Triage(settings.system(), settings.factory(), settings.baseline(), settings.shrinkTime(),
                settings.traces(), settings.listener());
        TryRunner runner = new TryRunner(settings, start, deadline);
        Statistics statistics = new Statistics();
        long limit = settings.shard().triesOf(settings.budget().tries());
        AtomicLong next = new AtomicLong();
        AtomicLong run = new AtomicLong();
        AtomicLong processed = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        Workers.run(settings.threads(), () -> {
            Statistics local = new Statistics();
            BatchPace pace = new BatchPace();
            // against a system that pipelines, a try is begun before the one before it is finished
            // (TryRunner.begin); a try that ran whole when it began is finished at once
            BegunTry unfinished = null;
            try {
                for (long position = next.getAndIncrement(); position < limit && System.nanoTime() < deadline && !stop.get();
                     position = next.getAndIncrement()) {
                    long index = settings.shard().tryAt(position);
                    long seed = trySeed(settings.seed(), index);
                    Option<NamedConfiguration> board = choice.boardOf(index, seed);
                    BegunTry previous = unfinished;
                    unfinished = board.isDefined() ? runner.begin(index, board.get(), seed, local, pace) : null;
                    if (previous != null && finish(previous, triage, run)) {
                        stop.set(true);
                    }
                    // a try that ran whole when it began is finished even after a stop: its inputs are counted
                    if (unfinished != null && unfinished.ended()) {
                        BegunTry ended = unfinished;
                        unfinished = null;
                        if (finish(ended, triage, run)) {
                            stop.set(true);
                        }
                    }
                    processed.incrementAndGet();
                }
            } catch (RuntimeException | Error failure) {
                if (unfinished != null) {
                    unfinished.abandon(); // the try begun and not finished: close its system first
                }
                throw failure;
            }
            if (unfinished != null) {
                if (stop.get()) { // begun, not judged: none of its inputs is counted
                    unfinished.abandon();
                    processed.decrementAndGet();
                } else if (finish(unfinished, triage, run)) {
                    stop.set(true);
                }
            }
            synchronized (statistics) {
                statistics.merge(local);
            }
        });
        long triesEnd = System.nanoTime();
        // a try cut short by the deadline ran, but not whole: the campaign did not run its budget
        boolean complete = processed.get() >= limit && statistics.triesStoppedAtDeadline() == 0;
        Vector<Cause> causes = triage.finish(settings.threads());
        return new CampaignResult(settings, run.get(), complete, causes, statistics, supported, refusedGiven,
                choice.generated(), choice.refused(), triage.problems(), Duration.ofNanos(triesEnd - start),
                Duration.ofNanos(System.nanoTime() - triesEnd), runner.capabilities());
    }

    /** Finishes {@code begun}, counts it as run and reports its failure: whether the campaign stops there. */
    private boolean finish(BegunTry begun, Triage triage, AtomicLong run) {
        Option<Failure> failure = begun.finish();
        run.incrementAndGet();
        return failure.isDefined() && triage.report(failure.get()) && settings.stopAtFirst();
    }
}
