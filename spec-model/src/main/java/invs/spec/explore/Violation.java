package invs.spec.explore;

import io.vavr.collection.Vector;

/**
 * A property broken in an explored state or transition, with a shortest path from the initial state.
 *
 * @param property the property, as a sentence
 * @param path     the steps from the initial state (after the setup) to the violation
 */
public record Violation(String property, Vector<Step> path) {
    /** The violation and its path, one step a line. */
    public String describe() {
        StringBuilder text = new StringBuilder(property).append('\n');
        for (int i = 0; i < path.size(); i++) {
            text.append(String.format("  %2d. %s%n", i + 1, path.get(i)));
        }
        return text.toString();
    }
}
