package invs.spec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vavr.collection.Array;
import io.vavr.collection.HashSet;
import io.vavr.collection.Vector;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Witnesses of what a {@link StateProduct} holds: the choices of parts within its budget, the same choices
 * with one more fault armed after a fault is injected, and the same states when products are merged.
 */
class StateProductTest {
    private static final AppState A = AppState.fresh();
    private static final AppState B = AppState.fresh().withGrant(Grant.ALLOCATED);
    private static final AppState X = AppState.fresh();
    private static final AppState Y = AppState.fresh().withGrant(Grant.REFUSED);

    private static SystemState state(AppState first, AppState second, int armed) {
        return new SystemState(Array.empty(), Array.of(first, second), armed);
    }

    private static HashSet<SystemState> states(Vector<StateProduct> products) {
        return HashSet.ofAll(products.flatMap(product -> product.states(100)));
    }

    /** Two apps that each may have used the one fault armed: not both. */
    private static StateProduct eachMayHaveUsedTheFault() {
        return StateProduct.of(Array.empty(), 1, Array.of(
                Array.of(new StateProduct.Part(A, 0), new StateProduct.Part(B, 1)),
                Array.of(new StateProduct.Part(X, 0), new StateProduct.Part(Y, 1))));
    }

    @Test
    void holdsTheChoicesWithinTheBudget() {
        StateProduct product = eachMayHaveUsedTheFault();
        assertEquals(3, product.width());
        assertEquals(HashSet.of(state(A, X, 1), state(B, X, 0), state(A, Y, 0)), states(Vector.of(product)));
    }

    @Test
    void aFaultInjectedArmsOneMoreInTheSameStates() {
        // Raising the budget alone would let in B with Y (both apps used a fault when one was armed).
        Vector<StateProduct> after = eachMayHaveUsedTheFault().withFaultArmed();
        assertEquals(HashSet.of(state(A, X, 2), state(B, X, 1), state(A, Y, 1)), states(after));
        assertEquals(3, after.map(StateProduct::width).sum().intValue());
    }

    @Test
    void productsThatDifferInOneAppMergeIntoTheirStates() {
        // One product with 2 faults armed, one with 1 and the first app in another state: merged, the second
        // app's part counts the difference as a fault used.
        StateProduct two = StateProduct.of(state(A, X, 2));
        StateProduct one = StateProduct.of(state(B, X, 1));
        List<StateProduct> merged = ProductMerge.merged(List.of(two, one));
        assertEquals(1, merged.size());
        assertEquals(2, merged.get(0).budget());
        assertEquals(HashSet.of(state(A, X, 2), state(B, X, 1)), states(Vector.ofAll(merged)));
    }

    @Test
    void aPartThatFitsInNoStateIsLeftOut() {
        StateProduct product = StateProduct.of(Array.empty(), 1, Array.of(
                Array.of(new StateProduct.Part(A, 1), new StateProduct.Part(B, 2)),
                Array.of(new StateProduct.Part(X, 0))));
        assertEquals(Array.of(new StateProduct.Part(A, 1)), product.parts().get(0));
        assertNull(StateProduct.of(Array.empty(), 0, Array.of(Array.of(new StateProduct.Part(A, 1)),
                Array.of(new StateProduct.Part(X, 0)))), "no state: the only choice used a fault none armed");
    }
}
