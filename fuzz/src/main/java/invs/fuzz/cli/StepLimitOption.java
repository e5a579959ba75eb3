package invs.fuzz.cli;

import invs.conformance.trace.TraceLimits;
import picocli.CommandLine.Option;

/**
 * The option that bounds how many steps a trace file may hold: {@code --max-steps}, for the commands that
 * read one ({@code replay}, {@code check-trace}). A trace is held in memory whole, so the bound keeps a
 * long file from filling the heap.
 */
public final class StepLimitOption {
    @Option(names = "--max-steps", paramLabel = "N",
            description = "The most steps a trace may hold (default: " + TraceLimits.DEFAULT_MAX_STEPS + "; a million"
                    + " steps take about 250 MB of memory).")
    private Integer maxSteps;

    /** {@code limits} with the most steps this option sets. @throws UserError when the value is out of range */
    public TraceLimits applyTo(TraceLimits limits) {
        if (maxSteps == null) {
            return limits;
        }
        if (maxSteps < 1) {
            throw new UserError("--max-steps: 1 or more, got " + maxSteps);
        }
        return limits.withMaxSteps(maxSteps);
    }
}
