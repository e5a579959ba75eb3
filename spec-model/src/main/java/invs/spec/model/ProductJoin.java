package invs.spec.model;

import io.vavr.collection.Array;
import io.vavr.collection.Vector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The products a {@link FactoredFrontier} step leaves, joined: parts that share their regions, budget and
 * every other app's parts become one product whose stepped app (the one in {@link #slot}) has all their
 * parts. Of two parts with the same app state, the one that used fewer faults is kept: each state with the
 * other is subsumed by the same state with it ({@link Subsumption}: more faults armed, all else equal).
 * So is a part whose app's buffer knows more than another's that used no more faults
 * ({@link BufferSubsumption}), and a part in which an operation another part holds pending has completed
 * unseen, leaving the regions as they were ({@link UnseenCompletion}). Then two parts that differ only in one upcall's FAIL, the one with FAIL having used one fault more, are
 * one part whose upcall may be FAIL ({@link FaultAlternatives#mergedParts}). States joined are products of
 * their own. Products that differ only in whether a write completed unseen failed are then merged
 * ({@link FailableProducts}), and products merged where they differ in one app ({@link ProductMerge}), in
 * the order their first state or part came in.
 *
 * <p>A step most often leaves a few groups, whose parts share their regions and other apps' parts as
 * objects: groups are found by comparing those first, and hashed only once there are many of them.
 */
final class ProductJoin {
    /** At most this many groups are searched one by one; more are also found by hash. */
    private static final int FEW = 8;

    /**
     * One product being joined: what its parts share, and the stepped app's parts so far.
     *
     * @param regions the regions
     * @param budget  the faults armed where no app used one
     * @param parts   every app's parts; the stepped app's are not compared
     * @param mine    the stepped app's parts joined
     * @param kept    a product joined as it is (a state, or a product the step left as it was); null for the
     *                other groups
     */
    private record Group(Array<Region> regions, int budget, Array<Array<StateProduct.Part>> parts,
                         List<StateProduct.Part> mine, StateProduct kept) {
        /** Whether this group shares {@code regions}, {@code budget} and every app's parts but {@code slot}'s with the arguments. */
        boolean shares(Array<Region> regions, int budget, Array<Array<StateProduct.Part>> parts, int slot) {
            if (kept != null || this.budget != budget || (this.regions != regions && !this.regions.equals(regions))) {
                return false;
            }
            if (this.parts == parts) {
                return true;
            }
            for (int other = 0; other < parts.size(); other++) {
                if (other != slot && !this.parts.get(other).equals(parts.get(other))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A group's hash key: what it shares, the stepped app's parts left out. */
    private record Key(Array<Region> regions, int budget, Array<Array<StateProduct.Part>> others) {
    }

    private final int slot;
    private final Completion completion;
    private final List<Group> groups = new ArrayList<>();
    /** The groups by key, once there are more than {@link #FEW}; null until then. */
    private Map<Key, Group> index;

    /** A join of products stepped by an input of the app in {@code slot} (any slot for other inputs). */
    ProductJoin(int slot, Completion completion) {
        this.slot = slot;
        this.completion = completion;
    }

    /** Joins the part {@code part} of the stepped app, beside these regions, budget and all apps' parts. */
    void addPart(Array<Region> regions, int budget, Array<Array<StateProduct.Part>> parts, StateProduct.Part part) {
        group(regions, budget, parts).mine().add(part);
    }

    /** Joins one state: a product of its own, which {@link ProductMerge} merges with those it differs from in one app. */
    void addState(SystemState state) {
        keep(StateProduct.of(state));
    }

    /** Keeps {@code product}, which the step left as it was, as it is. */
    void keep(StateProduct product) {
        groups.add(new Group(product.regions(), product.budget(), product.parts(), null, product));
    }

    private Group group(Array<Region> regions, int budget, Array<Array<StateProduct.Part>> parts) {
        if (index == null) {
            for (Group group : groups) {
                if (group.shares(regions, budget, parts, slot)) {
                    return group;
                }
            }
            Group group = opened(regions, budget, parts);
            if (groups.size() > FEW) {
                index = new HashMap<>();
                for (Group each : groups) {
                    if (each.kept() == null) {
                        index.putIfAbsent(key(each.regions(), each.budget(), each.parts()), each);
                    }
                }
            }
            return group;
        }
        return index.computeIfAbsent(key(regions, budget, parts), key -> opened(regions, budget, parts));
    }

    /** A new group of parts of the stepped app beside these, added after those before it. */
    private Group opened(Array<Region> regions, int budget, Array<Array<StateProduct.Part>> parts) {
        Group group = new Group(regions, budget, parts, new ArrayList<>(2), null);
        groups.add(group);
        return group;
    }

    private Key key(Array<Region> regions, int budget, Array<Array<StateProduct.Part>> parts) {
        return new Key(regions, budget, parts.update(slot, Array.empty()));
    }

    /** The joined products, merged where they differ in one app ({@link ProductMerge}). */
    Vector<StateProduct> products() {
        List<StateProduct> products = new ArrayList<>(groups.size());
        for (Group group : groups) {
            StateProduct product = group.kept() != null ? group.kept()
                    : StateProduct.of(group.regions(), group.budget(), group.parts().update(slot,
                            FaultAlternatives.mergedParts(UnseenCompletion.withoutCompletedParts(
                                    BufferSubsumption.withoutSubsumedParts(cheapestOfEach(group.mine())),
                                    group.regions(), group.budget(), group.parts(), slot, completion),
                                    group.budget() - StorageAlternatives.count(group.regions()))));
            if (product != null) {
                products.add(product);
            }
        }
        return Vector.ofAll(products.size() > 1 ? ProductMerge.merged(FailableProducts.merged(products)) : products);
    }

    /** {@code mine} without a part whose app state another part has with fewer faults used, in order. */
    static Array<StateProduct.Part> cheapestOfEach(List<StateProduct.Part> mine) {
        if (mine.size() == 1) {
            return Array.of(mine.get(0));
        }
        if (mine.size() > FEW) {
            Map<AppState, Integer> fewest = new LinkedHashMap<>();
            for (StateProduct.Part part : mine) {
                fewest.merge(part.app(), part.used(), Math::min);
            }
            List<StateProduct.Part> kept = new ArrayList<>(fewest.size());
            fewest.forEach((app, used) -> kept.add(new StateProduct.Part(app, used)));
            return Array.ofAll(kept);
        }
        List<StateProduct.Part> kept = new ArrayList<>(mine.size());
        for (StateProduct.Part part : mine) {
            int same = indexOfApp(kept, part.app());
            if (same < 0) {
                kept.add(part);
            } else if (part.used() < kept.get(same).used()) {
                kept.set(same, part);
            }
        }
        return Array.ofAll(kept);
    }

    private static int indexOfApp(List<StateProduct.Part> parts, AppState app) {
        for (int index = 0; index < parts.size(); index++) {
            AppState other = parts.get(index).app();
            if (other == app || other.equals(app)) {
                return index;
            }
        }
        return -1;
    }
}
