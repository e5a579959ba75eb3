package invs.fuzz.campaign;

import invs.conformance.coverage.Corner;
import invs.conformance.coverage.CoverageRequirement;
import invs.conformance.coverage.DocumentedOutcome;
import invs.conformance.campaign.Finding;
import invs.conformance.board.NamedConfiguration;
import invs.conformance.coverage.Statistics;
import io.vavr.collection.Vector;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The summary a campaign prints at the end: what ran, how fast, which (operation, outcome) pairs of the
 * driver document were observed and how often, which corners were reached, and every finding with its
 * trace file and the command that replays it.
 */
public final class CampaignReport {
    private static final CoverageRequirement EXPECTED = CoverageRequirement.standard();

    private CampaignReport() {
    }

    /**
     * The report of {@code outcome}.
     *
     * @param outcome     what the campaign did
     * @param system      the system under test, described in one line
     * @param skipped     configurations left out because the system does not support them
     * @param rerun       the command that runs exactly the same tries again
     * @param replayFlags the flags (with leading spaces) that select the system for {@code invs replay}
     */
    public static String render(CampaignOutcome outcome, String system, Vector<NamedConfiguration> skipped, String rerun,
                                String replayFlags) {
        CampaignSettings settings = outcome.settings();
        Statistics statistics = outcome.statistics();
        StringBuilder text = new StringBuilder();
        text.append("invs fuzz: ").append(system).append(", against the specification\n");
        text.append(String.format(Locale.ROOT, "seed 0x%016x, shard %s, %d thread%s, %d steps per try, configurations: %s%n",
                settings.seed(), settings.shard(), settings.threads(), settings.threads() == 1 ? "" : "s",
                settings.steps(), settings.configurations().map(NamedConfiguration::name).mkString(", ")));
        if (settings.baseline().isDefined()) {
            text.append("baseline: failures the reference implementation shows on the same inputs are not counted\n");
        }
        if (!skipped.isEmpty()) {
            text.append("skipped (not supported by the system): ")
                    .append(skipped.map(NamedConfiguration::name).mkString(", ")).append('\n');
        }
        text.append(String.format(Locale.ROOT, "%,d tries in %.1f s%s: %,d inputs, %,d system calls checked, %,.0f system calls/s%n",
                outcome.tries(), outcome.triesTime().toNanos() / 1e9,
                outcome.complete() ? "" : " (the time budget ran out first)",
                statistics.inputs(), statistics.syscalls(), outcome.syscallsPerSecond()));
        text.append(String.format(Locale.ROOT, "the specification took %.0f%% of the checking time; widest frontier %d states%n",
                100 * statistics.modelShare(), statistics.widestFrontier()));
        text.append('\n').append(coverage(statistics));
        text.append('\n').append(corners(statistics));
        text.append('\n').append(findings(outcome, replayFlags));
        text.append("\nre-run exactly: ").append(rerun).append('\n');
        return text.toString();
    }

    /** The table of (operation, outcome) pairs with their counts, and the pairs never reached. */
    static String coverage(Statistics statistics) {
        StringBuilder text = new StringBuilder("coverage of the driver document's (operation, outcome) pairs:\n");
        text.append(String.format(Locale.ROOT, "  %-20s %-10s %12s%n", "operation", "outcome", "observed"));
        Vector<DocumentedOutcome> never = Vector.empty();
        for (DocumentedOutcome pair : DocumentedOutcome.values()) {
            long count = statistics.count(pair);
            boolean optional = !EXPECTED.outcomes().containsKey(pair);
            String remark = count > 0 ? "" : optional ? "   never (optional)" : "   NEVER REACHED";
            text.append(String.format(Locale.ROOT, "  %-20s %-10s %,12d%s%n", pair.operation(), pair.outcome(), count, remark));
            if (count == 0) {
                never = never.append(pair);
            }
        }
        int total = DocumentedOutcome.values().length;
        text.append(String.format(Locale.ROOT, "  %d of %d pairs observed", total - never.size(), total));
        if (never.isEmpty()) {
            text.append(".\n");
        } else {
            text.append("; never: ").append(never.map(DocumentedOutcome::toString).mkString(", ")).append('\n');
        }
        if (never.exists(pair -> !EXPECTED.outcomes().containsKey(pair))) {
            text.append("  (optional pairs: the document also allows answering NOSUPPORT at once instead of by upcall)\n");
        }
        return text.toString();
    }

    /** The corners the generator aims at, and those never reached. */
    static String corners(Statistics statistics) {
        Vector<Corner> missed = Vector.of(Corner.values()).filter(corner -> statistics.count(corner) == 0);
        int total = Corner.values().length;
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "corners the generator aims at: %d of %d reached", total - missed.size(), total));
        if (missed.isEmpty()) {
            return text.append(".\n").toString();
        }
        text.append("; never reached:\n");
        missed.forEach(corner -> text.append("  ").append(corner.description()).append('\n'));
        return text.toString();
    }

    private static String findings(CampaignOutcome outcome, String replayFlags) {
        Vector<CampaignOutcome.ShrunkFinding> findings = outcome.findings();
        if (findings.isEmpty()) {
            return "findings: none\n";
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "findings: %d rule%s broken%s%n",
                findings.size(), findings.size() == 1 ? "" : "s",
                outcome.settings().traces().map(dir -> ", each shrunk and saved under " + dir).getOrElse(", each shrunk")));
        int number = 1;
        for (CampaignOutcome.ShrunkFinding shrunk : findings) {
            text.append('\n').append(describe(number++, shrunk, replayFlags));
        }
        return text.toString();
    }

    /** One finding: where it came from, its report, and how to replay it. */
    public static String describe(int number, CampaignOutcome.ShrunkFinding shrunk, String replayFlags) {
        Finding finding = shrunk.finding();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "[%d] %s, found by %s%n", number, finding.key(), shrunk.origin().origin()));
        for (String line : finding.report().split("\n")) {
            text.append("    ").append(line).append('\n');
        }
        for (Path file : finding.traceFile()) {
            text.append("    replay: ./invs replay ").append(quoted(file.toString())).append(replayFlags).append('\n');
        }
        return text.toString();
    }

    private static String quoted(String path) {
        return path.matches("[A-Za-z0-9_./:=@%+,-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
    }
}
