package invs.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import invs.conformance.report.JunitReport;
import invs.conformance.report.ReportFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The whole path of a campaign against an implementation someone else wrote: an external server (a small
 * script that wraps {@code invs serve --mutant size-counts-header} and cannot build boards with more than
 * three apps or more than 16 KiB of storage) is checked on standard and generated boards; the boards it
 * refuses are counted, not reported; the failures of its one defect are one cause; report.json and the
 * JUnit XML say so.
 */
class ExternalServerTest {
    private static final Path SERVER = Path.of("src/test/resources/servers/small-boards.py").toAbsolutePath();

    @TempDir
    Path directory;

    @Test
    void aServerWithOneDefectThatRefusesSomeBoardsGivesOneCauseInEveryReport() throws Exception {
        String command = "python3 '" + SERVER + "' " + quoted(ChildJava.serve("--mutant", "size-counts-header"));
        Path out = directory.resolve("out");
        CommandRun run = CommandRun.of("fuzz", "--sut-command", command, "--tries", "40", "--steps", "100",
                "--threads", "2", "--progress", "none", "--boards", "both", "--out", out.toString());
        assertEquals(Main.FINDING, run.exit(), run.toString());
        String text = run.out();
        Matcher boards = Pattern.compile("([0-9]+) generated boards? offered, ([0-9]+) refused by the system").matcher(text);
        assertTrue(boards.find(), text);
        int offered = Integer.parseInt(boards.group(1));
        int refused = Integer.parseInt(boards.group(2));
        assertTrue(refused > 0 && refused < offered, "some generated boards refused, not all: " + text);
        assertTrue(text.contains("\n1 distinct cause ("), text);

        JsonNode report = new ObjectMapper().readTree(out.resolve(ReportFiles.JSON).toFile());
        assertEquals(40, report.get("tries").asInt());
        assertEquals(offered, report.get("generatedBoards").get("offered").asInt());
        assertEquals(refused, report.get("generatedBoards").get("refused").asInt());
        assertEquals(1, report.get("causes").size(), report.toPrettyString());
        JsonNode cause = report.get("causes").get(0);
        assertEquals("lockstep", cause.get("property").asText());
        assertTrue(cause.get("clause").asText().startsWith("SUBSCRIBE_0_"), cause.toPrettyString());
        assertTrue(cause.get("steps").asInt() >= 1 && cause.get("steps").asInt() <= 8, cause.toPrettyString());
        assertTrue(cause.get("occurrences").asInt() >= 1, cause.toPrettyString());
        assertTrue(cause.get("rules").size() >= 1, cause.toPrettyString());
        assertTrue(Files.isRegularFile(Path.of(cause.get("trace").asText())), cause.toPrettyString());
        for (JsonNode board : report.get("configurations")) {
            JsonNode configuration = board.get("configuration");
            assertTrue(configuration.get("apps").size() <= 3 && configuration.get("storageLength").asLong() <= 16 * 1024,
                    "a refused board is not among those checked: " + board);
        }

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(out.resolve(JunitReport.FILE_NAME).toFile());
        Element suite = xml.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals(1, xml.getElementsByTagName("failure").getLength());
        assertEquals(Main.FINDING, CommandRun.of("replay", cause.get("trace").asText(), "--sut-command", command).exit(),
                "the trace replays against the server, on its own board");
    }

    private static String quoted(String text) throws IOException {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
