package invs.conformance.report;

import invs.conformance.coverage.Corner;
import invs.conformance.coverage.DocumentedOutcome;
import invs.conformance.generation.IsolationScenario;
import io.vavr.collection.Vector;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks that the counts of a {@code report.json} can add up, so that a report edited by hand or damaged
 * is refused with the field at fault rather than merged into nonsense: inputs are no more than the tries'
 * steps (an isolation scenario may end a few inputs past them, {@link IsolationScenario#longest}),
 * system calls are inputs, tries with a grant refusal or stopped at the frontier bound are tries, a campaign
 * with planned tries ran no more, the failing tries of all findings together are tries (a try fails once,
 * under one rule), each finding and each cause is listed once (a try found one finding; causes that share a
 * signature are one), and the coverage and corners are the driver document's pairs and the generator's
 * corners, each once.
 */
final class ReportConsistency {
    private ReportConsistency() {
    }

    /** Checks {@code summary}, read from {@code root}. @throws ReportFormatException naming the field at fault */
    static void check(ReportNode root, CampaignSummary summary) {
        Totals totals = summary.totals();
        int steps = summary.setup().stepsPerTry();
        long most = mostInputs(totals.tries(), steps);
        if (totals.inputs() > most) {
            throw root.field("inputs").problem(String.format(Locale.ROOT, "%,d, more than the report's %,d tries of %,d"
                    + " steps can have (%,d at most)", totals.inputs(), totals.tries(), steps, most));
        }
        atMost(root, "syscalls", totals.syscalls(), totals.inputs(), "inputs (a system call is an input)");
        atMost(root, "triesWithGrantRefusal", totals.triesWithGrantRefusal(), totals.tries(), "tries");
        atMost(root.field("statistics"), "triesAtFrontierBound", totals.triesAtFrontierBound(), totals.tries(), "tries");
        summary.setup().plannedTries().forEach(planned -> atMost(root, "tries", totals.tries(), planned, "planned tries"));
        causes(root, summary);
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

    /** The most inputs {@code tries} tries of {@code steps} steps can have: each at most an isolation scenario's longest. */
    private static long mostInputs(long tries, int steps) {
        long perTry = IsolationScenario.longest(steps);
        return tries > Long.MAX_VALUE / perTry ? Long.MAX_VALUE : tries * perTry;
    }

    /**
     * Checks the causes: each finding's failing tries are tries, and so are all findings' together (a try fails
     * once, under one rule); a finding is listed once (the try that found it found no other), and so is a
     * cause (two causes that share a signature are one).
     */
    private static void causes(ReportNode root, CampaignSummary summary) {
        long tries = summary.totals().tries();
        Vector<ReportNode> causes = root.array("causes");
        Map<String, String> causeOfSignature = new HashMap<>();
        Map<String, String> findingOfTry = new HashMap<>();
        long failing = 0;
        for (int cause = 0; cause < causes.size(); cause++) {
            CauseSummary read = summary.causes().get(cause);
            ReportNode causeNode = causes.get(cause);
            once(causeOfSignature, read.signature(), causeNode, causeNode.field("signature"));
            Vector<ReportNode> findings = causeNode.array("findings");
            for (int finding = 0; finding < findings.size(); finding++) {
                FindingSummary found = read.findings().get(finding);
                ReportNode node = findings.get(finding);
                atMost(node, "occurrences", found.occurrences(), tries, "tries");
                failing += found.occurrences();
                once(causeOfSignature, found.signature(), causeNode, node.field("signature"));
                String earlier = findingOfTry.putIfAbsent(found.foundBy() + " " + found.seed(), node.path());
                if (earlier != null) {
                    throw node.field("foundBy").problem(String.format(Locale.ROOT, "%s (seed 0x%016x) also found %s; a try"
                            + " fails once, so its finding is listed once", found.foundBy(), found.seed(), earlier));
                }
            }
        }
        if (failing > tries) {
            throw root.field("causes").problem(String.format(Locale.ROOT, "%,d failing tries in all, more than the report's"
                    + " %,d tries (a try fails once, under one rule)", failing, tries));
        }
    }

    /** Checks that {@code signature}, read at {@code node} of {@code cause}, is the signature of no other cause. */
    private static void once(Map<String, String> causeOfSignature, String signature, ReportNode cause, ReportNode node) {
        String earlier = causeOfSignature.putIfAbsent(signature, cause.path());
        if (earlier != null && !earlier.equals(cause.path())) {
            throw node.problem("'" + signature + "' is the signature of " + earlier + " too; causes that share a signature"
                    + " are one, listed once");
        }
    }

    private static void atMost(ReportNode node, String name, long count, long most, String what) {
        if (count > most) {
            throw node.field(name).problem(String.format(Locale.ROOT, "%,d, more than the report's %,d %s", count, most, what));
        }
    }
}
