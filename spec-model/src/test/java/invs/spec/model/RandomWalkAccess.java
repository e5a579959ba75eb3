package invs.spec.model;

import invs.spec.Configuration;
import invs.spec.Input;
import java.util.Random;

/** Gives the benchmark the random-walk input generator of {@link RandomWalkTest}. */
public final class RandomWalkAccess {
    private RandomWalkAccess() {
    }

    /** A random input for {@code config}. */
    public static Input randomInput(Random random, Configuration config) {
        return RandomWalkTest.randomInput(random, config);
    }
}
