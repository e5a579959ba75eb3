package invs.spec.model;

import io.vavr.collection.Array;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Products merged where they differ in one app's parts only: same regions, and every other app with the
 * same parts (app states and faults used). The merged product holds exactly the states of those it merges:
 * its budget is the largest of theirs, and the differing app's parts of a product with a smaller budget count
 * the difference as faults used, so each state keeps its armed faults and each choice fits the budget
 * exactly when it fitted before. Of two parts with the same app state, the one that used fewer faults is
 * kept ({@link ProductJoin}). A step that leaves states apart (a drain, a reboot, a frontier becoming
 * wide) or parts of several products leaves products that differ in one app: merged, they are one.
 */
final class ProductMerge {
    /** At most this many rounds over the apps: a round merges along every app once. */
    private static final int ROUNDS = 2;

    /**
     * What the merged products share.
     *
     * @param regions the regions
     * @param others  every app's parts, the merged app's left empty
     */
    private record Shared(Array<Region> regions, Array<Array<StateProduct.Part>> others) {
    }

    private ProductMerge() {
    }

    /** {@code products} merged, along each app in turn, in the order of their first product. */
    static List<StateProduct> merged(List<StateProduct> products) {
        List<StateProduct> current = products;
        for (int round = 0; round < ROUNDS && current.size() > 1; round++) {
            boolean changed = false;
            int apps = current.get(0).parts().size();
            for (int slot = 0; slot < apps && current.size() > 1; slot++) {
                List<StateProduct> next = alongApp(current, slot);
                changed |= next.size() != current.size();
                current = next;
            }
            if (!changed) {
                break;
            }
        }
        return current;
    }

    /** {@code products} with those that differ only in the parts of the app in {@code slot} merged. */
    private static List<StateProduct> alongApp(List<StateProduct> products, int slot) {
        Map<Shared, List<StateProduct>> groups = new LinkedHashMap<>();
        for (StateProduct product : products) {
            groups.computeIfAbsent(new Shared(product.regions(), product.parts().update(slot, Array.empty())),
                    key -> new ArrayList<>(2)).add(product);
        }
        if (groups.size() == products.size()) {
            return products;
        }
        List<StateProduct> merged = new ArrayList<>(groups.size());
        for (List<StateProduct> group : groups.values()) {
            merged.add(group.size() == 1 ? group.get(0) : merge(group, slot));
        }
        return merged;
    }

    private static StateProduct merge(List<StateProduct> group, int slot) {
        int budget = 0;
        for (StateProduct product : group) {
            budget = Math.max(budget, product.budget());
        }
        List<StateProduct.Part> parts = new ArrayList<>();
        for (StateProduct product : group) {
            int shift = budget - product.budget();
            for (StateProduct.Part part : product.parts().get(slot)) {
                parts.add(shift == 0 ? part : new StateProduct.Part(part.app(), part.used() + shift));
            }
        }
        StateProduct first = group.get(0);
        return StateProduct.of(first.regions(), budget, first.parts().update(slot, ProductJoin.cheapestOfEach(parts)));
    }
}
