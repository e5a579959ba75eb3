package invs.spec.explore;

import invs.spec.Input;
import invs.spec.model.SystemState;
import io.vavr.collection.Vector;

/**
 * A node an exploration reached and kept: the set of model states consistent with the observations along
 * the first (shortest) path that reached it, and that path.
 *
 * @param path   the steps from the state after the setup, move by move flattened into inputs
 * @param depth  how many moves the path has
 * @param states the specification's states consistent with the path's observations
 */
public record ExploredNode(Vector<Step> path, int depth, Vector<SystemState> states) {

    /** The inputs of the path. */
    public Vector<Input> inputs() {
        return path.map(Step::input);
    }
}
