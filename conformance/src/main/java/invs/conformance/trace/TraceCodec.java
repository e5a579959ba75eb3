package invs.conformance.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Trace files: versioned JSON lines, specified in {@code docs/trace-format.md}. Line 1 is the header
 * ({@code {"format":"invs-trace","version":1,…}}), every further non-blank line one step
 * ({@code {"step":1,"input":{…},"observation":{…}}}). Reading fails with a {@link TraceFormatException}
 * whose one-line message names the line number and the field.
 */
public final class TraceCodec {
    /** The value of the header's {@code format} field. */
    public static final String FORMAT = "invs-trace";
    /** The format version this codec writes, and the newest it reads. */
    public static final int VERSION = 1;
    /**
     * The values the header's {@code property} may take: the labels of the properties the engine checks
     * ({@code invs.conformance.check.Property}), in the order docs/trace-format.md lists them.
     */
    public static final Vector<String> PROPERTIES = Vector.of("lockstep", "liveness", "durability", "isolation",
            "robustness");

    private TraceCodec() {
    }

    /**
     * A new Jackson mapper like the one of the codecs, for other JSON lines (protocol messages): strings
     * may be as long as a line, since lines are bounded before they are parsed ({@link TraceLimits}); a
     * text holds one value, nothing after it, and an object each field once ({@link JsonProblem} tells
     * its problems without Jackson's internals).
     */
    public static com.fasterxml.jackson.databind.ObjectMapper objectMapper() {
        return Json.mapper();
    }

    /** The trace as JSON lines, each ending in a newline. */
    public static String format(Trace trace) {
        StringBuilder text = new StringBuilder();
        text.append(line(header(trace.header()))).append('\n');
        int number = 1;
        for (TraceStep step : trace.steps()) {
            text.append(line(step(number++, step))).append('\n');
        }
        return text.toString();
    }

    /** Writes the trace to {@code file} (UTF-8), replacing it. */
    public static void write(Trace trace, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, format(trace), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace " + file, e);
        }
    }

    /**
     * Reads the trace in {@code file}, within the {@linkplain TraceLimits#standard() standard limits}.
     *
     * @throws TraceFormatException when it is malformed or goes past the limits
     */
    public static Trace read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return TraceReader.read(in, TraceLimits.standard()).trace();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace " + file, e);
        }
    }

    /** The trace in {@code text} (a byte-order mark at its start is ignored). @throws TraceFormatException when it is malformed */
    public static Trace parse(String text) {
        return parse(Vector.of(Utf8Text.withoutByteOrderMark(text).split("\r?\n", -1)));
    }

    /** The trace in {@code lines}. @throws TraceFormatException when it is malformed */
    public static Trace parse(Vector<String> lines) {
        if (lines.isEmpty() || lines.head().isBlank()) {
            throw new TraceFormatException(1, "", "expected the trace header, got an empty line");
        }
        TraceHeader header = parseHeader(lines.head());
        Vector<TraceStep> steps = Vector.empty();
        for (int index = 1; index < lines.size(); index++) {
            String line = lines.get(index);
            if (!line.isBlank()) {
                steps = steps.append(parseStep(line, index + 1, steps.size() + 1));
            }
        }
        return new Trace(header, steps);
    }

    /** The header on line 1. @throws TraceFormatException naming line 1 and the field */
    public static TraceHeader parseHeader(String line) {
        JsonNode node = node(line, 1);
        return placed(1, "", () -> header(node));
    }

    /**
     * The step on line {@code lineNumber}, which must be step {@code expected} (1-based).
     *
     * @throws TraceFormatException naming the line and the field
     */
    public static TraceStep parseStep(String line, int lineNumber, int expected) {
        JsonNode node = node(line, lineNumber);
        return placed(lineNumber, "", () -> step(node, expected));
    }

    /** The JSON object of a header line. */
    public static ObjectNode header(TraceHeader header) {
        ObjectNode node = Json.object().put("format", FORMAT).put("version", header.version())
                .put("system", header.system()).put("seed", Json.hex64(header.seed()));
        header.property().forEach(property -> node.put("property", property));
        header.subject().forEach(subject -> node.put("subject", subject));
        header.description().forEach(description -> node.put("description", description));
        node.set("configuration", ConfigurationCodec.encode(header.configuration()));
        return node;
    }

    /** The header a header line's JSON object encodes. */
    public static TraceHeader header(JsonNode node) {
        String format = Json.text(node, "format");
        if (!format.equals(FORMAT)) {
            throw new TraceFormatException("format", "expected \"" + FORMAT + "\", got " + Utf8Text.quoted(format));
        }
        int version = Json.strictInteger(node, "version", 1, Integer.MAX_VALUE, "a version of 1 or more");
        if (version > VERSION) {
            throw new TraceFormatException("version", "version " + version + " is newer than this reader's " + VERSION);
        }
        String system = Json.has(node, "system") ? Json.text(node, "system") : "";
        long seed = Json.has(node, "seed") ? Json.number(node, "seed", Long.MIN_VALUE, Long.MAX_VALUE, "a 64-bit seed") : 0;
        Option<String> property = Json.has(node, "property") ? Option.some(property(node)) : Option.none();
        Option<Integer> subject = Json.has(node, "subject")
                ? Option.some(Json.strictInteger(node, "subject", 0, Integer.MAX_VALUE, "a process slot")) : Option.none();
        Option<String> description = Json.has(node, "description")
                ? Option.some(Json.text(node, "description")) : Option.none();
        JsonNode configurationNode = Json.field(node, "configuration");
        var configuration = Json.inside("configuration", () -> ConfigurationCodec.decode(configurationNode));
        InputBounds.subjectProblem(subject, configuration).forEach(problem -> {
            throw problem;
        });
        return new TraceHeader(version, configuration, seed, system, property, subject, description);
    }

    private static String property(JsonNode node) {
        String property = Json.text(node, "property");
        if (!PROPERTIES.contains(property)) {
            throw new TraceFormatException("property", "expected " + PROPERTIES.init().mkString(", ") + " or "
                    + PROPERTIES.last() + ", got " + Utf8Text.quoted(property));
        }
        return property;
    }

    /** The JSON object of step line {@code number} (1-based). */
    public static ObjectNode step(int number, TraceStep step) {
        ObjectNode node = Json.object().put("step", number);
        node.set("input", InputCodec.encode(step.input()));
        step.observation().forEach(observation -> node.set("observation", ObservationCodec.encode(observation)));
        step.note().forEach(note -> node.put("note", note));
        return node;
    }

    /** The step a step line's JSON object encodes; its {@code step} field must be {@code expected}. */
    public static TraceStep step(JsonNode node, int expected) {
        int number = Json.strictInteger(node, "step", 1, Integer.MAX_VALUE, "a step number of 1 or more");
        if (number != expected) {
            throw new TraceFormatException("step", "expected step " + expected + ", got " + number);
        }
        JsonNode inputNode = Json.field(node, "input");
        var input = Json.inside("input", () -> InputCodec.decode(inputNode));
        var observation = Json.has(node, "observation")
                ? Option.some(Json.inside("observation", () -> ObservationCodec.decode(node.get("observation"))))
                : Option.<invs.spec.Observation>none();
        Option<String> note = Json.has(node, "note") ? Option.some(Json.text(node, "note")) : Option.none();
        return new TraceStep(input, observation, note);
    }

    private static JsonNode node(String line, int lineNumber) {
        try {
            JsonNode node = Json.MAPPER.readTree(line);
            if (node == null || !node.isObject()) {
                throw new TraceFormatException(lineNumber, "", "expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw JsonProblem.of(e).at(lineNumber);
        }
    }

    private static String line(ObjectNode node) {
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + node, e);
        }
    }

    private static <T> T placed(int lineNumber, String prefix, java.util.function.Supplier<T> decode) {
        try {
            return decode.get();
        } catch (TraceFormatException e) {
            throw e.at(lineNumber, prefix);
        } catch (IllegalArgumentException e) {
            throw new TraceFormatException(lineNumber, "", e.getMessage());
        }
    }
}
