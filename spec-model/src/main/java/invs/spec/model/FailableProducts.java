package invs.spec.model;

import invs.spec.ShortId;
import io.vavr.collection.Array;

import java.util.ArrayList;
import java.util.List;

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
    private static final StorageAlternatives.Pairing<Normal> PRODUCTS = new StorageAlternatives.Pairing<>() {
        @Override
        public Array<Region> regions(Normal normal) {
            return normal.product().regions();
        }

        @Override
        public Object shape(Normal normal) {
            return normal.parts();
        }

        @Override
        public int faults(Normal normal) {
            return normal.budget();
        }

        @Override
        public boolean covers(Normal normal) {
            return normal.marks() < normal.budget();
        }

        @Override
        public boolean remembersRead(Normal normal, ShortId owner) {
            for (Array<StateProduct.Part> slot : normal.product().parts()) {
                for (StateProduct.Part part : slot) {
                    if (StorageAlternatives.remembersRead(part.app(), owner)) {
                        return true;
                    }
                }
            }
            return false;
        }

        @Override
        public Normal withFailable(Normal succeeded, int index, FailableBytes bytes) {
            StateProduct product = succeeded.product();
            Region region = product.regions().get(index);
            return Normal.of(StateProduct.of(product.regions().update(index, region.withFailable(bytes)),
                    product.budget(), product.parts()));
        }
    };

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
        List<Normal> normals = new ArrayList<>(products.size());
        for (StateProduct product : products) {
            normals.add(Normal.of(product));
        }
        List<Normal> merged = StorageAlternatives.mergedPairs(normals, PRODUCTS);
        if (merged.size() == products.size()) {
            return products;
        }
        List<StateProduct> kept = new ArrayList<>(merged.size());
        for (Normal normal : merged) {
            kept.add(normal.product());
        }
        return kept;
    }

    private static boolean allStorageKnown(List<StateProduct> products) {
        for (StateProduct product : products) {
            if (!SystemState.allKnown(product.regions())) {
                return false;
            }
        }
        return true;
    }

    /**
     * A product and its normal form: every app's parts with that app's fewest faults used taken off, and its
     * budget less those (the faults armed in the state of each app's first such part).
     *
     * @param product the product
     * @param parts   each app's parts, normalised
     * @param budget  the budget, normalised
     * @param marks   the most faults any of its states may have used besides: failable bytes, and upcalls
     *                that may be FAIL with the faults each app's part used
     */
    private record Normal(StateProduct product, Array<Array<StateProduct.Part>> parts, int budget, int marks) {
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
            return new Normal(product, parts, budget, marks);
        }
    }
}
