package invs.fuzz.campaign;

import invs.conformance.campaign.Budget;
import invs.conformance.campaign.Campaign;
import invs.conformance.campaign.CampaignResult;
import invs.conformance.board.NamedConfiguration;
import invs.conformance.coverage.Statistics;
import io.vavr.collection.Vector;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A campaign split into shards and run on several threads. Each try is the engine's own single-try
 * {@link Campaign} with the try's seed and configuration, so try {@code k} here is try {@code k} of the
 * engine's campaign with the same seed; this class decides which tries run (those of its {@link Shard}),
 * runs them on {@code threads} threads until the tries or the time run out, keeps one counterexample per
 * rule broken (the one of the earliest try), and shrinks each of those once, at the end, so that a rule
 * broken by many tries costs one shrink.
 */
public final class ShardedCampaign {
    /** Shrinking inside a try is skipped: only the first counterexample of each rule is shrunk, at the end. */
    private static final Duration NO_SHRINKING = Duration.ofNanos(1);
    private static final Duration NO_LIMIT = Duration.ofDays(365);

    private final CampaignSettings settings;
    private final CampaignCounters counters;
    private final Statistics statistics = new Statistics();
    private final Map<String, Counterexample> counterexamples = new LinkedHashMap<>();
    private final AtomicLong nextPosition = new AtomicLong();
    private volatile boolean aborted;
    private long start;
    private long deadline;

    /** A campaign with {@code settings} counting into {@code counters}. */
    public ShardedCampaign(CampaignSettings settings, CampaignCounters counters) {
        this.settings = settings;
        this.counters = counters;
    }

    /** The campaign index of every try this shard would run with an unlimited time budget, in order. */
    public static Vector<Long> plannedTries(Shard shard, long tries) {
        return Vector.range(0L, shard.triesOf(tries)).map(shard::tryAt);
    }

    /** Runs the tries, then shrinks one counterexample per rule broken. */
    public CampaignOutcome run() {
        start = System.nanoTime();
        deadline = start + settings.time().toNanos();
        Workers.run(settings.threads(), this::work);
        long triesEnd = System.nanoTime();
        counters.shrinking();
        Vector<Counterexample> distinct;
        synchronized (counterexamples) {
            distinct = Vector.ofAll(counterexamples.values()).sortBy(Counterexample::order);
        }
        CounterexampleShrinker shrinker = new CounterexampleShrinker(settings.system(), settings.factory(),
                settings.properties(), settings.shrinkTime(), settings.traces(), settings.baseline());
        Vector<CampaignOutcome.ShrunkFinding> findings = shrinker.shrinkAll(distinct, settings.threads());
        long tries = counters.tries();
        boolean complete = tries >= settings.shard().triesOf(settings.tries());
        return new CampaignOutcome(settings, tries, statistics, findings,
                Duration.ofNanos(triesEnd - start), Duration.ofNanos(System.nanoTime() - triesEnd), complete);
    }

    private void work() {
        long limit = settings.shard().triesOf(settings.tries());
        while (!aborted && System.nanoTime() < deadline) {
            long position = nextPosition.getAndIncrement();
            if (position >= limit) {
                return;
            }
            try {
                runTry((int) settings.shard().tryAt(position));
            } catch (RuntimeException e) {
                aborted = true;
                throw e;
            }
        }
    }

    private void runTry(int tryIndex) {
        Vector<NamedConfiguration> configurations = settings.configurations();
        NamedConfiguration named = configurations.get(tryIndex % configurations.size());
        Campaign.Builder campaign = Campaign.against(settings.system(), settings.factory())
                .configuration(named)
                .seed(Campaign.trySeed(settings.seed(), tryIndex))
                .budget(new Budget(1, settings.steps(), NO_LIMIT))
                .properties(settings.properties())
                .shrinkTime(NO_SHRINKING);
        settings.baseline().forEach(campaign::baseline);
        CampaignResult result = campaign.run();
        synchronized (statistics) {
            statistics.merge(result.statistics());
        }
        if (!result.findings().isEmpty()) {
            Counterexample found = Counterexample.of(result.findings().head(), tryIndex,
                    Duration.ofNanos(System.nanoTime() - start));
            synchronized (counterexamples) {
                counterexamples.merge(found.key(), found, Counterexample::mergedWith);
                counters.rulesBroken(counterexamples.size());
            }
        }
        counters.tryFinished(result.statistics().syscalls());
    }
}
