package invs.fuzz.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import invs.conformance.trace.JsonProblem;
import invs.conformance.trace.TraceCodec;
import invs.conformance.trace.TraceFormatException;
import invs.conformance.trace.Utf8Text;

import java.util.function.Supplier;

/**
 * Typed reads of a protocol message's fields; every problem is a {@link TraceFormatException} naming the
 * field, like the trace codecs' errors, so that protocol and trace problems read the same way.
 */
final class JsonFields {
    static final ObjectMapper MAPPER = TraceCodec.objectMapper();

    private JsonFields() {
    }

    /** The JSON object on {@code line}: nothing may follow it, and no field may appear twice in an object. */
    static JsonNode parse(String line) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw JsonProblem.of(e).at(0);
        }
        if (node == null || !node.isObject()) {
            throw new TraceFormatException("", "expected a JSON object, got " + shown(line));
        }
        return node;
    }

    /** {@code node} as one line of JSON. */
    static String line(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + node, e);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new TraceFormatException(name, "missing");
        }
        return value;
    }

    static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isTextual()) {
            throw new TraceFormatException(name, "expected a string, got " + shown(value.toString()));
        }
        return value.asText();
    }

    static long integer(JsonNode node, String name, long min, long max) {
        JsonNode value = field(node, name);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            throw new TraceFormatException(name, "expected a whole number from " + min + " to " + max + ", got "
                    + shown(value.toString()));
        }
        return value.asLong();
    }

    /** Runs {@code decode}, placing any problem inside field {@code prefix}. */
    static <T> T inside(String prefix, Supplier<T> decode) {
        try {
            return decode.get();
        } catch (TraceFormatException e) {
            throw e.at(e.line(), prefix);
        } catch (IllegalArgumentException e) {
            throw new TraceFormatException(prefix, e.getMessage());
        }
    }

    /** {@code text} cut to 60 characters, control characters escaped: safe to print on a terminal. */
    static String shown(String text) {
        return shown(text, 60);
    }

    /** {@code text} cut to {@code maxChars} characters, control characters escaped. */
    static String shown(String text, int maxChars) {
        return Utf8Text.printable(text, maxChars);
    }
}
