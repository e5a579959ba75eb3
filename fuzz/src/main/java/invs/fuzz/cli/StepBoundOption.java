package invs.fuzz.cli;

import invs.spec.model.TooManyStates;
import picocli.CommandLine.Option;

/**
 * The option that bounds how many states one step of the specification may leave open before checking a
 * trace stops there: {@code --max-step-states}, for {@code replay} and {@code check-trace}
 * ({@link TooManyStates}). The states a step leaves open are held in memory: a higher bound checks more
 * traces to their end, in more memory and time (docs/performance.md, "A bound on one step").
 */
public final class StepBoundOption {
    /** The largest bound this option takes. */
    static final int MOST = 1 << 24;

    @Option(names = "--max-step-states", paramLabel = "N",
            description = "The most states one step of the specification may leave open; checking stops at a step"
                    + " that leaves more (default: " + TooManyStates.STEP_BOUND + "; each state held costs memory"
                    + " and time).")
    private Integer maxStepStates;

    /** The bound given, or the default. @throws UserError when the value is out of range */
    public int bound() {
        if (maxStepStates == null) {
            return TooManyStates.STEP_BOUND;
        }
        if (maxStepStates < 1 || maxStepStates > MOST) {
            throw new UserError("--max-step-states: 1 to " + MOST + ", got " + maxStepStates);
        }
        return maxStepStates;
    }
}
