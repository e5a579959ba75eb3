package invs.spec.explore;

import io.vavr.collection.Vector;

/**
 * What an exploration did: how many distinct nodes and transitions it saw, the deepest level it
 * explored completely, whether it exhausted the state space, how long it took, and what it found.
 *
 * @param states         distinct nodes reached (sets of model states consistent with the observations),
 *                       counted up to the abstractions of {@link CanonicalForm}
 * @param transitions    transitions followed (a state, an input and an allowed outcome)
 * @param depthCompleted every sequence of at most this many moves was explored
 * @param exhausted      no new node was left to explore: the whole reachable space was seen
 * @param seconds        the time taken
 * @param violations     properties broken, each with a shortest path
 * @param perDepth       how many new nodes each depth reached, from depth 0 (the state after the setup)
 * @param nodes          the nodes shallower than the depth asked for, in the order reached (empty unless
 *                       asked for): the ones whose extensions by every move a lockstep replay covers
 */
public record ExplorationResult(long states, long transitions, int depthCompleted, boolean exhausted, double seconds,
                                Vector<Violation> violations, Vector<Long> perDepth, Vector<ExploredNode> nodes) {

    /** Nodes explored per second. */
    public double statesPerSecond() {
        return seconds > 0 ? states / seconds : states;
    }

    /** A one-paragraph summary. */
    public String summary() {
        return String.format("%,d states (sets of model states), %,d transitions, depth %d %s, %.1f s (%,.0f states/s), %d violation(s)",
                states, transitions, depthCompleted, exhausted ? "(state space exhausted)" : "completed",
                seconds, statesPerSecond(), violations.size());
    }
}
