package invs.spec.explore;

import io.vavr.collection.Vector;

/**
 * What an exploration did: how many distinct states and transitions it saw, the deepest level it
 * explored completely, whether it exhausted the state space, how long it took, and what it found.
 *
 * @param states         distinct nodes reached (sets of model states consistent with the observations)
 * @param transitions    transitions followed (input and allowed outcome)
 * @param depthCompleted every input sequence of at most this length was explored
 * @param exhausted      no new state was left to explore: the whole reachable space was seen
 * @param seconds        the time taken
 * @param violations     properties broken, each with a shortest path
 * @param paths          for each node, the shortest path that reached it (empty unless asked for)
 */
public record ExplorationResult(long states, long transitions, int depthCompleted, boolean exhausted, double seconds,
                                Vector<Violation> violations, Vector<Vector<Step>> paths) {

    /** States explored per second. */
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
