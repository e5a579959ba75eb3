package invs.spec.explore;

import invs.spec.Input;
import io.vavr.collection.Vector;

/**
 * One letter of an exploration's alphabet: a single input, or a short fixed sequence of inputs that an
 * app commonly makes in a row (a macro-step: a command, the drain that completes it and the yield that
 * delivers its upcall; a reboot and the apps setting up again). The exploration's depth counts moves;
 * every input of a move is applied, checked and replayed like any other, and every observation the
 * specification allows for each of them is followed.
 *
 * @param inputs the inputs, in order; at least one
 */
public record Move(Vector<Input> inputs) {
    /** Checks that the move has an input. */
    public Move {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("a move has at least one input");
        }
    }

    /** The move of these inputs, in order. */
    public static Move of(Input... inputs) {
        return new Move(Vector.of(inputs));
    }

    /** This move followed by the inputs {@code then}. */
    public Move andThen(Vector<Input> then) {
        return new Move(inputs.appendAll(then));
    }

    /** Whether the move is a single input. */
    public boolean single() {
        return inputs.size() == 1;
    }

    @Override
    public String toString() {
        return inputs.mkString(" + ");
    }
}
