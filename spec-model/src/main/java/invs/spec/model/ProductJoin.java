package invs.spec.model;

import io.vavr.collection.Array;
import io.vavr.collection.Vector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The products a {@link FactoredFrontier} step leaves, joined: states and parts that share their regions
 * and every other app's parts become one product whose stepped app (the one in {@link #slot}) has all
 * their parts. Of two parts with the same app state, the one that used fewer faults is kept: each state
 * with the other is subsumed by the same state with it ({@link Subsumption}: more faults armed, all else
 * equal). Products come out in the order their first state or part came in.
 */
final class ProductJoin {
    /**
     * What the parts of one product share.
     *
     * @param regions the regions
     * @param budget  the faults armed where no app used one; -1 for states joined by {@link #addState},
     *                whose product's budget is the most faults any of them has armed
     * @param others  every app's parts, the stepped app's left empty
     */
    private record Shared(Array<Region> regions, int budget, Array<Array<StateProduct.Part>> others) {
    }

    private final int slot;
    private final Map<Shared, List<StateProduct.Part>> parts = new LinkedHashMap<>();
    /** The states joined by {@link #addState}, by what they share, with their armed faults. */
    private final Map<Shared, List<SystemState>> states = new LinkedHashMap<>();
    /** The first state joined while it is the only thing joined; a product is then made of it directly. */
    private SystemState only;
    private int joined;

    /** A join of products stepped by an input of the app in {@code slot} (any slot for other inputs). */
    ProductJoin(int slot) {
        this.slot = slot;
    }

    /** Joins the part {@code part} of the stepped app, beside these regions, budget and other apps' parts. */
    void addPart(Array<Region> regions, int budget, Array<Array<StateProduct.Part>> others, StateProduct.Part part) {
        joined++;
        parts.computeIfAbsent(new Shared(regions, budget, others.update(slot, Array.empty())),
                key -> new ArrayList<>()).add(part);
    }

    /** Joins one state. */
    void addState(SystemState state) {
        if (joined++ == 0) {
            only = state;
        }
        Array<Array<StateProduct.Part>> others = state.apps().map(app -> Array.of(new StateProduct.Part(app, 0)));
        states.computeIfAbsent(new Shared(state.regions(), -1, others.update(slot, Array.empty())),
                key -> new ArrayList<>()).add(state);
    }

    /** The joined products. */
    Vector<StateProduct> products() {
        if (joined == 1 && only != null) {
            return Vector.of(StateProduct.of(only));
        }
        List<StateProduct> products = new ArrayList<>();
        for (Map.Entry<Shared, List<StateProduct.Part>> entry : parts.entrySet()) {
            Shared shared = entry.getKey();
            add(products, shared.regions(), shared.budget(), shared.others(), entry.getValue());
        }
        for (Map.Entry<Shared, List<SystemState>> entry : states.entrySet()) {
            Shared shared = entry.getKey();
            int budget = 0;
            for (SystemState state : entry.getValue()) {
                budget = Math.max(budget, state.armedFaults());
            }
            List<StateProduct.Part> mine = new ArrayList<>();
            for (SystemState state : entry.getValue()) {
                mine.add(new StateProduct.Part(state.apps().get(slot), budget - state.armedFaults()));
            }
            add(products, shared.regions(), budget, shared.others(), mine);
        }
        return Vector.ofAll(products);
    }

    private void add(List<StateProduct> products, Array<Region> regions, int budget,
                     Array<Array<StateProduct.Part>> others, List<StateProduct.Part> mine) {
        StateProduct product = StateProduct.of(regions, budget, others.update(slot, fewestUsed(mine)));
        if (product != null) {
            products.add(product);
        }
    }

    /** {@code mine} without a part whose app state another part has with fewer faults used, in order. */
    private static Array<StateProduct.Part> fewestUsed(List<StateProduct.Part> mine) {
        if (mine.size() == 1) {
            return Array.of(mine.get(0));
        }
        Map<AppState, Integer> fewest = new LinkedHashMap<>();
        for (StateProduct.Part part : mine) {
            fewest.merge(part.app(), part.used(), Math::min);
        }
        List<StateProduct.Part> kept = new ArrayList<>(fewest.size());
        fewest.forEach((app, used) -> kept.add(new StateProduct.Part(app, used)));
        return Array.ofAll(kept);
    }
}
