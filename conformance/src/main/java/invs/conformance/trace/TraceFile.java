package invs.conformance.trace;

import io.vavr.collection.Vector;

/**
 * A trace read from a file, with the line each step is on, for messages about a step.
 *
 * @param trace     the trace
 * @param stepLines the 1-based line of each step, in order
 */
public record TraceFile(Trace trace, Vector<Integer> stepLines) {

    /** Checks that every step has its line. */
    public TraceFile {
        if (trace.length() != stepLines.size()) {
            throw new IllegalArgumentException("a line for each of the " + trace.length() + " steps");
        }
    }

    /** The 1-based line of the step with the 0-based {@code index}. */
    public int lineOf(int index) {
        return stepLines.get(index);
    }
}
