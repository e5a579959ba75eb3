package invs.conformance.campaign;

import invs.conformance.board.StandardConfigurations;
import invs.conformance.trace.Trace;
import invs.conformance.trace.TraceCodec;
import invs.conformance.trace.TraceHeader;
import invs.spec.AppId;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Findings' trace files: written whole under a free name, never over another file, no temporary file left. */
class TraceDirectoryTest {
    @TempDir
    Path directory;

    private static Trace trace(long seed) {
        return Trace.ofInputs(TraceHeader.of(StandardConfigurations.docDefault().configuration(), seed, "a system"),
                Vector.of(new Yield(AppId.of(0))));
    }

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSystemNameCannotHideATraceNorLeadOutOfTheDirectory() {
        for (String system : new String[] {".", "..", "../x", ".hidden"}) {
            Path trace = new TraceDirectory(Option.some(directory), system).create("lockstep:CLAUSE", 7, trace(7)).get();
            assertEquals(directory, trace.getParent(), system);
            assertFalse(trace.getFileName().toString().startsWith("."), trace.toString());
        }
    }

    @Test
    void aTakenNameGetsASuffixAndEveryFileIsWhole() throws Exception {
        TraceDirectory traces = new TraceDirectory(Option.some(directory), "a system");
        Files.writeString(directory.resolve("a_system-lockstep-clause-0000000000000007.jsonl"), "an earlier campaign's");
        Option<Path> first = traces.create("lockstep:CLAUSE", 7, trace(7));
        Option<Path> second = traces.create("lockstep:CLAUSE", 7, trace(8));
        assertEquals(List.of("a_system-lockstep-clause-0000000000000007-2.jsonl", "a_system-lockstep-clause-0000000000000007-3.jsonl",
                "a_system-lockstep-clause-0000000000000007.jsonl"), names(), "no temporary file left");
        assertEquals("an earlier campaign's", Files.readString(directory.resolve("a_system-lockstep-clause-0000000000000007.jsonl")));
        assertEquals(TraceCodec.format(trace(7)), Files.readString(first.get(), StandardCharsets.UTF_8));
        assertEquals(TraceCodec.format(trace(8)), Files.readString(second.get(), StandardCharsets.UTF_8));
        assertTrue(traces.problems().isEmpty(), traces.problems().mkString());
    }

    /** A trace gets the permissions any new file gets (the umask's), not those of a private temporary file. */
    @Test
    void aTraceHasTheModeOfANewFile() throws Exception {
        Path plain = Files.createFile(directory.resolve("a new file"));
        Path trace = new TraceDirectory(Option.some(directory), "a system").create("lockstep:CLAUSE", 7, trace(7)).get();
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(trace));
    }

    @Test
    void aDirectoryThatCannotBeWrittenIsAProblemNotAnException() throws Exception {
        Path file = Files.writeString(directory.resolve("a file"), "not a directory");
        TraceDirectory traces = new TraceDirectory(Option.some(file), "a system");
        assertEquals(Option.none(), traces.create("lockstep:CLAUSE", 7, trace(7)));
        assertEquals(1, traces.problems().size());
        assertTrue(traces.problems().head().startsWith("cannot write a trace into " + file), traces.problems().head());
    }
}
