package invs.conformance.report;

import invs.conformance.campaign.CampaignResult;
import io.vavr.collection.Vector;

import java.util.Locale;

/**
 * Everything a campaign's reports show, whatever their form (text, {@code report.json}, JUnit XML,
 * {@code report.html}): made from a campaign's result, read back from {@code report.json}, or merged from the
 * reports of a campaign's shards ({@link ShardMerge}).
 *
 * @param setup    what ran
 * @param totals   how much ran, and where the time went
 * @param coverage every (operation, outcome) pair of the driver document with its count and standing
 * @param corners  every corner the generator aims at with its count
 * @param causes   the distinct causes found
 * @param problems what could not be written (trace files), one line each
 * @param parts    for a merged report, the shard reports it was made of (empty otherwise)
 */
public record CampaignSummary(Setup setup, Totals totals, Vector<PairCount> coverage, Vector<CornerCount> corners,
                              Vector<CauseSummary> causes, Vector<String> problems, Vector<ShardPart> parts) {

    /** The summary of {@code result}, a campaign started as {@code invocation} says. */
    public static CampaignSummary of(CampaignResult result, Invocation invocation) {
        return new CampaignSummary(Setup.of(result, invocation), Totals.of(result),
                PairCount.of(result.statistics(), result.reachability()), CornerCount.of(result.statistics()),
                result.causes().map(CauseSummary::of), result.problems(), Vector.empty());
    }

    /** Every finding, cause by cause. */
    public Vector<FindingSummary> findings() {
        return causes.flatMap(CauseSummary::findings);
    }

    /** How many of its findings have their trace saved (every finding is meant to have one when traces are written). */
    public SavedTraces savedTraces() {
        return SavedTraces.of(findings());
    }

    /** Whether this report was merged from the reports of shards. */
    public boolean merged() {
        return !parts.isEmpty();
    }

    /** This report as one shard part of a merged report, read from {@code directory}. */
    Vector<ShardPart> asParts(String directory) {
        return merged() ? parts : Vector.of(new ShardPart(directory, setup.shards(), totals.tries(), totals.complete(),
                totals.triesSeconds(), setup.threads(), setup.rerun()));
    }

    /**
     * The line that leads a report: {@code no finding}, or how many distinct causes, and how many rules and
     * failing tries they account for.
     */
    public String causesLine() {
        if (causes.isEmpty()) {
            return "no finding";
        }
        // After shrinking two findings can show the same rule (each was found under the rule its unshrunk try broke)
        int rules = findings().map(FindingSummary::rule).distinct().size();
        long tries = causes.map(CauseSummary::occurrences).sum().longValue();
        return String.format(Locale.ROOT, "%d distinct cause%s (%d rule%s broken, %,d failing tr%s)", causes.size(),
                causes.size() == 1 ? "" : "s", rules, rules == 1 ? "" : "s", tries, tries == 1 ? "y" : "ies");
    }
}
