package invs.conformance.explore;

import invs.spec.explore.ExplorationResult;
import io.vavr.collection.Vector;

/**
 * The result of exhaustive lockstep checking: what the exploration of the specification covered, how
 * many input sequences were replayed against the implementation (every explored sequence is a prefix of
 * one of them), how many inputs that took, and the properties broken (shortest sequence first).
 *
 * @param exploration  the exploration of the specification
 * @param replayed     input sequences replayed (each node inside the bound extended by each move)
 * @param inputs       inputs applied to the implementation in all
 * @param divergences  sequences on which the implementation broke a property
 * @param seconds      time spent replaying
 */
public record LockstepExploration(ExplorationResult exploration, long replayed, long inputs,
                                  Vector<PathVerdict> divergences, double seconds) {

    /** Whether the implementation agreed with the specification on every explored sequence. */
    public boolean conforms() {
        return divergences.isEmpty() && exploration.violations().isEmpty();
    }

    /** A one-paragraph summary. */
    public String summary() {
        return exploration.summary() + String.format("; replayed %,d sequences (%,d inputs) against the implementation"
                + " in %.1f s, %d divergence(s)", replayed, inputs, seconds, divergences.size());
    }
}
