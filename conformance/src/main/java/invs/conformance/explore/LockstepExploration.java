package invs.conformance.explore;

import invs.spec.explore.ExplorationResult;
import io.vavr.collection.Vector;

/**
 * The result of exhaustive lockstep checking: what the exploration of the specification covered, how
 * many input sequences were replayed against the implementation (each from power-on), how many inputs
 * and explored transitions that took, how many explored nodes the implementation never reached, and the
 * properties broken (shortest sequence first).
 *
 * @param exploration  the exploration of the specification
 * @param replayed     input sequences replayed, each from power-on
 * @param inputs       inputs applied to the implementation in all
 * @param transitions  explored (node, move) transitions replayed
 * @param unreached    explored nodes inside the bound the implementation did not reach along their path (it
 *                     answered with other observations the specification also allows), so their moves
 *                     were not replayed from them
 * @param divergences  sequences on which the implementation broke a property
 * @param seconds      time spent replaying
 * @param cutShort     whether the time budget ran out before every explored transition was replayed
 */
public record LockstepExploration(ExplorationResult exploration, long replayed, long inputs, long transitions,
                                  long unreached, Vector<PathVerdict> divergences, double seconds, boolean cutShort) {

    /** What a summary adds when the time budget ran out during the replay. */
    public static final String CUT_SHORT = " (cut short: the time budget ran out before every explored transition was"
            + " replayed)";

    /** Whether the implementation agreed with the specification on every explored sequence. */
    public boolean conforms() {
        return divergences.isEmpty() && exploration.violations().isEmpty();
    }

    /** A one-paragraph summary. */
    public String summary() {
        return exploration.summary() + String.format("; replayed %,d sequences (%,d inputs, %,d transitions; %,d nodes"
                + " not reached) against the implementation in %.1f s, %d divergence(s)", replayed, inputs, transitions,
                unreached, seconds, divergences.size()) + (cutShort ? CUT_SHORT : "");
    }
}
