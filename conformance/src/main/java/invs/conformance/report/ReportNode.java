package invs.conformance.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * A JSON value of a {@code report.json} being read, with its path ({@code causes[2].findings[0].steps}) so
 * that every problem names the field: typed getters throw {@link ReportFormatException}.
 */
final class ReportNode {
    private final JsonNode node;
    private final String path;
    private final String file;

    ReportNode(JsonNode node, String path, String file) {
        this.node = node;
        this.path = path;
        this.file = file;
    }

    /** The field {@code name} of this object. */
    ReportNode field(String name) {
        if (!node.isObject()) {
            throw problem(path, "expected a JSON object");
        }
        JsonNode value = node.get(name);
        String at = path.isEmpty() ? name : path + "." + name;
        if (value == null) {
            throw problem(at, "missing");
        }
        return new ReportNode(value, at, file);
    }

    /** Whether this object has the field {@code name} with a value other than null. */
    boolean has(String name) {
        return node.isObject() && node.get(name) != null && !node.get(name).isNull();
    }

    boolean isNull() {
        return node.isNull();
    }

    String text(String name) {
        ReportNode value = field(name);
        if (!value.node.isTextual()) {
            throw value.problem("expected a string");
        }
        return value.node.asText();
    }

    Option<String> optionalText(String name) {
        return field(name).isNull() ? Option.none() : Option.some(text(name));
    }

    long number(String name) {
        ReportNode value = field(name);
        if (!value.node.isIntegralNumber() || !value.node.canConvertToLong()) {
            throw value.problem("expected a whole number");
        }
        long number = value.node.asLong();
        if (number < 0) {
            throw value.problem("expected 0 or more, got " + number);
        }
        return number;
    }

    int smallNumber(String name) {
        long number = number(name);
        if (number > Integer.MAX_VALUE) {
            throw field(name).problem("expected at most " + Integer.MAX_VALUE + ", got " + number);
        }
        return (int) number;
    }

    /** The largest duration a report may give, in seconds (about 31,700 years): shards' sums stay finite. */
    static final double MOST_SECONDS = 1e12;

    double decimal(String name) {
        ReportNode value = field(name);
        if (!value.node.isNumber() || value.node.asDouble() < 0 || !(value.node.asDouble() <= MOST_SECONDS)) {
            throw value.problem("expected a number from 0 to " + (long) MOST_SECONDS);
        }
        return value.node.asDouble();
    }

    boolean bool(String name) {
        ReportNode value = field(name);
        if (!value.node.isBoolean()) {
            throw value.problem("expected true or false");
        }
        return value.node.asBoolean();
    }

    /** A seed written {@code 0x} and up to 16 hexadecimal digits. */
    long hex(String name) {
        String text = text(name);
        if (!text.matches("0x[0-9a-fA-F]{1,16}")) {
            throw field(name).problem("expected 0x and up to 16 hexadecimal digits, got '" + text + "'");
        }
        return Long.parseUnsignedLong(text.substring(2), 16);
    }

    /** The elements of the array field {@code name}. */
    Vector<ReportNode> array(String name) {
        ReportNode value = field(name);
        if (!value.node.isArray()) {
            throw value.problem("expected an array");
        }
        Vector<ReportNode> elements = Vector.empty();
        for (int index = 0; index < value.node.size(); index++) {
            elements = elements.append(new ReportNode(value.node.get(index), value.path + "[" + index + "]", file));
        }
        return elements;
    }

    /** The strings of the array field {@code name}. */
    Vector<String> texts(String name) {
        return array(name).map(element -> {
            if (!element.node.isTextual()) {
                throw element.problem("expected a string");
            }
            return element.node.asText();
        });
    }

    /** The JSON value itself, for codecs of other packages. */
    JsonNode json() {
        return node;
    }

    String path() {
        return path;
    }

    /** A problem with this value. */
    ReportFormatException problem(String what) {
        return problem(path, what);
    }

    private ReportFormatException problem(String at, String what) {
        return new ReportFormatException(file + (at.isEmpty() ? "" : ": field " + at) + ": " + what);
    }
}
