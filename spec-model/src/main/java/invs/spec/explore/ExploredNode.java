package invs.spec.explore;

import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.model.SystemState;
import io.vavr.collection.Vector;

/**
 * A node an exploration reached and kept: the set of model states consistent with the observations along
 * the first (shortest) path that reached it, that path, and once the node was expanded, where each move
 * leads from it.
 *
 * @param id     the node's number: nodes are numbered in the order they are first reached (the node after
 *               the setup is 0), and {@link ExplorationResult#nodes()} lists the kept ones by number
 * @param parent the number of the node it was first reached from, −1 for the node after the setup
 * @param moves  the path's moves, as indices into the alphabet's moves
 * @param path   the path's steps, move by move flattened into inputs, from the state after the setup
 * @param states the specification's states consistent with the path's observations (in canonical form:
 *               they behave exactly as the states the path reaches)
 * @param edges  for each move of the alphabet (by index), the nodes it leads to, one per sequence of
 *               observations the specification allows (with unknown bytes shown as the alphabet's values);
 *               empty if the node was not expanded
 */
public record ExploredNode(int id, int parent, Vector<Integer> moves, Vector<Step> path, Vector<SystemState> states,
                           Vector<Vector<Edge>> edges) {

    /**
     * Where a move leads from a node after one sequence of observations.
     *
     * @param observations what each input of the move showed
     * @param child        the number of the node reached
     */
    public record Edge(Vector<Observation> observations, int child) {
    }

    /** How many moves the path has. */
    public int depth() {
        return moves.size();
    }

    /** The inputs of the path. */
    public Vector<Input> inputs() {
        return path.map(Step::input);
    }

    /** Whether the node was expanded, so that {@link #edges} tells where every move leads. */
    public boolean expanded() {
        return !edges.isEmpty();
    }
}
