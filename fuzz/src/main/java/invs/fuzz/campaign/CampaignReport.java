package invs.fuzz.campaign;

import invs.conformance.board.NamedConfiguration;
import invs.conformance.campaign.BoardMode;
import invs.conformance.campaign.CampaignResult;
import invs.conformance.campaign.Cause;
import invs.conformance.campaign.Shard;
import invs.conformance.report.CampaignSummary;
import invs.conformance.report.CauseSummary;
import invs.conformance.report.CornerCount;
import invs.conformance.report.FindingSummary;
import invs.conformance.report.Invocation;
import invs.conformance.report.PairCount;
import invs.conformance.report.ReportFiles;
import invs.conformance.report.Setup;
import invs.conformance.report.ShardPart;
import invs.conformance.report.ShardSet;
import invs.conformance.report.Totals;
import invs.fuzz.cli.UserError;
import io.vavr.collection.Vector;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The summary a campaign prints at the end, and {@code invs merge} for the shards of one: what ran, how fast,
 * which (operation, outcome) pairs of the driver document were observed and how often, which corners were
 * reached, and every finding with its trace file and the command that replays it.
 */
public final class CampaignReport {
    private CampaignReport() {
    }

    /**
     * The report of {@code result}.
     *
     * @param result      what the campaign did
     * @param system      the system under test, described in one line
     * @param rerun       the command that runs exactly the same tries again
     * @param replayFlags the flags (with leading spaces) that select the system for {@code invs replay}
     */
    public static String render(CampaignResult result, String system, String rerun, String replayFlags) {
        return render(CampaignSummary.of(result, new Invocation(system, rerun, replayFlags)));
    }

    /**
     * The line that names the report files written into {@code directory}, printed after the report.
     *
     * @param unwritten what {@link ReportFiles#write} could not write, one line each
     * @throws UserError naming every report file that could not be written: no line then claims they were
     */
    public static String filesLine(Path directory, Vector<String> unwritten) {
        if (!unwritten.isEmpty()) {
            throw new UserError(unwritten.mkString("; "));
        }
        return "reports: " + ReportFiles.names(directory);
    }

    /** The report of {@code summary}: a campaign's, or (with its shard parts listed) a merged one's. */
    public static String render(CampaignSummary summary) {
        Setup setup = summary.setup();
        Totals totals = summary.totals();
        StringBuilder text = new StringBuilder();
        text.append(summary.merged() ? "invs merge: " : "invs fuzz: ").append(setup.description()).append(", checked against the ")
                .append(setup.reading()).append(" reading of the driver document\n");
        text.append(summary.causesLine()).append('\n');
        if (summary.merged()) {
            int missing = setup.shards().missingCount();
            text.append(String.format(Locale.ROOT, "seed 0x%016x, shards %s merged from %d report%s%s, %d steps per try%n",
                    setup.seed(), setup.shards(), summary.parts().size(), summary.parts().size() == 1 ? "" : "s",
                    missing == 0 ? "" : String.format(Locale.ROOT, " (%d shard%s missing: %s%s)", missing, missing == 1 ? "" : "s",
                            setup.shards().firstMissing(8).map(index -> index + "/" + setup.shards().count()).mkString(", "),
                            missing > 8 ? ", …" : ""),
                    setup.stepsPerTry()));
        } else {
            text.append(String.format(Locale.ROOT, "seed 0x%016x, shard %s, %d thread%s, %d steps per try%n",
                    setup.seed(), setup.shards(), setup.threads(), setup.threads() == 1 ? "" : "s", setup.stepsPerTry()));
        }
        text.append(boards(setup));
        if (setup.baseline()) {
            text.append("baseline: failures the reference implementation shows on the same inputs are not counted\n");
        }
        if (!setup.swarm()) {
            text.append("swarm off: every try could use every plan and kind of input\n");
        }
        if (summary.merged()) {
            text.append(String.format(Locale.ROOT, "%,d tries in %d shard report%s, %.1f s of running tries in all%s: %,d inputs,"
                            + " %,d system calls checked, %,.0f system calls/s per shard%n", totals.tries(), summary.parts().size(),
                    summary.parts().size() == 1 ? "" : "s", totals.triesSeconds(),
                    totals.complete() ? "" : " (not every try of the campaign ran)", totals.inputs(), totals.syscalls(),
                    totals.syscallsPerSecond()));
        } else {
            text.append(String.format(Locale.ROOT, "%,d%s tries in %.1f s%s: %,d inputs, %,d system calls checked, %,.0f system calls/s%n",
                    totals.tries(), totals.complete() ? "" : setup.plannedTries().map(planned -> String.format(Locale.ROOT,
                            " of %,d", shareOf(setup.shards(), planned))).getOrElse(""), totals.triesSeconds(),
                    totals.complete() ? "" : " (the time budget ran out first: --time gives more)",
                    totals.inputs(), totals.syscalls(), totals.syscallsPerSecond()));
        }
        text.append(String.format(Locale.ROOT, "the specification took %.0f%% of the checking time; %s%n",
                100 * totals.modelShare(), totals.frontier()));
        totals.grantWarning().forEach(warning -> text.append(warning).append('\n'));
        text.append('\n').append(coverage(summary.coverage()));
        text.append('\n').append(corners(summary.corners()));
        text.append('\n').append(causes(summary));
        summary.problems().forEach(problem -> text.append("problem: ").append(problem).append('\n'));
        if (summary.merged()) {
            text.append("\nshard reports:\n");
            for (ShardPart part : summary.parts()) {
                text.append(String.format(Locale.ROOT, "  %s: shard %s, %,d tries in %.1f s%s%n", part.directory(), part.shards(),
                        part.tries(), part.seconds(), part.complete() ? "" : " (not all its tries ran)"));
                part.rerun().forEach(rerun -> text.append("    re-run exactly: ").append(rerun).append('\n'));
            }
        } else {
            setup.rerun().forEach(rerun -> text.append("\nre-run exactly: ").append(rerun).append('\n'));
        }
        return text.toString();
    }

    private static String boards(Setup setup) {
        StringBuilder text = new StringBuilder("boards: ").append(setup.boards().map(NamedConfiguration::name).mkString(", "));
        if (setup.boardMode() != BoardMode.STANDARD) {
            text.append(setup.boardMode() == BoardMode.GENERATED ? " (not used: generated boards only)" : "")
                    .append(String.format(Locale.ROOT, "; %,d generated board%s offered, %,d refused by the system",
                            setup.generatedOffered(), setup.generatedOffered() == 1 ? "" : "s", setup.generatedRefused()));
        }
        text.append('\n');
        if (!setup.refusedBoards().isEmpty()) {
            text.append(setup.baseline() ? "skipped (not supported by the system or the baseline): "
                    : "skipped (not supported by the system): ").append(setup.refusedBoards().mkString(", ")).append('\n');
        }
        return text.toString();
    }

    /**
     * The table of (operation, outcome) pairs with their counts; a pair never observed is marked as missed
     * (the campaign should have reached it), optional, or not reachable (and why).
     */
    static String coverage(Vector<PairCount> pairs) {
        StringBuilder text = new StringBuilder("coverage of the driver document's (operation, outcome) pairs:\n");
        text.append(String.format(Locale.ROOT, "  %-20s %-10s %12s%n", "operation", "outcome", "observed"));
        for (PairCount pair : pairs) {
            String remark = pair.count() > 0 ? "" : switch (pair.standing()) {
                case REQUIRED -> "   MISSED: the campaign should have reached it";
                case OPTIONAL -> "   never (optional: " + pair.reason().getOrElse("") + ")";
                default -> "   not reachable: " + pair.reason().getOrElse("");
            };
            text.append(String.format(Locale.ROOT, "  %-20s %-10s %,12d%s%n", pair.operation(), pair.outcome(), pair.count(), remark));
        }
        Vector<PairCount> missed = pairs.filter(PairCount::missed);
        Vector<PairCount> unreachable = pairs.filter(PairCount::unreachable);
        text.append(String.format(Locale.ROOT, "  %d of %d pairs observed", pairs.count(pair -> pair.count() > 0), pairs.size()));
        text.append(missed.isEmpty() ? "; none missed" : "; missed: " + missed.map(PairCount::pair).mkString(", "));
        text.append(unreachable.isEmpty() ? "" : "; not reachable here: " + unreachable.map(PairCount::pair).mkString(", "));
        return text.append(".\n").toString();
    }

    /** The corners the generator aims at, and those never reached. */
    static String corners(Vector<CornerCount> corners) {
        Vector<CornerCount> missed = corners.filter(corner -> corner.count() == 0);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "corners the generator aims at: %d of %d reached", corners.size() - missed.size(), corners.size()));
        if (missed.isEmpty()) {
            return text.append(".\n").toString();
        }
        text.append("; never reached:\n");
        missed.forEach(corner -> text.append("  ").append(corner.description()).append('\n'));
        return text.toString();
    }

    /** The tries of a campaign of {@code planned} that the one shard of {@code shards} runs. */
    private static long shareOf(ShardSet shards, long planned) {
        return new Shard(shards.indexes().head(), shards.count()).triesOf(planned);
    }

    private static String causes(CampaignSummary summary) {
        if (summary.causes().isEmpty()) {
            return "findings: none\n";
        }
        boolean problems = !summary.problems().isEmpty();
        String where = summary.merged() ? "; " + summary.savedTraces().describe("in the shard directories", problems)
                : summary.setup().traces().map(dir -> "; " + summary.savedTraces().describe("under " + dir, problems))
                .getOrElse("");
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "findings: %s%s%n", summary.causesLine(), where));
        int number = 1;
        for (CauseSummary cause : summary.causes()) {
            text.append('\n').append(describe(number++, cause, summary.setup().replayFlags()));
        }
        return text.toString();
    }

    /** One cause: its representative's report, the other rules it broke, how to replay it, its other traces. */
    public static String describe(int number, Cause cause, String replayFlags) {
        return describe(number, CauseSummary.of(cause), replayFlags);
    }

    /** One cause of a report: its representative's report, the other rules it broke, how to replay it, its other traces. */
    public static String describe(int number, CauseSummary cause, String replayFlags) {
        FindingSummary finding = cause.representative();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "[%d] %s, found by %s on %s (%,d failing tr%s)%n", number, finding.rule(),
                finding.foundBy(), finding.configuration(), cause.occurrences(), cause.occurrences() == 1 ? "y" : "ies"));
        if (cause.rules().size() > 1) {
            text.append("    the same cause also broke: ").append(cause.rules().tail().mkString(", ")).append('\n');
        }
        if (!finding.swarm().isEmpty()) {
            text.append("    swarm of the finding try: ").append(cause.counterexample().swarm()).append('\n');
        }
        for (String line : cause.counterexample().report().split("\n")) {
            text.append("    ").append(line).append('\n');
        }
        finding.replayCommand(replayFlags).forEach(command -> text.append("    replay: ").append(command).append('\n'));
        Vector<String> others = cause.findings().tail().flatMap(FindingSummary::shownTrace);
        if (!others.isEmpty()) {
            String label = cause.findings().tail().exists(other -> other.rule().equals(finding.rule()))
                    ? "other traces of this cause: " : "traces of the other rules: ";
            text.append("    ").append(label).append(others.mkString(", ")).append('\n');
        }
        return text.toString();
    }
}
