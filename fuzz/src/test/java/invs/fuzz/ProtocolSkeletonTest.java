package invs.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python server skeleton, shipped as docs/examples/python-server/server.py and shown whole in
 * docs/protocol.md (section 10): the file and the document's block are the same text, and the file, run as
 * the document says, speaks the
 * protocol, pipelined and with the {@code same-buffer} extension, so a campaign against it reports only
 * the driver it leaves to write (findings of the lockstep property), never a reply out of protocol; and
 * the same campaign asking for no extension ({@code --sut-no-extensions}) finds exactly the same, so the
 * buffers it leaves out are the ones it would have shown.
 */
class ProtocolSkeletonTest {
    private static final Path PROTOCOL = Path.of("..", "docs", "protocol.md").toAbsolutePath().normalize();
    private static final Path SKELETON = Path.of("..", "docs", "examples", "python-server", "server.py")
            .toAbsolutePath().normalize();

    @TempDir
    Path directory;

    @Test
    void theShippedSkeletonIsTheOneTheDocumentShows() throws Exception {
        assertEquals(documentBlock(), Files.readString(SKELETON, StandardCharsets.UTF_8),
                "docs/examples/python-server/server.py and the Python block of docs/protocol.md differ");
        assertTrue(Files.isExecutable(SKELETON), SKELETON + " is executable, as its first line says");
    }

    @Test
    void theSkeletonSpeaksTheProtocolWithBuffersLeftOut() throws Exception {
        Path server = SKELETON;
        Path replies = directory.resolve("replies.jsonl");
        String command = "python3 '" + server + "' | tee -a '" + replies + "'";
        CommandRun run = campaign(command, "out");
        assertEquals(Main.FINDING, run.exit(), run.toString());
        assertFalse(run.out().contains("malformed") || run.out().contains("robustness"), run.out());
        assertTrue(run.out().contains("lockstep"), run.out());
        assertTrue(run.out().contains("(skeleton 0.1), protocol 1, capabilities: drain, leaves out buffers shown again"
                + " (same-buffer)"), run.out());
        List<String> lines = Files.readAllLines(replies, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).contains("\"pipelining\":256") && lines.get(0).contains("\"extensions\":[\"same-buffer\"]"),
                lines.get(0));
        assertTrue(lines.stream().anyMatch(line -> line.endsWith(",\"buffer\":null}}")), "a buffer left out");

        CommandRun inFull = campaign("python3 '" + server + "'", "in-full", "--sut-no-extensions");
        assertFalse(inFull.out().contains("same-buffer"), inFull.out());
        assertEquals(causes("out"), causes("in-full"), "the same findings with every buffer written in full");
    }

    private CommandRun campaign(String command, String out, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("fuzz", "--sut-command", command,
                "--tries", "30", "--steps", "100", "--seed", "7", "--threads", "1", "--progress", "none",
                "--standard", "doc-default", "--out", directory.resolve(out).toString()));
        args.addAll(java.util.List.of(more));
        return CommandRun.of(args.toArray(String[]::new));
    }

    /** The causes of the campaign's report in {@code out}: property, clause, steps and occurrences of each. */
    private java.util.List<String> causes(String out) throws java.io.IOException {
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(directory.resolve(out).resolve("report.json").toFile());
        java.util.List<String> causes = new java.util.ArrayList<>();
        report.get("causes").forEach(cause -> causes.add(cause.get("property").asText() + " " + cause.get("clause").asText()
                + " " + cause.get("steps").asInt() + " " + cause.get("occurrences").asInt()));
        assertFalse(causes.isEmpty(), "the skeleton breaks rules");
        return causes;
    }

    /** The Python block of docs/protocol.md. */
    private static String documentBlock() throws Exception {
        String text = Files.readString(PROTOCOL, StandardCharsets.UTF_8);
        int start = text.indexOf("```python\n");
        assertTrue(start >= 0, "docs/protocol.md has a Python block");
        int end = text.indexOf("\n```\n", start);
        return text.substring(start + "```python\n".length(), end + 1);
    }
}
