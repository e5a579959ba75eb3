package invs.conformance.report;

import invs.conformance.coverage.Corner;
import invs.conformance.coverage.DocumentedOutcome;
import io.vavr.collection.Vector;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Checks that the counts of a {@code report.json} can add up, so that a report edited by hand or damaged
 * is refused with the field at fault rather than merged into nonsense: system calls are inputs, tries with
 * a grant refusal or stopped at the frontier bound and a rule's failing tries are tries, a campaign with
 * planned tries ran no more, and the coverage and corners are the driver document's pairs and the
 * generator's corners, each once.
 */
final class ReportConsistency {
    private ReportConsistency() {
    }

    /** Checks {@code summary}, read from {@code root}. @throws ReportFormatException naming the field at fault */
    static void check(ReportNode root, CampaignSummary summary) {
        Totals totals = summary.totals();
        atMost(root, "syscalls", totals.syscalls(), totals.inputs(), "inputs (a system call is an input)");
        atMost(root, "triesWithGrantRefusal", totals.triesWithGrantRefusal(), totals.tries(), "tries");
        atMost(root.field("statistics"), "triesAtFrontierBound", totals.triesAtFrontierBound(), totals.tries(), "tries");
        summary.setup().plannedTries().forEach(planned -> atMost(root, "tries", totals.tries(), planned, "planned tries"));
        Vector<ReportNode> causes = root.array("causes");
        for (int cause = 0; cause < causes.size(); cause++) {
            Vector<ReportNode> findings = causes.get(cause).array("findings");
            for (int finding = 0; finding < findings.size(); finding++) {
                atMost(findings.get(finding), "occurrences",
                        summary.causes().get(cause).findings().get(finding).occurrences(), totals.tries(), "tries");
            }
        }
        Set<String> pairs = new HashSet<>();
        Vector<ReportNode> coverage = root.array("coverage");
        for (int at = 0; at < coverage.size(); at++) {
            PairCount pair = summary.coverage().get(at);
            if (DocumentedOutcome.named(pair.operation(), pair.outcome()).isEmpty()) {
                throw coverage.get(at).problem(pair.pair() + " is not a pair of the driver document");
            }
            if (!pairs.add(pair.pair())) {
                throw coverage.get(at).problem(pair.pair() + " is counted twice");
            }
        }
        Set<String> corners = new HashSet<>();
        Vector<ReportNode> cornerNodes = root.array("corners");
        for (int at = 0; at < cornerNodes.size(); at++) {
            String name = summary.corners().get(at).name();
            if (Vector.of(Corner.values()).forAll(corner -> !corner.name().toLowerCase(Locale.ROOT).equals(name))) {
                throw cornerNodes.get(at).field("corner").problem("'" + name + "' is not a corner of the generator");
            }
            if (!corners.add(name)) {
                throw cornerNodes.get(at).problem(name + " is counted twice");
            }
        }
    }

    private static void atMost(ReportNode node, String name, long count, long most, String what) {
        if (count > most) {
            throw node.field(name).problem(String.format(Locale.ROOT, "%,d, more than the report's %,d %s", count, most, what));
        }
    }
}
