package invs.conformance.campaign;

import invs.conformance.check.Checks;
import invs.conformance.check.Run;
import invs.conformance.check.Violation;
import invs.conformance.generation.Swarm;

import java.time.Duration;

/**
 * A failing sequence before shrinking: what a try (or a guided-fuzzing input, or a scheduled sequence) ran
 * up to the step where a property broke.
 *
 * @param board      the name of the board it ran on
 * @param run        what ran: the board, the steps with observations, the violation
 * @param checks     what was checked (isolation names its subject)
 * @param seed       the seed of the try (0 when there is none)
 * @param order      the campaign's try index, or another order; of failures breaking one rule the lowest is kept
 * @param origin     where it came from, for example {@code try 17} or a guided input's file name
 * @param swarm      the features the try could use
 * @param foundAfter time from the start of the campaign to the failure
 */
public record Failure(String board, Run run, Checks checks, long seed, long order, String origin, Swarm swarm,
                      Duration foundAfter) {

    /** Checks that the run failed. */
    public Failure {
        if (run.violation().isEmpty()) {
            throw new IllegalArgumentException("a failure is a run that ended with a violation");
        }
    }

    /** The violation that ended the run. */
    public Violation violation() {
        return run.violation().get();
    }

    /** The rule broken: property and clause. */
    public String key() {
        return violation().key();
    }
}
