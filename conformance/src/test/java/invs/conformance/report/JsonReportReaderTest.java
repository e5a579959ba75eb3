package invs.conformance.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import invs.conformance.board.StandardConfigurations;
import invs.conformance.campaign.Budget;
import invs.conformance.campaign.Campaign;
import invs.conformance.campaign.CampaignResult;
import invs.conformance.campaign.Shard;
import invs.conformance.check.Property;
import invs.conformance.generation.IsolationScenario;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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

    /** Findings and causes listed twice, or failing tries that add up to more than ran, are refused. */
    @Test
    void failingTriesThatCannotAddUpAreRefused() {
        ObjectNode cause = (ObjectNode) parsed().get("causes").get(0);
        String added = "causes[" + causes(parsed()).size() + "]";
        String signature = cause.get("signature").asText();
        ObjectNode finding = (ObjectNode) cause.get("findings").get(0);
        String foundBy = finding.get("foundBy").asText() + " (seed " + finding.get("seed").asText() + ")";
        assertProblem("report.json: field " + added + ".signature: '" + signature + "' is the signature of causes[0] too;"
                + " causes that share a signature are one, listed once", json(root -> causes(root).add(cause.deepCopy())));
        String twice = "causes[0].findings[" + cause.get("findings").size() + "]";
        assertProblem("report.json: field " + twice + ".foundBy: " + foundBy + " also found causes[0].findings[0];"
                + " a try fails once, so its finding is listed once",
                json(root -> ((ArrayNode) root.get("causes").get(0).get("findings")).add(finding.deepCopy())));
        String sameTry = finding.get("foundBy").asText();
        assertProblem("report.json: field " + added + ".findings[0].foundBy: " + foundBy + " also found causes[0].findings[0]",
                json(root -> causes(root).add(otherCause(cause, sameTry, "lockstep at yield [other]"))));
        assertProblem("report.json: field " + added + ".findings[0].signature: '" + signature + "' is the signature of"
                + " causes[0] too", json(root -> causes(root).add(otherCause(cause, "try 999999", signature)
                .put("signature", "lockstep at yield [other]"))));
        ObjectNode edited = parsed();
        long tries = edited.get("tries").asLong();
        causes(edited).add(otherCause(cause, "try 999999", "lockstep at yield [other]"));
        edited.get("causes").forEach(each -> ((ObjectNode) each.get("findings").get(0)).put("occurrences", tries));
        long failing = 0;
        for (var each : edited.get("causes")) {
            for (var one : each.get("findings")) {
                failing += one.get("occurrences").asLong();
            }
        }
        assertTrue(failing > tries);
        assertProblem("report.json: field causes: " + failing + " failing tries in all, more than the report's " + tries
                + " tries (a try fails once, under one rule)", text -> edited.toString());
    }

    /** A report whose causes' failing tries add up to every try, each cause found by its own tries, is read. */
    @Test
    void causesOfDistinctTriesAndSignaturesThatAddUpToEveryTryAreRead() {
        ObjectNode root = parsed();
        long tries = root.get("tries").asLong();
        root.get("causes").forEach(each -> each.get("findings").forEach(one -> ((ObjectNode) one).put("occurrences", 0)));
        ObjectNode cause = (ObjectNode) root.get("causes").get(0);
        ObjectNode second = otherCause(cause, "try 999999", "lockstep at yield [other]");
        ((ObjectNode) second.get("findings").get(0)).put("occurrences", 1);
        causes(root).add(second);
        ((ObjectNode) cause.get("findings").get(0)).put("occurrences", tries - 1);
        CampaignSummary read = JsonReportReader.parse(root.toString(), "report.json");
        assertEquals(causes(parsed()).size() + 1, read.causes().size());
        assertEquals(tries, read.causes().map(CauseSummary::occurrences).sum().longValue());
    }

    /**
     * Inputs are at most what the tries can have: the steps per try, and the few more an isolation scenario
     * may end with ({@link IsolationScenario#longest}), as in a campaign of isolation scenarios of one step.
     */
    @Test
    void inputsMoreThanTheTriesCanHaveAreRefused() {
        ObjectNode root = parsed();
        long tries = root.get("tries").asLong();
        long steps = root.get("stepsPerTry").asLong();
        long most = tries * IsolationScenario.longest((int) steps);
        root.put("inputs", most);
        assertEquals(most, JsonReportReader.parse(root.toString(), "report.json").totals().inputs());
        assertProblem(String.format(Locale.ROOT, "report.json: field inputs: %,d, more than the report's %,d tries of %,d"
                + " steps can have (%,d at most)", most + 1, tries, steps, most), json(edited -> edited.put("inputs", most + 1)));
        assertProblem("report.json: field inputs: 9,000,000,000,000,000,000, more than the report's ",
                json(edited -> edited.put("inputs", 9_000_000_000_000_000_000L).put("syscalls", 9_000_000_000_000_000_000L)));
        CampaignResult isolation = Campaign.against("mutant-size-counts-header", ReportFixtures.mutant())
                .configurations(Vector.of(StandardConfigurations.docDefault())).properties(Vector.of(Property.ISOLATION))
                .seed(ReportFixtures.SEED).budget(Budget.of(12, 1, 120)).threads(1).run();
        CampaignSummary read = ReportFixtures.readBack(isolation, "");
        assertTrue(read.totals().inputs() > read.totals().tries(), "each scenario of one step has more: " + read.totals());
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

    private static ObjectNode parsed() {
        try {
            return (ObjectNode) MAPPER.readTree(written);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ArrayNode causes(ObjectNode root) {
        return (ArrayNode) root.get("causes");
    }

    /** A copy of {@code cause} with its first finding alone, found by {@code foundBy}, both with {@code signature}. */
    private static ObjectNode otherCause(ObjectNode cause, String foundBy, String signature) {
        ObjectNode copy = cause.deepCopy();
        ArrayNode findings = (ArrayNode) copy.get("findings");
        ObjectNode finding = (ObjectNode) findings.get(0);
        findings.removeAll().add(finding.put("foundBy", foundBy).put("signature", signature));
        return copy.put("signature", signature);
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
