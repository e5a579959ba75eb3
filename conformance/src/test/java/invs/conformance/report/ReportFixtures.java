package invs.conformance.report;

import invs.conformance.board.StandardConfigurations;
import invs.conformance.campaign.Budget;
import invs.conformance.campaign.Campaign;
import invs.conformance.campaign.CampaignResult;
import invs.conformance.campaign.Shard;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.zoo.Zoo;
import io.vavr.collection.Vector;

import java.nio.file.Path;

/** Small campaigns whose reports the tests of this package read, merge and render. */
final class ReportFixtures {
    static final long SEED = 0x5eed;
    static final int TRIES = 24;

    private ReportFixtures() {
    }

    /** A mutant that reports the size with the header counted: one cause, found often. */
    static SystemUnderTestFactory mutant() {
        return Zoo.named("size-counts-header").get();
    }

    /** Shard {@code shard} of a seeded campaign of the mutant on two standard boards, its traces under {@code traces}. */
    static CampaignResult campaign(Shard shard, long seed, Path traces) {
        return Campaign.against("mutant-size-counts-header", mutant())
                .configurations(Vector.of(StandardConfigurations.docDefault(), StandardConfigurations.docPermissions()))
                .seed(seed).budget(Budget.of(TRIES, 60, 120)).shard(shard).threads(1).traces(traces).run();
    }

    /** The summary of {@code result} after a trip through {@code report.json}, as {@code invs merge} reads it. */
    static CampaignSummary readBack(CampaignResult result, String rerun) {
        CampaignSummary summary = CampaignSummary.of(result, new Invocation("the size mutant", rerun, " --mutant size-counts-header"));
        return JsonReportReader.parse(JsonReport.format(summary), "report.json");
    }
}
