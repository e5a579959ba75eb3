package invs.conformance.report;

import invs.conformance.coverage.DocumentedOutcome;
import invs.conformance.coverage.Reachability;
import invs.spec.Profile;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One report from the reports of a campaign's shards ({@code invs merge}): counts and times added up,
 * coverage summed pair by pair, causes of different shards merged when their findings share a
 * {@link invs.conformance.campaign.Signature signature}, and every trace kept where it is. Cross-replay, the
 * other way one campaign groups findings (docs/conformance.md), needs the system under test and is not
 * redone: causes that shards grouped only by it, and no signature links, stay apart.
 */
public final class ShardMerge {
    private ShardMerge() {
    }

    /**
     * The merged report of {@code reports}, each read from the directory it is paired with.
     *
     * @throws IllegalArgumentException when they are not shards of one campaign, or a shard is given twice
     */
    public static CampaignSummary merge(Vector<Tuple2<Path, CampaignSummary>> reports) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        Vector<Tuple2<Path, CampaignSummary>> located = reports.map(report -> report.map2(summary -> relocated(summary, report._1)));
        Tuple2<Path, CampaignSummary> first = located.head();
        located.tail().forEach(other -> compatible(first, other));
        given(located);
        Setup setup = first._2.setup();
        Totals totals = first._2.totals();
        Vector<PairCount> coverage = first._2.coverage();
        Vector<CornerCount> corners = first._2.corners();
        for (int index = 1; index < located.size(); index++) {
            CampaignSummary other = located.get(index)._2;
            setup = setup.mergedWith(other.setup());
            totals = totals.plus(other.totals());
            coverage = sumPairs(coverage, other.coverage());
            corners = sumCorners(corners, other.corners());
        }
        coverage = answeredOtherwise(coverage, setup.profile());
        boolean complete = located.forAll(report -> report._2.totals().complete()) && setup.shards().missingCount() == 0;
        totals = totals.withComplete(complete);
        Vector<String> problems = located.flatMap(report -> report._2.problems().map(problem -> report._1 + ": " + problem));
        Vector<ShardPart> parts = located.flatMap(report -> report._2.asParts(report._1.toString()));
        return new CampaignSummary(setup, totals, coverage, corners, CauseMerge.merge(located.map(Tuple2::_2)), problems, parts);
    }

    private static void compatible(Tuple2<Path, CampaignSummary> first, Tuple2<Path, CampaignSummary> other) {
        Setup a = first._2.setup();
        Setup b = other._2.setup();
        same(first._1, other._1, "system", a.system(), b.system());
        same(first._1, other._1, "reading", a.reading(), b.reading());
        same(first._1, other._1, "seed", String.format("0x%x", a.seed()), String.format("0x%x", b.seed()));
        same(first._1, other._1, "number of shards", a.shards().count(), b.shards().count());
        same(first._1, other._1, "steps per try", a.stepsPerTry(), b.stepsPerTry());
        same(first._1, other._1, "--tries", a.plannedTries().map(String::valueOf).getOrElse("none"),
                b.plannedTries().map(String::valueOf).getOrElse("none"));
        same(first._1, other._1, "properties", a.properties().sorted().mkString(","), b.properties().sorted().mkString(","));
        same(first._1, other._1, "board mode", a.boardMode(), b.boardMode());
        same(first._1, other._1, "boards", a.boards().map(board -> board.name()).mkString(","),
                b.boards().map(board -> board.name()).mkString(","));
        same(first._1, other._1, "baseline", a.baseline(), b.baseline());
        same(first._1, other._1, "--swarm", a.swarm() ? "on" : "off", b.swarm() ? "on" : "off");
    }

    /** Checks that no shard is given twice. */
    private static void given(Vector<Tuple2<Path, CampaignSummary>> reports) {
        java.util.Map<Integer, Path> seen = new java.util.HashMap<>();
        for (Tuple2<Path, CampaignSummary> report : reports) {
            ShardSet shards = report._2.setup().shards();
            for (int index : shards.indexes()) {
                Path earlier = seen.putIfAbsent(index, report._1);
                if (earlier != null) {
                    throw new IllegalArgumentException("shard " + index + "/" + shards.count() + " is given twice: in "
                            + earlier + " and in " + report._1);
                }
            }
        }
    }

    private static void same(Path first, Path other, String what, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            throw new IllegalArgumentException(other + ": " + what + " " + b + " differs from " + first + "'s " + a
                    + "; these are not shards of one campaign");
        }
    }

    private static Vector<PairCount> sumPairs(Vector<PairCount> sum, Vector<PairCount> more) {
        for (PairCount pair : more) {
            int at = sum.indexWhere(known -> known.samePair(pair));
            sum = at < 0 ? sum.append(pair) : sum.update(at, sum.get(at).plus(pair));
        }
        return sum;
    }

    /**
     * {@code pairs} with each required pair made optional when the summed counts show the answer the document
     * allows in its place ({@link Reachability#answeredOtherwise}): a shard that saw that answer marked the
     * pair optional, one that did not marked it required, and the summed counts decide as one campaign's would.
     */
    private static Vector<PairCount> answeredOtherwise(Vector<PairCount> pairs, Profile profile) {
        return pairs.map(pair -> DocumentedOutcome.named(pair.operation(), pair.outcome()).map(documented -> {
            Reachability.Verdict verdict = Reachability.answeredOtherwise(
                    new Reachability.Verdict(pair.standing(), pair.reason()), profile, documented,
                    other -> pairs.find(counted -> counted.operation().equals(other.operation())
                            && counted.outcome().equals(other.outcome())).map(PairCount::count).getOrElse(0L));
            return new PairCount(pair.operation(), pair.outcome(), pair.count(), verdict.kind(), verdict.reason());
        }).getOrElse(pair));
    }

    private static Vector<CornerCount> sumCorners(Vector<CornerCount> sum, Vector<CornerCount> more) {
        for (CornerCount corner : more) {
            int at = sum.indexWhere(known -> known.name().equals(corner.name()));
            sum = at < 0 ? sum.append(corner) : sum.update(at, sum.get(at).plus(corner));
        }
        return sum;
    }

    /**
     * {@code summary} with its trace paths pointing into {@code directory}, where a shard's traces are when its
     * output directory was copied or mounted elsewhere: a trace named in the report that is not found as
     * written but is in {@code directory} under its file name is taken from there.
     */
    static CampaignSummary relocated(CampaignSummary summary, Path directory) {
        Vector<CauseSummary> causes = summary.causes().map(cause -> {
            Vector<FindingSummary> findings = cause.findings().map(finding -> finding.withTrace(finding.trace().map(
                    trace -> located(trace, directory))));
            String report = cause.counterexample().report();
            Option<String> before = cause.representative().trace();
            Option<String> after = findings.head().trace();
            if (before.isDefined() && !before.equals(after)) {
                report = report.replace("\ntrace: " + before.get() + "\n", "\ntrace: " + after.get() + "\n");
            }
            return new CauseSummary(cause.signature(), findings, cause.counterexample().withReport(report));
        });
        return new CampaignSummary(summary.setup(), summary.totals(), summary.coverage(), summary.corners(), causes,
                summary.problems(), summary.parts());
    }

    private static String located(String trace, Path directory) {
        try {
            Path written = Path.of(trace);
            if (Files.isRegularFile(written) || written.getFileName() == null) {
                return trace;
            }
            Path here = directory.resolve(written.getFileName());
            return Files.isRegularFile(here) ? here.toString() : trace;
        } catch (java.nio.file.InvalidPathException e) {
            return trace;
        }
    }
}
