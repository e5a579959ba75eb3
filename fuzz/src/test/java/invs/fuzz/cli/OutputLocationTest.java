package invs.fuzz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLocationTest {
    @TempDir
    Path directory;

    @Test
    void aMissingDirectoryIsCreatedAndLeftWithoutItsProbe() throws IOException {
        Path out = directory.resolve("a/b/findings");
        OutputLocation location = OutputLocation.directory(out, "--out");
        assertEquals(out, location.path());
        assertTrue(Files.isDirectory(out));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(0, files.count(), "the probe file is gone");
        }
    }

    @Test
    void aDirectoryThatCannotBeWrittenIsAOneLineErrorNamingTheOption() throws IOException {
        Path file = Files.writeString(directory.resolve("plain"), "x");
        assertEquals("--out: " + file + " is a file, not a directory",
                assertThrows(UserError.class, () -> OutputLocation.directory(file, "--out")).getMessage());
        UserError under = assertThrows(UserError.class, () -> OutputLocation.directory(file.resolve("sub"), "--out"));
        assertTrue(under.getMessage().startsWith("--out: cannot write in " + file.resolve("sub") + ": "), under.getMessage());
        if (Files.isDirectory(Path.of("/proc/self"))) {
            UserError proc = assertThrows(UserError.class, () -> OutputLocation.directory(Path.of("/proc/invs-out"), "--out"));
            assertTrue(proc.getMessage().startsWith("--out: cannot write in /proc/invs-out: "), proc.getMessage());
        }
    }

    @Test
    void anEmptyPathIsNotTheWorkingDirectory() {
        assertEquals("--out: an empty path; name a directory (. for the working directory)",
                assertThrows(UserError.class, () -> OutputLocation.directory(Path.of(""), "--out")).getMessage());
    }

    @Test
    void anEmptyFileNameIsNamedAsSuch() {
        assertEquals("--record: an empty path; name a file",
                assertThrows(UserError.class, () -> OutputLocation.file(Path.of(""), "--record", List.of())).getMessage());
    }

    @Test
    void reservedNamesNeverClash() throws IOException {
        OutputLocation location = OutputLocation.directory(directory, "--out");
        Files.writeString(directory.resolve("finding.jsonl"), "first");
        Path second = location.reserve("finding", ".jsonl");
        Path third = location.reserve("finding", ".jsonl");
        assertEquals(directory.resolve("finding-2.jsonl"), second);
        assertEquals(directory.resolve("finding-3.jsonl"), third);
        assertEquals("first", Files.readString(directory.resolve("finding.jsonl")), "nothing was replaced");
        assertEquals(directory.resolve("other.txt"), location.reserve("other", ".txt"));
    }

    @Test
    void anOutputFileIsNeverAnInputAndReplacesAnOldFileWhole() throws IOException {
        Path input = Files.writeString(directory.resolve("trace.jsonl"), "input");
        UserError same = assertThrows(UserError.class,
                () -> OutputLocation.file(directory.resolve("./trace.jsonl"), "--record", List.of(input)));
        assertEquals("--record: " + directory.resolve("./trace.jsonl") + " is also an input of this command; name another"
                + " file", same.getMessage());
        assertThrows(UserError.class, () -> OutputLocation.file(directory, "--record", List.of(input)));
        Path output = OutputLocation.file(directory.resolve("new/log.jsonl"), "--record", List.of(input));
        assertTrue(Files.isDirectory(output.getParent()), "its directory is made ready");
        OutputLocation.write(output, "one");
        OutputLocation.write(output, "two");
        assertEquals("two", Files.readString(output));
        try (Stream<Path> files = Files.list(output.getParent())) {
            assertEquals(List.of(output), files.toList(), "no temporary file is left");
        }
    }

    @Test
    void aDeviceAPipeOrASocketIsNeverReplaced() {
        Path device = Path.of("/dev/null");
        assertTrue(Files.exists(device), "this test needs a Unix-like system's /dev/null");
        UserError refused = assertThrows(UserError.class, () -> OutputLocation.file(device, "--record", List.of()));
        assertEquals("--record: /dev/null is not a regular file (a device, a pipe or a socket); name a file",
                refused.getMessage());
        UserError written = assertThrows(UserError.class, () -> OutputLocation.write(device, "x"));
        assertEquals("cannot write /dev/null: not a regular file (a device, a pipe or a socket)", written.getMessage());
        assertTrue(Files.exists(device) && !Files.isRegularFile(device), "the device is left as it was");
    }

    @Test
    void aFileReachedThroughALinkIsWrittenWhereTheLinkPoints() throws IOException {
        Path target = Files.writeString(directory.resolve("target.jsonl"), "old");
        Path link = Files.createSymbolicLink(directory.resolve("link.jsonl"), target);
        OutputLocation.write(OutputLocation.file(link, "--record", List.of()), "new");
        assertTrue(Files.isSymbolicLink(link), "the link is left in place");
        assertEquals("new", Files.readString(target));
        Path dangling = Files.createSymbolicLink(directory.resolve("dangling.jsonl"), directory.resolve("nothing"));
        assertEquals("--record: " + dangling + " is a symbolic link to nothing; name a file",
                assertThrows(UserError.class, () -> OutputLocation.file(dangling, "--record", List.of())).getMessage());
    }

    @Test
    void aNewFileGetsTheUsualPermissionsAndAReplacedOneKeepsItsOwn() throws IOException {
        Path usual = Files.createFile(directory.resolve("usual"));
        Path fresh = directory.resolve("fresh.jsonl");
        OutputLocation.write(fresh, "x");
        assertEquals(Files.getPosixFilePermissions(usual), Files.getPosixFilePermissions(fresh));
        Path kept = Files.writeString(directory.resolve("kept.jsonl"), "old");
        Set<PosixFilePermission> own = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(kept, own);
        OutputLocation.write(kept, "new");
        assertEquals(own, Files.getPosixFilePermissions(kept));
        assertEquals("new", Files.readString(kept));
    }
}
