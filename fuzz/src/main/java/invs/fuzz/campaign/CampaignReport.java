package invs.fuzz.campaign;

import invs.conformance.board.NamedConfiguration;
import invs.conformance.campaign.BoardMode;
import invs.conformance.campaign.CampaignResult;
import invs.conformance.campaign.CampaignSettings;
import invs.conformance.campaign.Cause;

import invs.conformance.coverage.Corner;
import invs.conformance.coverage.Reachability;
import invs.conformance.coverage.DocumentedOutcome;
import invs.conformance.campaign.Finding;
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
        CampaignSettings settings = result.settings();
        Statistics statistics = result.statistics();
        StringBuilder text = new StringBuilder();
        text.append("invs fuzz: ").append(system).append(", checked against the ")
                .append(settings.profile().name().toLowerCase(Locale.ROOT)).append(" reading of the driver document\n");
        text.append(causesLine(result)).append('\n');
        text.append(String.format(Locale.ROOT, "seed 0x%016x, shard %s, %d thread%s, %d steps per try%n",
                settings.seed(), settings.shard(), settings.threads(), settings.threads() == 1 ? "" : "s",
                settings.budget().steps()));
        text.append(boards(result));
        if (settings.baseline().isDefined()) {
            text.append("baseline: failures the reference implementation shows on the same inputs are not counted\n");
        }
        text.append(String.format(Locale.ROOT, "%,d tries in %.1f s%s: %,d inputs, %,d system calls checked, %,.0f system calls/s%n",
                result.tries(), result.triesTime().toNanos() / 1e9,
                result.complete() ? "" : " (the time budget ran out first)",
                statistics.inputs(), statistics.syscalls(), result.syscallsPerSecond()));
        text.append(String.format(Locale.ROOT, "the specification took %.0f%% of the checking time; widest frontier %d states%n",
                100 * statistics.modelShare(), statistics.widestFrontier()));
        text.append(grantWarning(statistics));
        text.append('\n').append(coverage(statistics, result.reachability()));
        text.append('\n').append(corners(statistics));
        text.append('\n').append(causes(result, replayFlags));
        result.problems().forEach(problem -> text.append("problem: ").append(problem).append('\n'));
        text.append("\nre-run exactly: ").append(rerun).append('\n');
        return text.toString();
    }

    /**
     * A warning when the kernel refused apps' grants (synchronous NOMEM, docs/spec.md D21): the
     * specification allows it, but an app refused its grant uses nothing else of the driver, so tries that
     * met it exercised less; an implementation that refuses everything would pass with nothing checked.
     */
    static String grantWarning(Statistics statistics) {
        long refused = statistics.sequencesWithGrantRefusal();
        if (refused == 0) {
            return "";
        }
        long sequences = Math.max(1, statistics.sequences());
        boolean most = refused * 2 > sequences;
        return String.format(Locale.ROOT, "%s: the kernel refused an app's grant (synchronous NOMEM, docs/spec.md D21)"
                        + " %,d times, in %,d of %,d tries; an app refused its grant exercises nothing else of the driver%s%n",
                most ? "WARNING" : "note", statistics.grantRefusals(), refused, sequences,
                most ? ", so this campaign says little about the driver: give the system more memory" : "");
    }

    /** The line that leads the report: how many distinct causes, and how many rules and tries they broke. */
    static String causesLine(CampaignResult result) {
        if (result.causes().isEmpty()) {
            return "no finding";
        }
        int causes = result.causes().size();
        int rules = result.findings().size();
        int tries = result.causes().map(Cause::occurrences).sum().intValue();
        return String.format(Locale.ROOT, "%d distinct cause%s (%d rule%s broken, %d failing tr%s)", causes,
                causes == 1 ? "" : "s", rules, rules == 1 ? "" : "s", tries, tries == 1 ? "y" : "ies");
    }

    private static String boards(CampaignResult result) {
        StringBuilder text = new StringBuilder("boards: ")
                .append(result.boards().map(NamedConfiguration::name).mkString(", "));
        if (result.settings().boardMode() != BoardMode.STANDARD) {
            text.append(result.settings().boardMode() == BoardMode.GENERATED ? " (not used: generated boards only)" : "")
                    .append(String.format(Locale.ROOT, "; %,d generated board%s offered, %,d refused by the system",
                            result.generatedBoards(), result.generatedBoards() == 1 ? "" : "s", result.refusedGenerated()));
        }
        text.append('\n');
        if (!result.refusedBoards().isEmpty()) {
            text.append("skipped (not supported by the system): ").append(result.refusedBoards().mkString(", ")).append('\n');
        }
        return text.toString();
    }

    /**
     * The table of (operation, outcome) pairs with their counts; a pair never observed is marked as missed
     * (the campaign should have reached it), optional, or not reachable (and why).
     */
    static String coverage(Statistics statistics, Reachability reachability) {
        StringBuilder text = new StringBuilder("coverage of the driver document's (operation, outcome) pairs:\n");
        text.append(String.format(Locale.ROOT, "  %-20s %-10s %12s%n", "operation", "outcome", "observed"));
        Vector<DocumentedOutcome> missed = Vector.empty();
        Vector<DocumentedOutcome> unreachable = Vector.empty();
        for (DocumentedOutcome pair : DocumentedOutcome.values()) {
            long count = statistics.count(pair);
            Reachability.Verdict verdict = reachability.of(pair);
            String remark = count > 0 ? "" : switch (verdict.kind()) {
                case REQUIRED -> "   MISSED: the campaign should have reached it";
                case OPTIONAL -> "   never (optional: " + verdict.reason().get() + ")";
                default -> "   not reachable: " + verdict.reason().get();
            };
            text.append(String.format(Locale.ROOT, "  %-20s %-10s %,12d%s%n", pair.operation(), pair.outcome(), count, remark));
            if (count == 0 && verdict.required()) {
                missed = missed.append(pair);
            } else if (count == 0 && verdict.kind() != Reachability.Kind.OPTIONAL) {
                unreachable = unreachable.append(pair);
            }
        }
        int total = DocumentedOutcome.values().length;
        long observed = Vector.of(DocumentedOutcome.values()).count(pair -> statistics.count(pair) > 0);
        text.append(String.format(Locale.ROOT, "  %d of %d pairs observed", observed, total));
        text.append(missed.isEmpty() ? "; none missed" : "; missed: " + missed.map(DocumentedOutcome::toString).mkString(", "));
        text.append(unreachable.isEmpty() ? "" : "; not reachable here: "
                + unreachable.map(DocumentedOutcome::toString).mkString(", "));
        return text.append(".\n").toString();
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

    private static String causes(CampaignResult result, String replayFlags) {
        if (result.causes().isEmpty()) {
            return "findings: none\n";
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "findings: %s%s%n", causesLine(result),
                result.settings().traces().map(dir -> "; every trace is saved under " + dir).getOrElse("")));
        int number = 1;
        for (Cause cause : result.causes()) {
            text.append('\n').append(describe(number++, cause, replayFlags));
        }
        return text.toString();
    }

    /** One cause: its representative's report, the other rules it broke, how to replay it, its other traces. */
    public static String describe(int number, Cause cause, String replayFlags) {
        Finding finding = cause.representative();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "[%d] %s, found by %s on %s (%d failing tr%s)%n", number, finding.key(),
                finding.origin(), finding.configurationName(), cause.occurrences(), cause.occurrences() == 1 ? "y" : "ies"));
        if (cause.rules().size() > 1) {
            text.append("    the same cause also broke: ").append(cause.rules().tail().mkString(", ")).append('\n');
        }
        if (!finding.swarm().isEverything()) {
            text.append("    swarm of the finding try: ").append(finding.swarm().describe()).append('\n');
        }
        for (String line : finding.report().split("\n")) {
            text.append("    ").append(line).append('\n');
        }
        for (Path file : finding.traceFile()) {
            text.append("    replay: ./invs replay ").append(quoted(file.toString())).append(replayFlags).append('\n');
        }
        Vector<Path> others = cause.findings().tail().flatMap(Finding::traceFile);
        if (!others.isEmpty()) {
            text.append("    traces of the other rules: ").append(others.map(Path::toString).mkString(", ")).append('\n');
        }
        return text.toString();
    }

    private static String quoted(String path) {
        return path.matches("[A-Za-z0-9_./:=@%+,-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
    }
}
