package invs.fuzz.campaign;

import invs.conformance.board.StandardConfigurations;
import invs.conformance.campaign.Budget;
import invs.conformance.campaign.Campaign;
import invs.conformance.campaign.CampaignResult;
import invs.conformance.zoo.Mutant;
import invs.conformance.zoo.Zoo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The findings line of a campaign's report counts the traces saved. */
class CampaignReportTest {
    private static final Mutant SIZE_BUG = Zoo.named("size-counts-header").get();

    @Test
    void aTraceDirectoryThatCannotBeMadeSavesNoTraceAndTheReportSaysSo(@TempDir Path directory) throws Exception {
        Path traces = Files.createFile(directory.resolve("a file")).resolve("traces");
        CampaignResult result = Campaign.against(SIZE_BUG.name(), SIZE_BUG)
                .configuration(StandardConfigurations.docDefault())
                .budget(Budget.of(20, 100, 30))
                .traces(traces)
                .run();
        String report = CampaignReport.render(result, "a mutant", "./invs fuzz", " --mutant " + SIZE_BUG.name());
        assertTrue(report.contains("; no trace is saved under " + traces + "; the problems below say why it could not be"
                + " written\n"), report);
        assertTrue(report.contains("\nproblem: cannot write a trace into " + traces + ": "), report);
        assertTrue(!report.contains("replay:"), report);
    }
}
