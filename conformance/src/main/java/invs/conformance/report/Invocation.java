package invs.conformance.report;

/**
 * How a campaign was started, as the command line knows it: what a report needs beyond the campaign's result.
 *
 * @param description the system under test in one line, for example {@code the reference implementation (in process)}
 * @param rerun       the command that runs exactly the same tries again
 * @param replayFlags the flags (each with a leading space) that select the system for {@code invs replay}
 */
public record Invocation(String description, String rerun, String replayFlags) {
    /** Checks the fields. */
    public Invocation {
        if (description == null || rerun == null || replayFlags == null) {
            throw new IllegalArgumentException("an invocation has no null fields");
        }
    }
}
