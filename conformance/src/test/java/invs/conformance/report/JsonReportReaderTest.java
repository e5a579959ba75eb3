package invs.conformance.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import invs.conformance.campaign.Shard;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonReportReaderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path directory;

    private static String written;

    @BeforeAll
    static void writeAReportWithACause() {
        CampaignSummary summary = CampaignSummary.of(ReportFixtures.campaign(new Shard(1, 3), ReportFixtures.SEED, directory),
                new Invocation("the size mutant", "./invs fuzz --shard 1/3", " --mutant size-counts-header"));
        written = JsonReport.format(summary);
    }

    @Test
    void aReportReadBackIsWrittenTheSame() {
        CampaignSummary read = JsonReportReader.parse(written, "report.json");
        assertEquals(written, JsonReport.format(read));
        assertEquals("1/3", read.setup().shards().toString());
        assertFalse(read.causes().isEmpty());
        Counterexample counterexample = read.causes().head().counterexample();
        assertEquals(read.causes().head().representative().steps(), counterexample.steps().size());
        assertEquals(counterexample.steps().size(), counterexample.diverging().step());
        assertTrue(counterexample.diverging().closest().isDefined());
        assertEquals("argument 1", counterexample.diverging().differences().head().field());
        assertEquals("SUBSCRIBE_0_SUCCESS", counterexample.diverging().differences().head().clause());
    }

    @Test
    void aMergedReportReadBackIsWrittenTheSame() {
        CampaignSummary one = JsonReportReader.parse(written, "report.json");
        CampaignSummary merged = ShardMerge.merge(io.vavr.collection.Vector.of(io.vavr.Tuple.of(directory, one)));
        String text = JsonReport.format(merged);
        assertEquals(text, JsonReport.format(JsonReportReader.parse(text, "merged.json")));
        assertEquals(1, JsonReportReader.parse(text, "merged.json").parts().size());
    }

    @Test
    void aMalformedReportIsOneLineNamingTheField() {
        assertProblem("report.json: not valid JSON at line 1, column 2", text -> "{x");
        assertProblem("report.json: expected a JSON object", text -> "[1, 2]");
        assertProblem("report.json: not a report of invs (no \"format\": \"invs-report\")", json(root -> root.put("format", "other")));
        assertProblem("report.json: field version: version 2 is not one this invs reads (1)", json(root -> root.put("version", 2)));
        assertProblem("report.json: field tries: missing", json(root -> root.remove("tries")));
        assertProblem("report.json: field complete: expected true or false", json(root -> root.put("complete", "yes")));
        assertProblem("report.json: field syscalls: expected 0 or more, got -3", json(root -> root.put("syscalls", -3)));
        assertProblem("report.json: field seed: expected 0x and up to 16 hexadecimal digits, got '12'", json(root -> root.put("seed", "12")));
        assertProblem("report.json: field shard: shards are distinct ascending numbers from 0 to 3, got 5/4",
                json(root -> root.put("shard", "5/4")));
        assertProblem("report.json: field coverage[0].standing: expected required, optional, not-announced or"
                + " impossible-on-boards, got 'maybe'", json(root -> ((ObjectNode) root.get("coverage").get(0)).put("standing", "maybe")));
        assertProblem("report.json: field causes[0].counterexample.steps[0].app: app 9 is not on the board: the counterexample has",
                json(root -> ((ObjectNode) root.get("causes").get(0).get("counterexample").get("steps").get(0)).put("app", 9)));
        assertProblem("report.json: field causes[0].findings: a cause has at least one finding",
                json(root -> ((ArrayNode) root.get("causes").get(0).get("findings")).removeAll()));
        assertProblem("report.json: field configurations[0].configuration: regionSize",
                json(root -> ((ObjectNode) root.get("configurations").get(0).get("configuration")).put("regionSize", "big")));
    }

    @Test
    void aReportIsOneJsonObjectWithEachFieldOnce() {
        assertProblem("report.json: not valid JSON at line ", text -> text + "\n{}");
        assertProblem("report.json: field version: given twice (a field may appear once in an object)",
                text -> text.replaceFirst("\"version\" : 1,", "\"version\" : 1, \"version\" : 2,"));
        assertProblem("report.json: not valid JSON at line 1, column 2: Unexpected end-of-input: expected close marker for"
                + " Object (start marker at line 1, column 1)", text -> "{");
    }

    @Test
    void aMissingOrHugeFileIsRefusedBeforeParsing() throws Exception {
        ReportFormatException missing = assertThrows(ReportFormatException.class,
                () -> JsonReportReader.read(directory.resolve("nothing").resolve("report.json")));
        assertTrue(missing.getMessage().endsWith("report.json: no such file (is this the --out directory of an invs fuzz run, and did that run finish?)"),
                missing.getMessage());
        Path huge = directory.resolve("huge.json");
        Files.write(huge, new byte[(int) JsonReportReader.MAX_BYTES + 1]);
        ReportFormatException large = assertThrows(ReportFormatException.class, () -> JsonReportReader.read(huge));
        assertEquals(huge + ": larger than 64 MiB; not a report of invs", large.getMessage());
        Path binary = directory.resolve("binary.json");
        Files.write(binary, new byte[] {'{', (byte) 0xff, '}'});
        assertEquals(binary + ": not valid UTF-8",
                assertThrows(ReportFormatException.class, () -> JsonReportReader.read(binary)).getMessage());
    }

    private static java.util.function.UnaryOperator<String> json(Consumer<ObjectNode> change) {
        return text -> {
            try {
                ObjectNode root = (ObjectNode) MAPPER.readTree(text);
                change.accept(root);
                return MAPPER.writeValueAsString(root);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static void assertProblem(String expected, java.util.function.UnaryOperator<String> change) {
        ReportFormatException problem = assertThrows(ReportFormatException.class,
                () -> JsonReportReader.parse(change.apply(written), "report.json"));
        assertTrue(problem.getMessage().startsWith(expected), problem.getMessage());
        assertFalse(problem.getMessage().contains("\n"), problem.getMessage());
    }
}
