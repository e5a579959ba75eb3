package invs.conformance.trace;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why text is not the JSON a reader of invs takes, told in one line for people and without Jackson's
 * internals (no {@code [Source: REDACTED …]}, no {@code StreamReadConstraints.getMaxNestingDepth()}): a
 * syntax error ({@code not valid JSON: Unexpected end-of-input: expected close marker for Object (start
 * marker at column 1)}), something after the value ({@code not valid JSON: more after the JSON object, at
 * column 58 (a line holds one)}), or a field given twice ({@code field input: given twice …}). The readers
 * of invs refuse the last two, which Jackson would otherwise take silently: a line holds one object, and
 * an object each field once ({@link TraceCodec#objectMapper()}).
 *
 * @param field   the dotted path of the field the problem is in ({@code input.kind}), or an empty string
 *                when the problem is the text's
 * @param problem what is wrong, one line
 */
public record JsonProblem(String field, String problem) {
    /** The most characters of Jackson's description kept: it may quote the text it read. */
    private static final int MAX_REASON = 200;
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");
    private static final Pattern FROM_SETTING = Pattern.compile(",? from `[^`]*`");
    private static final String DUPLICATE = "Duplicate field '";
    private static final String TRAILING = "Trailing token";
    private static final String NOT_JSON = "not valid JSON";

    /** Checks the fields. */
    public JsonProblem {
        if (field == null || problem == null) {
            throw new IllegalArgumentException("a JSON problem has a field and a problem");
        }
    }

    /**
     * The problem Jackson's {@code e} reports from reading one line: a place in it is a column
     * ({@code more after the JSON object, at column 58}).
     */
    public static JsonProblem of(JsonProcessingException e) {
        return of(e, false);
    }

    /**
     * The problem Jackson's {@code e} reports from reading a text of many lines, such as a file: a syntax
     * error names its line and column ({@code not valid JSON at line 3, column 1: …}).
     */
    public static JsonProblem inFile(JsonProcessingException e) {
        return of(e, true);
    }

    private static JsonProblem of(JsonProcessingException e, boolean lines) {
        String original = String.valueOf(e.getOriginalMessage());
        if (original.startsWith(DUPLICATE) && e.getProcessor() instanceof JsonParser parser) {
            return new JsonProblem(path(parser.getParsingContext()), "given twice (a field may appear once in an object)");
        }
        String where = lines ? where(e.getLocation()) : "";
        if (e instanceof MismatchedInputException && original.startsWith(TRAILING)) {
            String column = lines ? "" : column(e.getLocation());
            return new JsonProblem("", NOT_JSON + where + ": more after the JSON " + (lines ? "value" : "object") + column
                    + (lines ? ": a file holds one value" : ": a line holds one object"));
        }
        String reason = e instanceof StreamConstraintsException ? FROM_SETTING.matcher(original).replaceAll("") : original;
        return new JsonProblem("", NOT_JSON + where + ": "
                + Utf8Text.printable(located(reason.lines().findFirst().orElse(""), lines), MAX_REASON));
    }

    /** The problem as a {@link TraceFormatException} on {@code line} (0 when not known). */
    public TraceFormatException at(int line) {
        return new TraceFormatException(line, field, problem);
    }

    /** The problem in one line: {@code field input: given twice …}, or the problem alone. */
    public String describe() {
        return field.isEmpty() ? problem : "field " + field + ": " + problem;
    }

    /**
     * {@code text} with Jackson's source locations written as {@code line L, column C}, or as the column
     * alone in a text of one line.
     */
    private static String located(String text, boolean lines) {
        Matcher matcher = SOURCE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String where = !lines ? "column " + matcher.group(2)
                    : "line " + matcher.group(1) + ", column " + matcher.group(2);
            matcher.appendReplacement(result, Matcher.quoteReplacement(where));
        }
        return matcher.appendTail(result).toString();
    }

    /** {@code , at column C}: where in a line of text, counted in characters, or nothing when not known. */
    private static String column(JsonLocation location) {
        // Jackson ends a line at a carriage return too, a line reader only at a line feed
        return location == null || location.getCharOffset() < 0 ? "" : ", at column " + (location.getCharOffset() + 1);
    }

    /** {@code  at line L, column C}: where in a text of many lines, or nothing when not known. */
    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The dotted path of the field {@code context} is at: {@code configuration.apps[0].name}. */
    private static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            String step = at.inArray() ? "[" + at.getCurrentIndex() + "]" : String.valueOf(at.getCurrentName());
            boolean dotted = !path.isEmpty() && path.charAt(0) != '[';
            path.insert(0, dotted ? step + "." : step);
        }
        return path.toString();
    }
}
