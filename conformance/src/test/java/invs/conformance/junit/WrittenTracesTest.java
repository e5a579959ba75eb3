package invs.conformance.junit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A contract class removes the traces it listed, and nothing its list names that it could not have written. */
class WrittenTracesTest {
    @TempDir
    Path root;

    @Test
    void removesWhatItListedAndNothingElse() throws IOException {
        Path directory = Files.createDirectory(root.resolve("findings"));
        WrittenTraces written = new WrittenTraces(directory, WrittenTracesTest.class);
        Path trace = Files.writeString(directory.resolve("system-lockstep.jsonl"), "{}\n");
        Path other = Files.writeString(directory.resolve("other-lockstep.jsonl"), "{}\n");
        written.add(trace);
        written.add(root.resolve("elsewhere.jsonl"));
        Path outside = Files.writeString(root.resolve("outside.jsonl"), "{}\n");
        Path notes = Files.writeString(directory.resolve("notes.txt"), "mine\n");
        Path list = directory.resolve(".written-by-" + WrittenTracesTest.class.getName());
        Files.writeString(list, "../outside.jsonl\nnotes.txt\n" + Files.readString(list));

        new WrittenTraces(directory, WrittenTracesTest.class).removeEarlier();

        assertFalse(Files.exists(trace));
        assertFalse(Files.exists(list));
        assertTrue(Files.exists(other) && Files.exists(outside) && Files.exists(notes));
    }

    @Test
    void anotherClassRemovesNothingOfThisOnes() throws IOException {
        WrittenTraces written = new WrittenTraces(root, WrittenTracesTest.class);
        Path trace = Files.writeString(root.resolve("system-lockstep.jsonl"), "{}\n");
        written.add(trace);

        new WrittenTraces(root, ContractTracesTest.class).removeEarlier();

        assertTrue(Files.exists(trace));
    }
}
