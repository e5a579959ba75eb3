package invs.conformance.trace;

/**
 * A trace (or one encoded value of it) is malformed. The message is one line naming where: the line
 * number of the trace file when known, the field, and what is wrong, for example
 * {@code line 3, field input.arg1: expected an unsigned 32-bit number, got -1}.
 */
public final class TraceFormatException extends RuntimeException {
    private final int line;
    private final String field;
    private final String problem;

    /**
     * A problem in {@code field} (a dotted path such as {@code input.arg1}) on {@code line}, 0 if unknown.
     */
    public TraceFormatException(int line, String field, String problem) {
        super(message(line, field, problem));
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    /** A problem in {@code field}, line not known yet. */
    public TraceFormatException(String field, String problem) {
        this(0, field, problem);
    }

    /** The 1-based line of the trace file, or 0 when not known. */
    public int line() {
        return line;
    }

    /** The dotted path of the field, or an empty string when the whole line is wrong. */
    public String field() {
        return field;
    }

    /** What is wrong, without the place. */
    public String problem() {
        return problem;
    }

    /** This problem placed on {@code lineNumber}, inside {@code prefix} (may be empty). */
    public TraceFormatException at(int lineNumber, String prefix) {
        String path = prefix.isEmpty() ? field : field.isEmpty() ? prefix : prefix + "." + field;
        return new TraceFormatException(lineNumber, path, problem);
    }

    private static String message(int line, String field, String problem) {
        StringBuilder text = new StringBuilder();
        if (line > 0) {
            text.append("line ").append(line);
        }
        if (!field.isEmpty()) {
            text.append(text.isEmpty() ? "" : ", ").append("field ").append(field);
        }
        return text.isEmpty() ? problem : text.append(": ").append(problem).toString();
    }
}
