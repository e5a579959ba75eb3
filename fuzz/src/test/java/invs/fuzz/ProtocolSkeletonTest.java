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
 * The Python server skeleton of docs/protocol.md (section 10), run as the document says: it speaks the
 * protocol, pipelined and with the {@code same-buffer} extension, so a campaign against it reports only
 * the driver it leaves to write (findings of the lockstep property), never a reply out of protocol.
 */
class ProtocolSkeletonTest {
    private static final Path PROTOCOL = Path.of("..", "docs", "protocol.md").toAbsolutePath().normalize();

    @TempDir
    Path directory;

    @Test
    void theDocumentsSkeletonSpeaksTheProtocolWithBuffersLeftOut() throws Exception {
        Path server = directory.resolve("server.py");
        Files.writeString(server, skeleton());
        Path replies = directory.resolve("replies.jsonl");
        String command = "python3 '" + server + "' | tee -a '" + replies + "'";
        CommandRun run = CommandRun.of("fuzz", "--sut-command", command, "--tries", "30", "--steps", "100",
                "--threads", "1", "--progress", "none", "--standard", "doc-default",
                "--out", directory.resolve("out").toString());
        assertEquals(Main.FINDING, run.exit(), run.toString());
        assertFalse(run.out().contains("malformed") || run.out().contains("robustness"), run.out());
        assertTrue(run.out().contains("lockstep"), run.out());
        assertTrue(run.out().contains("(skeleton 0.1), protocol 1, capabilities: drain, leaves out buffers shown again"
                + " (same-buffer)"), run.out());
        List<String> lines = Files.readAllLines(replies, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).contains("\"pipelining\":256") && lines.get(0).contains("\"extensions\":[\"same-buffer\"]"),
                lines.get(0));
        assertTrue(lines.stream().anyMatch(line -> line.endsWith(",\"buffer\":null}}")), "a buffer left out");
    }

    /** The Python block of docs/protocol.md. */
    private static String skeleton() throws Exception {
        String text = Files.readString(PROTOCOL, StandardCharsets.UTF_8);
        int start = text.indexOf("```python\n");
        assertTrue(start >= 0, "docs/protocol.md has a Python block");
        int end = text.indexOf("\n```\n", start);
        return text.substring(start + "```python\n".length(), end + 1);
    }
}
