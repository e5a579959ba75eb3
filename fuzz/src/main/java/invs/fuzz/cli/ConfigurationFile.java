package invs.fuzz.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import invs.conformance.report.IoProblem;
import invs.conformance.trace.ConfigurationCodec;
import invs.conformance.trace.JsonProblem;
import invs.conformance.trace.TraceCodec;
import invs.conformance.trace.TraceFormatException;
import invs.conformance.trace.TraceLimits;
import invs.conformance.trace.Utf8Text;
import invs.spec.Configuration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A configuration read from a JSON file: either the configuration object itself, as trace headers hold it
 * under {@code "configuration"} ({@code {"storageLength":8192,"regionSize":2048,…}}), or a whole trace
 * header (so the first line of any trace file will do).
 */
public final class ConfigurationFile {
    /** Strict like the trace codecs: one JSON value and nothing after it, each field once in an object. */
    private static final ObjectMapper MAPPER = TraceCodec.objectMapper();
    /** The largest configuration file read: 1 MiB (a configuration of many apps takes a few kilobytes). */
    static final int MAX_BYTES = 1 << 20;

    private ConfigurationFile() {
    }

    /** The configuration in {@code file}. @throws UserError naming the file and the field that is wrong */
    public static Configuration read(Path file) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text(file));
        } catch (JsonProcessingException e) {
            throw new UserError(file + ": " + JsonProblem.inFile(e).describe());
        }
        if (node == null || !node.isObject()) {
            throw new UserError(file + ": expected a JSON object holding a configuration");
        }
        try {
            if (node.has("format")) { // a trace header, read as check-trace reads one (its format and version too)
                return TraceCodec.header(node).configuration();
            }
            return node.has("configuration")
                    ? decodeInside(node.get("configuration"))
                    : ConfigurationCodec.decode(node);
        } catch (TraceFormatException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
    }

    /** The text of {@code file}, read up to {@link #MAX_BYTES}. */
    private static String text(Path file) {
        if (file.toString().isEmpty()) {
            throw new UserError("--config: an empty path; name a file");
        }
        if (Files.isDirectory(file)) {
            throw new UserError(file + ": a directory, not a configuration file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read it: " + IoProblem.reason(e));
        }
        if (bytes.length > MAX_BYTES) {
            throw new UserError(file + ": longer than " + TraceLimits.size(MAX_BYTES) + "; is this a configuration file?");
        }
        try {
            return Utf8Text.withoutByteOrderMark(Utf8Text.decode(bytes));
        } catch (TraceFormatException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
    }

    private static Configuration decodeInside(JsonNode node) {
        try {
            return ConfigurationCodec.decode(node);
        } catch (TraceFormatException e) {
            throw e.at(e.line(), "configuration");
        }
    }
}
