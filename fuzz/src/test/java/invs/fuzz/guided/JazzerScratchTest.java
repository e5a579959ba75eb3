package invs.fuzz.guided;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.fuzz.cli.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JazzerScratchTest {
    @TempDir
    Path guided;

    @Test
    void whatAnInterruptedRunLeftIsRemovedBeforeTheNextAndAfterIt() throws IOException {
        Path left = Files.createDirectories(guided.resolve("tmp").resolve("libFuzzerTemp.FuzzWithFork1.dir"));
        Files.write(left.resolve("unit"), new byte[] {1});
        Files.write(guided.resolve("tmp").resolve("jazzer-agent-1.jar"), new byte[] {2});
        JazzerScratch scratch = new JazzerScratch(guided);
        Path directory = scratch.prepare();
        assertEquals(guided.resolve("tmp").toAbsolutePath(), directory);
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of(), files.toList(), "emptied before the run");
        }
        Files.write(directory.resolve("jazzer-agent-2.jar"), new byte[] {3});
        scratch.remove();
        assertFalse(Files.exists(directory), "removed after it");
        scratch.remove(); // nothing there: nothing to do
        assertTrue(Files.isDirectory(guided));
    }

    @Test
    void aScratchDirectoryThatCannotBeMadeIsAOneLineError() throws IOException {
        Files.writeString(guided.resolve("tmp"), "a file in the way");
        // only a directory is emptied: a file of the user's in the way stays, and is said
        UserError error = assertThrows(UserError.class, () -> new JazzerScratch(guided).prepare());
        assertTrue(error.getMessage().startsWith("cannot create " + guided.resolve("tmp") + ": "), error.getMessage());
    }
}
