package invs.conformance.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import invs.conformance.board.StandardConfigurations;
import invs.conformance.campaign.Budget;
import invs.conformance.campaign.Campaign;
import invs.conformance.campaign.CampaignResult;
import invs.conformance.reference.ReferenceProvider;
import invs.conformance.zoo.Zoo;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportFilesTest {
    static final Invocation INVOCATION = new Invocation("a system", "./invs fuzz --tries 6", "");

    @TempDir
    Path directory;

    private static CampaignResult campaign(invs.conformance.sut.SystemUnderTestFactory factory, String name, Path traces) {
        return Campaign.against(name, factory).configuration(StandardConfigurations.docDefault())
                .budget(Budget.of(6, 60, 60)).traces(traces).run();
    }

    @Test
    void aCauseIsAnEntryOfReportJsonAndAFailedTestCase() throws Exception {
        CampaignResult result = campaign(Zoo.named("size-counts-header").get(), "size <bug> & co", directory);
        assertTrue(ReportFiles.write(CampaignSummary.of(result, INVOCATION), directory).isEmpty());
        JsonNode json = new ObjectMapper().readTree(directory.resolve(ReportFiles.JSON).toFile());
        assertEquals("invs-report", json.get("format").asText());
        assertEquals("doc", json.get("profile").asText());
        assertEquals(result.tries(), json.get("tries").asLong());
        assertEquals(result.statistics().syscalls(), json.get("syscalls").asLong());
        assertEquals("doc-default", json.get("configurations").get(0).get("name").asText());
        assertEquals(29, json.get("coverage").size());
        assertEquals(result.causes().size(), json.get("causes").size());
        JsonNode cause = json.get("causes").get(0);
        assertEquals("lockstep", cause.get("property").asText());
        assertEquals("SUBSCRIBE_0_SUCCESS", cause.get("clause").asText());
        assertTrue(Files.exists(Path.of(cause.get("trace").asText())));
        assertEquals(result.causes().head().occurrences(), cause.get("occurrences").asInt());
        assertEquals("lockstep:SUBSCRIBE_0_SUCCESS", cause.get("rules").get(0).asText());

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(directory.resolve(JunitReport.FILE_NAME).toFile());
        Element suite = xml.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals(String.valueOf(result.causes().size()), suite.getAttribute("failures"));
        assertEquals(result.causes().size(), xml.getElementsByTagName("testcase").getLength());
        assertTrue(suite.getAttribute("name").contains("size <bug> & co"), "escaped and read back");
        assertTrue(xml.getElementsByTagName("failure").item(0).getTextContent().contains("lockstep broken"));
    }

    @Test
    void aCleanCampaignIsOnePassingTestCase() throws Exception {
        CampaignResult result = campaign(new ReferenceProvider(), "reference", directory);
        assertTrue(ReportFiles.write(CampaignSummary.of(result, INVOCATION), directory).isEmpty());
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(directory.resolve(JunitReport.FILE_NAME).toFile());
        assertEquals("0", xml.getDocumentElement().getAttribute("failures"));
        assertEquals(1, xml.getElementsByTagName("testcase").getLength());
        assertEquals(0, xml.getElementsByTagName("failure").getLength());
        JsonNode json = new ObjectMapper().readTree(directory.resolve(ReportFiles.JSON).toFile());
        assertEquals(0, json.get("causes").size());
        assertEquals("optional", json.get("coverage").findValues("standing").stream()
                .filter(node -> node.asText().equals("optional")).findFirst().get().asText());
    }

    @Test
    void controlBytesFromASystemDoNotBreakTheXml() {
        assertEquals("a\uFFFDb", JunitReport.clean("a\u0001b"));
        assertEquals("tab\tand line\n", JunitReport.clean("tab\tand line\n"));
    }

    @Test
    void aReportThatCannotBeWrittenIsNamedAndLeavesNoTemporaryFile() throws Exception {
        CampaignResult result = campaign(new ReferenceProvider(), "reference", directory);
        Files.createDirectories(directory.resolve(ReportFiles.JSON).resolve("inner"));
        Vector<String> problems = ReportFiles.write(CampaignSummary.of(result, INVOCATION), directory);
        assertEquals(Vector.of("cannot write " + directory.resolve(ReportFiles.JSON)
                + ": a directory is in the way"), problems);
        assertTrue(Files.isRegularFile(directory.resolve(ReportFiles.HTML)), "the others are written");
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of(), files.filter(file -> file.toString().endsWith(".tmp")).toList());
        }
    }

    @Test
    void anEarlierCampaignsReportsAreRemovedAndTracesKept() throws Exception {
        for (String name : List.of(ReportFiles.JSON, JunitReport.FILE_NAME, ReportFiles.HTML, "lockstep-A.jsonl")) {
            Files.writeString(directory.resolve(name), "earlier");
        }
        assertEquals(Vector.empty(), ReportFiles.removeEarlier(directory));
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of("lockstep-A.jsonl"), files.map(file -> file.getFileName().toString()).toList());
        }
        assertEquals(Vector.empty(), ReportFiles.removeEarlier(directory), "nothing there is no problem");
        Files.createDirectories(directory.resolve(ReportFiles.JSON).resolve("inner"));
        assertEquals(Vector.empty(), ReportFiles.removeEarlier(directory), "a directory is no report");
        assertTrue(Files.isDirectory(directory.resolve(ReportFiles.JSON).resolve("inner")), "and is left alone");
    }
}
