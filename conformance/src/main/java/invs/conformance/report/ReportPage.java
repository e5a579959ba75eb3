package invs.conformance.report;

import invs.conformance.board.NamedConfiguration;
import invs.conformance.campaign.BoardMode;
import io.vavr.collection.Vector;

import java.util.Locale;

/**
 * What the {@code report.html} template shows, prepared from a {@link CampaignSummary}: the verdict, the facts
 * of the run, the coverage matrix and corners, and every cause. Every text here may come from a system under
 * test; the template escapes it.
 *
 * @param title        the page's title
 * @param verdict      the verdict in words ({@code no finding}, {@code 2 distinct causes (…)})
 * @param failed       whether anything was found
 * @param warnings     what makes the campaign say less than it seems to (the kernel refusing grants)
 * @param facts        what ran, how much and how fast
 * @param parts        for a merged report, one line of facts per shard report
 * @param problems     what could not be written
 * @param matrix       the coverage of the documented pairs
 * @param coverageLine how many pairs were observed, in words
 * @param notSeen      the pairs never observed, each with what that means here
 * @param corners      every corner with its count; those never reached are marked
 * @param causes       the causes
 */
public record ReportPage(String title, String verdict, boolean failed, Vector<String> warnings, Vector<Fact> facts, Vector<Vector<Fact>> parts,
                         Vector<String> problems, CoverageMatrix matrix, String coverageLine, Vector<Fact> notSeen,
                         Vector<CornerCount> corners, Vector<CauseView> causes) {

    /** The page of {@code summary}. */
    public static ReportPage of(CampaignSummary summary) {
        Setup setup = summary.setup();
        Vector<PairCount> pairs = summary.coverage();
        long observed = pairs.count(pair -> pair.count() > 0);
        Vector<Fact> notSeen = pairs.filter(pair -> pair.count() == 0).map(pair -> new Fact(pair.pair(), switch (pair.standing()) {
            case REQUIRED -> "missed: the campaign should have reached it";
            case OPTIONAL -> "optional: " + pair.reason().getOrElse("");
            default -> "not reachable here: " + pair.reason().getOrElse("");
        }));
        Vector<CauseView> causes = Vector.range(0, summary.causes().size())
                .map(index -> CauseView.of(index + 1, summary.causes().get(index), setup));
        return new ReportPage("invs report: " + setup.system() + " (" + setup.reading() + " reading)", summary.causesLine(),
                !summary.causes().isEmpty(), summary.totals().grantWarning().toVector(), facts(summary), summary.parts().map(ReportPage::part), summary.problems(),
                CoverageMatrix.of(pairs), observed + " of " + pairs.size() + " pairs observed", notSeen, summary.corners(), causes);
    }

    private static Vector<Fact> facts(CampaignSummary summary) {
        Setup setup = summary.setup();
        Totals totals = summary.totals();
        String boards = setup.boards().map(NamedConfiguration::name).mkString(", ")
                + (setup.boardMode() == BoardMode.STANDARD ? "" : String.format(Locale.ROOT,
                "; %,d generated boards offered, %,d refused by the system", setup.generatedOffered(), setup.generatedRefused()));
        Vector<Fact> facts = Vector.of(
                new Fact("system under test", setup.description() + " [" + setup.system() + "]"),
                new Fact("reading", setup.reading() + " reading of the driver document"),
                new Fact("seed", String.format("0x%016x", setup.seed())),
                new Fact(setup.shards().merged() ? "shards" : "shard", setup.shards() + (setup.shards().missingCount() > 0
                        ? " (" + setup.shards().missingCount() + " of " + setup.shards().count() + " missing)"
                        : setup.shards().merged() ? " (all " + setup.shards().count() + ")" : "")),
                new Fact("tries", String.format(Locale.ROOT, "%,d (%d steps each)%s", totals.tries(), setup.stepsPerTry(),
                        totals.complete() ? "" : summary.merged() ? " (not every try of the campaign ran)" : " (the time budget ran out first)")),
                new Fact("checked", String.format(Locale.ROOT, "%,d inputs, %,d system calls", totals.inputs(), totals.syscalls())),
                new Fact(summary.merged() ? "time running tries (all shards)" : "time running tries",
                        String.format(Locale.ROOT, "%.1f s, %,.0f system calls/s%s", totals.triesSeconds(),
                                totals.syscallsPerSecond(), summary.merged() ? " per shard" : "")),
                new Fact("specification", String.format(Locale.ROOT, "%.0f%% of the checking time; %s",
                        100 * totals.modelShare(), totals.frontier())),
                new Fact("boards", boards),
                new Fact("properties", setup.properties().mkString(", ")));
        if (!setup.refusedBoards().isEmpty()) {
            facts = facts.append(new Fact("skipped boards", setup.refusedBoards().mkString("; ")));
        }
        if (setup.baseline()) {
            facts = facts.append(new Fact("baseline", "failures the reference implementation shows on the same inputs are not counted"));
        }
        return setup.rerun().map(rerun -> Fact.command("re-run exactly", rerun)).map(facts::append).getOrElse(facts);
    }

    private static Vector<Fact> part(ShardPart part) {
        return Vector.of(new Fact("directory", part.directory()), new Fact("shard", part.shards().toString()),
                new Fact("tries", String.format(Locale.ROOT, "%,d%s", part.tries(), part.complete() ? "" : " (not all)")),
                new Fact("seconds", String.format(Locale.ROOT, "%.1f", part.seconds())),
                Fact.command("re-run", part.rerun().getOrElse("")));
    }
}
