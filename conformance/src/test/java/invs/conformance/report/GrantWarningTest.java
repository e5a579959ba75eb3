package invs.conformance.report;

import invs.conformance.board.StandardConfigurations;
import invs.conformance.campaign.Budget;
import invs.conformance.campaign.Campaign;
import invs.conformance.campaign.Shard;
import invs.conformance.fixtures.NoGrants;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A kernel that refuses the grant of every app (synchronous NOMEM, docs/spec.md D21) conforms, so its reports
 * warn that the campaign says little: in report.html, after a trip through report.json, and once shards are merged.
 */
class GrantWarningTest {
    private static CampaignSummary shard(Shard shard) {
        return ReportFixtures.readBack(Campaign.against("no-grants", NoGrants::new)
                .configuration(StandardConfigurations.docDefault()).seed(ReportFixtures.SEED).budget(Budget.of(8, 40, 60))
                .shard(shard).threads(1).run(), "");
    }

    @Test
    void mostTriesRefusedAGrantIsAWarningInEveryReport() {
        CampaignSummary whole = shard(Shard.whole());
        assertEquals(8, whole.totals().triesWithGrantRefusal(), "every try met a refusal, and report.json kept the count");
        assertTrue(whole.totals().grantRefusals() > 8, "every grant call is refused");
        String warning = whole.totals().grantWarning().get();
        assertTrue(warning.startsWith("WARNING: the kernel refused an app's grant (synchronous NOMEM, docs/spec.md D21) "
                + whole.totals().grantRefusals() + " times, in 8 of 8 tries"), warning);
        assertTrue(warning.endsWith("give the system more memory"), warning);
        Document page = Jsoup.parse(HtmlReport.render(whole));
        assertEquals(warning, page.selectFirst("p.warning").text());

        Vector<Tuple2<Path, CampaignSummary>> halves = Vector.range(0, 2)
                .map(index -> Tuple.of(Path.of("shard-" + index), shard(new Shard(index, 2))));
        CampaignSummary merged = ShardMerge.merge(halves);
        assertEquals(whole.totals().grantRefusals(), merged.totals().grantRefusals());
        assertEquals(whole.totals().triesWithGrantRefusal(), merged.totals().triesWithGrantRefusal());
        assertEquals(whole.totals().grantWarning(), merged.totals().grantWarning());
    }

    @Test
    void fewTriesRefusedAGrantIsANote() {
        Totals totals = new Totals(10, true, 500, 400, 1, 0, 0.5, 0.3, 0.2, 4, 3, 2, 0);
        assertEquals("note: the kernel refused an app's grant (synchronous NOMEM, docs/spec.md D21) 3 times, in 2 of 10 tries;"
                + " an app refused its grant exercises nothing else of the driver", totals.grantWarning().get());
    }

    @Test
    void aReportWithoutRefusalsWarnsOfNothing(@TempDir Path traces) {
        CampaignSummary summary = ReportFixtures.readBack(ReportFixtures.campaign(Shard.whole(), ReportFixtures.SEED, traces), "");
        assertEquals(0, summary.totals().triesWithGrantRefusal());
        assertTrue(summary.totals().grantWarning().isEmpty());
        assertTrue(Jsoup.parse(HtmlReport.render(summary)).select("p.warning").isEmpty());
    }
}
