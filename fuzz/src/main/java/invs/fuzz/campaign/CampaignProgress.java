package invs.fuzz.campaign;

import invs.conformance.campaign.CampaignSettings;

import invs.fuzz.progress.ProgressSnapshot;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * The live figures of a running campaign for a progress display: the share of the budget used (time or
 * tries, whichever is further along) and the tries, throughput and findings so far.
 */
public final class CampaignProgress implements Supplier<ProgressSnapshot> {
    private final CampaignCounters counters;
    private final CampaignSettings settings;
    private final boolean compact;

    /** The progress of a campaign with {@code settings} counting into {@code counters}; {@code compact} for a bar. */
    public CampaignProgress(CampaignCounters counters, CampaignSettings settings, boolean compact) {
        this.counters = counters;
        this.settings = settings;
        this.compact = compact;
    }

    @Override
    public ProgressSnapshot get() {
        double seconds = counters.seconds();
        double rate = seconds == 0 ? 0 : counters.syscalls() / seconds;
        String findings = counters.findings() + (counters.findings() == 1 ? " rule broken" : " rules broken");
        String figures = compact
                ? String.format(Locale.ROOT, "%,d tries · %s syscalls/s · %s", counters.tries(), abbreviated(rate), findings)
                : String.format(Locale.ROOT, "%,d tries, %,d syscalls, %,.0f syscalls/s, %s", counters.tries(),
                        counters.syscalls(), rate, findings);
        if (counters.isShrinking()) {
            return new ProgressSnapshot(1, figures + (counters.findings() == 0 ? ", done" : ", shrinking"));
        }
        double byTime = seconds / (settings.budget().time().toNanos() / 1e9);
        double byTries = (double) counters.tries() / Math.max(1, settings.shard().triesOf(settings.budget().tries()));
        return new ProgressSnapshot(Math.max(byTime, byTries), figures);
    }

    private static String abbreviated(double value) {
        return value >= 10_000 ? String.format(Locale.ROOT, "%.0fk", value / 1000) : String.format(Locale.ROOT, "%.0f", value);
    }
}
