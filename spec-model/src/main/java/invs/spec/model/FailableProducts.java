package invs.spec.model;

import io.vavr.collection.Array;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Products that differ only in whether a write completed unseen failed, merged as {@link StorageAlternatives}
 * merges states: two products with the same apps' parts, the same regions but for some bytes of one region
 * known in one and unknown in the other, in every state of which one fault fewer is armed. The merged
 * product is the first with those bytes failable: each of its states stands for the first's and the other's
 * state of the same parts, so it holds exactly the states of the two.
 *
 * <p>Parts are compared as a product's states see them: an app's parts that all used a fault more, or a
 * budget a fault larger, arm the same faults in every state. So each product is compared in its normal form,
 * every app's fewest faults used taken off its parts and off the budget.
 */
final class FailableProducts {
    private FailableProducts() {
    }

    /**
     * {@code products} with every pair merged that differs only in bytes of one region a write left known or
     * unknown, the one with them unknown arming one fault fewer in each state, until none is left, in order.
     */
    static List<StateProduct> merged(List<StateProduct> products) {
        if (products.size() < 2 || allStorageKnown(products)) {
            return products;
        }
        List<StateProduct> list = new ArrayList<>(products);
        boolean changed = true;
        while (changed) {
            changed = false;
            List<Normal> normals = new ArrayList<>(list.size());
            Map<Partner, Integer> byPartner = new HashMap<>();
            for (int at = 0; at < list.size(); at++) {
                StateProduct product = list.get(at);
                Normal normal = product == null ? null : Normal.of(product);
                normals.add(normal);
                if (normal != null && normal.marks() < normal.budget()) {
                    for (int index = 0; index < product.regions().size(); index++) {
                        byPartner.putIfAbsent(new Partner(normal, index, normal.budget()), at);
                    }
                }
            }
            boolean[] merging = new boolean[list.size()];
            for (int at = 0; at < list.size(); at++) {
                Normal failed = normals.get(at);
                if (failed == null || merging[at]) {
                    continue;
                }
                for (int index = 0; index < failed.regions().size(); index++) {
                    if (failed.regions().get(index).contents().allKnown()) {
                        continue;
                    }
                    Integer partner = byPartner.get(new Partner(failed, index, failed.budget() + 1));
                    StateProduct succeeded = partner == null || merging[partner] || partner == at ? null : list.get(partner);
                    if (succeeded == null) {
                        continue;
                    }
                    Region kept = succeeded.regions().get(index);
                    FailableBytes bytes = StorageAlternatives.failableBetween(kept, failed.regions().get(index));
                    if (bytes != null && !remembersRead(succeeded, kept)) {
                        list.set(partner, StateProduct.of(succeeded.regions().update(index, kept.withFailable(bytes)),
                                succeeded.budget(), succeeded.parts()));
                        list.set(at, null);
                        merging[partner] = true;
                        changed = true;
                        break;
                    }
                }
            }
        }
        List<StateProduct> kept = new ArrayList<>(list.size());
        for (StateProduct product : list) {
            if (product != null) {
                kept.add(product);
            }
        }
        return kept.size() == products.size() ? products : kept;
    }

    /** Whether an app of some state of {@code product} remembers a read of {@code region}. */
    private static boolean remembersRead(StateProduct product, Region region) {
        for (Array<StateProduct.Part> slot : product.parts()) {
            for (StateProduct.Part part : slot) {
                var source = part.app().readSource();
                if (source.isDefined() && source.get().owner().equals(region.owner())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean allStorageKnown(List<StateProduct> products) {
        for (StateProduct product : products) {
            for (Region region : product.regions()) {
                if (!region.contents().allKnown()) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A product in its normal form: its regions, every app's parts with that app's fewest faults used taken
     * off, and its budget less those (the faults armed in the state of each app's first such part).
     *
     * @param regions the regions
     * @param parts   each app's parts, normalised
     * @param budget  the budget, normalised
     * @param marks   the most faults any of its states may have used besides: failable bytes, and upcalls
     *                that may be FAIL with the faults each app's part used
     */
    private record Normal(Array<Region> regions, Array<Array<StateProduct.Part>> parts, int budget, int marks) {
        static Normal of(StateProduct product) {
            int budget = product.budget();
            int marks = StorageAlternatives.count(product.regions());
            Array<Array<StateProduct.Part>> parts = product.parts();
            for (int slot = 0; slot < parts.size(); slot++) {
                Array<StateProduct.Part> mine = parts.get(slot);
                int fewest = Integer.MAX_VALUE;
                for (StateProduct.Part part : mine) {
                    fewest = Math.min(fewest, part.used());
                }
                int most = 0;
                for (StateProduct.Part part : mine) {
                    most = Math.max(most, part.used() - fewest + part.app().mayFailCount());
                }
                marks += most;
                if (fewest > 0) {
                    int shift = fewest;
                    parts = parts.update(slot, mine.map(part -> new StateProduct.Part(part.app(), part.used() - shift)));
                    budget -= shift;
                }
            }
            return new Normal(product.regions(), parts, budget, marks);
        }
    }

    /**
     * A product as a partner in a merge sees it: its normal parts, all its regions but the contents of the
     * one at {@code index}, and {@code budget} (a failed write's product looks up its partner with one more).
     */
    private record Partner(Normal normal, int index, int budget) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Partner that && that.budget == budget && that.index == index
                    && StorageAlternatives.alikeBut(normal.regions(), that.normal.regions(), index)
                    && normal.parts().equals(that.normal.parts());
        }

        @Override
        public int hashCode() {
            return 31 * (31 * normal.parts().hashCode() + budget) + StorageAlternatives.hashBut(normal.regions(), index);
        }
    }
}
