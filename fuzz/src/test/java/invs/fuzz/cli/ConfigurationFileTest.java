package invs.fuzz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import invs.conformance.trace.ConfigurationCodec;
import invs.spec.Configuration;
import invs.spec.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationFileTest {
    @TempDir
    Path directory;

    @Test
    void aConfigurationWithAByteOrderMarkIsRead() throws IOException {
        Configuration tock = Configuration.defaults(Profile.TOCK);
        Path file = Files.writeString(directory.resolve("board.json"), "\uFEFF" + ConfigurationCodec.encode(tock));
        assertEquals(tock, ConfigurationFile.read(file));
    }

    @Test
    void aTraceHeaderIsReadAsCheckTraceReadsIt() throws IOException {
        Configuration tock = Configuration.defaults(Profile.TOCK);
        String header = invs.conformance.trace.TraceCodec.header(invs.conformance.trace.TraceHeader.of(tock, 7, "reference"))
                .toString();
        assertEquals(tock, ConfigurationFile.read(Files.writeString(directory.resolve("header.json"), header)));
        Path newer = Files.writeString(directory.resolve("newer.json"), header.replace("\"version\":1", "\"version\":2"));
        assertEquals(newer + ": field version: version 2 is newer than this reader's 1",
                assertThrows(UserError.class, () -> ConfigurationFile.read(newer)).getMessage());
    }

    @Test
    void hugeBinaryOrMissingFilesAreOneLineErrors() throws IOException {
        Path huge = Files.write(directory.resolve("huge.json"), new byte[ConfigurationFile.MAX_BYTES + 1]);
        assertEquals(huge + ": longer than 1 MiB; is this a configuration file?",
                assertThrows(UserError.class, () -> ConfigurationFile.read(huge)).getMessage());
        Path binary = Files.write(directory.resolve("binary.json"), new byte[] {'{', (byte) 0xFF, '}'});
        assertEquals(binary + ": not valid UTF-8 at byte 2",
                assertThrows(UserError.class, () -> ConfigurationFile.read(binary)).getMessage());
        assertEquals("--config: an empty path; name a file",
                assertThrows(UserError.class, () -> ConfigurationFile.read(Path.of(""))).getMessage());
        assertEquals(directory + ": a directory, not a configuration file",
                assertThrows(UserError.class, () -> ConfigurationFile.read(directory)).getMessage());
        assertEquals(directory.resolve("none.json") + ": no such file",
                assertThrows(UserError.class, () -> ConfigurationFile.read(directory.resolve("none.json"))).getMessage());
    }

    @Test
    void aConfigurationFileHoldsOneObjectWithEachFieldOnce() throws IOException {
        String tock = ConfigurationCodec.encode(Configuration.defaults(Profile.TOCK)).toString();
        Path two = Files.writeString(directory.resolve("two.json"), tock + "\n" + tock + "\n");
        assertEquals(two + ": not valid JSON at line 2, column 1: more after the JSON value: a file holds one value",
                assertThrows(UserError.class, () -> ConfigurationFile.read(two)).getMessage());
        Path twice = Files.writeString(directory.resolve("twice.json"), tock.replace("\"regionSize\":", "\"regionSize\":1,\"regionSize\":"));
        assertEquals(twice + ": field regionSize: given twice (a field may appear once in an object)",
                assertThrows(UserError.class, () -> ConfigurationFile.read(twice)).getMessage());
        Path open = Files.writeString(directory.resolve("open.json"), "{\n\"apps\": [");
        assertEquals(open + ": not valid JSON at line 2, column 10: Unexpected end-of-input: expected close marker for Array"
                + " (start marker at line 2, column 9)", assertThrows(UserError.class, () -> ConfigurationFile.read(open)).getMessage());
    }
}
