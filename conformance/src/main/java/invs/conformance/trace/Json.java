package invs.conformance.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vavr.collection.Vector;

/**
 * Reading typed fields out of JSON objects, each failure a {@link TraceFormatException} naming the
 * field. Shared by the codecs of this package.
 */
final class Json {
    /**
     * The mapper of traces and messages. Lines are bounded before they are parsed ({@link TraceLimits}), so
     * Jackson's own limit on string lengths (20 million characters) is lifted: a buffer of up to
     * {@link TraceLimits#MAX_BUFFER} bytes is a string of twice as many hexadecimal digits. It is strict
     * where Jackson is lenient by default: a text holds one JSON value, nothing after it but whitespace
     * (else a line holding two objects would be read as its first), and an object holds each field once
     * (else the last of two would silently win).
     */
    static final ObjectMapper MAPPER = mapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    /**
     * An object mapper whose strings may be as long as a line, and which refuses anything after the value
     * read ({@code readTree}) and a field given twice in an object (problems: {@link JsonProblem}).
     */
    static ObjectMapper mapper() {
        return new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            throw new TraceFormatException("", "expected a JSON object");
        }
        JsonNode value = node.get(name);
        if (value == null || value.isMissingNode()) {
            throw new TraceFormatException(name, "missing");
        }
        return value;
    }

    static boolean has(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isTextual()) {
            throw new TraceFormatException(name, "expected a string, got " + shown(value));
        }
        return value.asText();
    }

    static boolean bool(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isBoolean()) {
            throw new TraceFormatException(name, "expected true or false, got " + shown(value));
        }
        return value.asBoolean();
    }

    /** A whole number in {@code [min, max]}: a JSON integer, or a string in decimal or {@code 0x} hexadecimal. */
    static long number(JsonNode node, String name, long min, long max, String what) {
        return numberValue(field(node, name), name, min, max, what);
    }

    /** {@code value} as a whole number in {@code [min, max]}; problems name field {@code name}. */
    static long numberValue(JsonNode value, String name, long min, long max, String what) {
        long parsed;
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            parsed = value.asLong();
        } else if (value.isTextual()) {
            parsed = parseText(value.asText(), name, what);
        } else {
            throw new TraceFormatException(name, "expected " + what + ", got " + shown(value));
        }
        boolean fullRange = min == Long.MIN_VALUE && max == Long.MAX_VALUE;
        if (!fullRange && (parsed < min || parsed > max)) {
            throw new TraceFormatException(name, "expected " + what + ", got " + shown(value));
        }
        return parsed;
    }

    static int integer(JsonNode node, String name, int min, int max, String what) {
        return (int) number(node, name, min, max, what);
    }

    /**
     * A whole number in {@code [min, max]} written as a JSON integer, not as a string: the fields of inputs and
     * upcalls, which the trace format and the protocol define as integers (a server sending {@code "0"} for a
     * status breaks the protocol; it must not be read as SUCCESS).
     */
    static long strictNumber(JsonNode node, String name, long min, long max, String what) {
        JsonNode value = field(node, name);
        if (value.isTextual()) {
            throw new TraceFormatException(name, "expected " + what + " (a JSON integer, not a string), got " + shown(value));
        }
        return numberValue(value, name, min, max, what);
    }

    /** {@link #strictNumber} within the range of an {@code int}. */
    static int strictInteger(JsonNode node, String name, int min, int max, String what) {
        return (int) strictNumber(node, name, min, max, what);
    }

    static Vector<JsonNode> array(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isArray()) {
            throw new TraceFormatException(name, "expected an array, got " + shown(value));
        }
        return Vector.ofAll(value);
    }

    static String hex32(long value) {
        return String.format("0x%08x", value);
    }

    static String hex64(long value) {
        return String.format("0x%016x", value);
    }

    private static long parseText(String text, String name, String what) {
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                return Long.parseUnsignedLong(text.substring(2), 16);
            }
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new TraceFormatException(name, "expected " + what + ", got " + Utf8Text.quoted(text));
        }
    }

    static String shown(JsonNode value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** Runs {@code decode}, placing any problem inside field {@code prefix}. */
    static <T> T inside(String prefix, java.util.function.Supplier<T> decode) {
        try {
            return decode.get();
        } catch (TraceFormatException e) {
            throw e.at(e.line(), prefix);
        }
    }
}
