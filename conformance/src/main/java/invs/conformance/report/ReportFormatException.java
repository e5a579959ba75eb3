package invs.conformance.report;

/** A {@code report.json} that cannot be read: missing, not JSON, or a field that is missing or of the wrong kind. */
public final class ReportFormatException extends RuntimeException {
    /** The problem in one line, naming the file and, where it applies, the field. */
    public ReportFormatException(String message) {
        super(message);
    }
}
