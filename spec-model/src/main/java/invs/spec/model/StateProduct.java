package invs.spec.model;

import io.vavr.collection.Array;
import io.vavr.collection.Vector;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of states held as a product: shared regions and a budget of armed faults, and for each app (by
 * process slot) the states it may be in, each with the faults it used. Its states are every choice of one
 * part per app whose faults used add up to at most the budget; such a state has the budget less those
 * faults armed. So n apps with k parts each hold up to k<sup>n</sup> states in n·k parts.
 *
 * <p>What ties apps together in the specification is only what they share: the regions (how many are
 * allocated decides whether another fits) and the armed faults an operation may use ({@link Completion}).
 * A product keeps the regions shared and counts the faults per part, so a step of one app
 * ({@link FactoredFrontier}) works on that app's parts alone. A value; the parts are never changed once made.
 */
final class StateProduct {
    /**
     * One app's state in a product, and how many of the product's armed faults it used.
     *
     * @param app  the app's state
     * @param used faults it used, of the product's budget
     */
    record Part(AppState app, int used) {
    }

    private final Array<Region> regions;
    private final int budget;
    private final Array<Array<Part>> parts;
    /** The one state, when every app has one part; null otherwise. */
    private final SystemState single;
    /**
     * How many states the product holds, once counted ({@link #width}); -1 before. Volatile: a frontier may
     * be shared between threads (sessions share their power-on frontier), and a long is written whole only so.
     */
    private volatile long width = -1;

    private StateProduct(Array<Region> regions, int budget, Array<Array<Part>> parts, SystemState single) {
        this.regions = regions;
        this.budget = budget;
        this.parts = parts;
        this.single = single;
    }

    /** The product of the one state {@code state}. */
    static StateProduct of(SystemState state) {
        return new StateProduct(state.regions(), state.armedFaults(),
                state.apps().map(app -> Array.of(new Part(app, 0))), state);
    }

    /**
     * The product of these parts, each app's parts distinct and not empty, those that fit in no state of
     * the product left out; null when no state is left.
     */
    static StateProduct of(Array<Region> regions, int budget, Array<Array<Part>> parts) {
        Array<Array<Part>> fitting = fitting(budget, parts);
        if (fitting == null) {
            return null;
        }
        boolean one = fitting.forAll(slot -> slot.size() == 1);
        SystemState single = null;
        if (one) {
            int used = fitting.map(slot -> slot.get(0).used()).sum().intValue();
            single = new SystemState(regions, fitting.map(slot -> slot.get(0).app()), budget - used);
        }
        return new StateProduct(regions, budget, fitting, single);
    }

    /** The parts that fit in some state (with the fewest faults the other apps used), null if an app has none. */
    private static Array<Array<Part>> fitting(int budget, Array<Array<Part>> parts) {
        if (noneUsed(parts)) {
            return budget < 0 ? null : parts;
        }
        int fewest = 0;
        for (Array<Part> slot : parts) {
            fewest += fewestUsed(slot);
        }
        if (fewest > budget) {
            return null;
        }
        int spare = budget - fewest;
        Array<Array<Part>> kept = parts;
        for (int slot = 0; slot < parts.size(); slot++) {
            Array<Part> mine = parts.get(slot);
            int least = fewestUsed(mine);
            Array<Part> fits = mine.filter(part -> part.used() - least <= spare);
            if (fits.size() != mine.size()) {
                kept = kept.update(slot, fits);
            }
        }
        return kept;
    }

    private static boolean noneUsed(Array<Array<Part>> parts) {
        for (int slot = 0; slot < parts.size(); slot++) {
            Array<Part> mine = parts.get(slot);
            for (int index = 0; index < mine.size(); index++) {
                if (mine.get(index).used() != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int fewestUsed(Array<Part> slot) {
        int least = Integer.MAX_VALUE;
        for (int index = 0; index < slot.size(); index++) {
            least = Math.min(least, slot.get(index).used());
        }
        return least;
    }

    /** The shared regions. */
    Array<Region> regions() {
        return regions;
    }

    /** The faults armed in a state whose apps used none. */
    int budget() {
        return budget;
    }

    /** Each app's parts, by process slot. */
    Array<Array<Part>> parts() {
        return parts;
    }

    /**
     * The same states with one more fault armed in each, as products. One product, when every choice of
     * parts fits the budget; otherwise a choice that did not fit (its apps used more faults than were armed:
     * no such state) would fit the budget raised, so the product is first split into products in which
     * every choice fits ({@link #exact}).
     */
    Vector<StateProduct> withFaultArmed() {
        if (markedBeyondBudget()) {
            // A fault armed now cannot have been used by an operation that completed before: the regions with
            // failable bytes and the parts with upcalls that may be FAIL are told apart first
            // (FaultAlternatives.withFaultArmed).
            Array<Array<Part>> concrete = parts.map(mine -> ProductJoin.cheapestOfEach(FaultAlternatives.concreteParts(mine)));
            Vector<StateProduct> armed = Vector.empty();
            for (StorageAlternatives.Settled settled : StorageAlternatives.settledRegions(regions, budget)) {
                StateProduct told = of(settled.regions(), budget - settled.used(), concrete);
                if (told != null) {
                    armed = armed.appendAll(told.withFaultArmed());
                }
            }
            return armed;
        }
        if (single != null) {
            return Vector.of(new StateProduct(regions, budget + 1, parts, single.withArmedFaults(single.armedFaults() + 1)));
        }
        return exact().map(product -> new StateProduct(product.regions, product.budget + 1, product.parts, null));
    }

    /**
     * Whether some state of this product has more upcalls that may be FAIL and failable bytes than faults
     * armed (then a fault armed now would make reachable a choice of them that was not): checked on the most
     * any choice can have, each app's part with the most marked upcalls and faults used together.
     */
    private boolean markedBeyondBudget() {
        int most = StorageAlternatives.count(regions);
        boolean marked = most > 0;
        for (Array<Part> mine : parts) {
            int highest = 0;
            for (Part part : mine) {
                marked |= part.app().anyMayFail();
                highest = Math.max(highest, part.used() + part.app().mayFailCount());
            }
            most += highest;
        }
        return marked && most > budget;
    }

    /**
     * The states of this product as products in which every choice of parts fits the budget: split, while
     * some choice does not fit, by the faults the parts of one app used (an app whose parts used different
     * counts), each count its own product.
     */
    private Vector<StateProduct> exact() {
        int most = 0;
        int split = -1;
        for (int slot = 0; slot < parts.size(); slot++) {
            Array<Part> mine = parts.get(slot);
            int highest = 0;
            for (Part part : mine) {
                highest = Math.max(highest, part.used());
            }
            most += highest;
            if (split < 0 && highest > fewestUsed(mine)) {
                split = slot;
            }
        }
        if (most <= budget) {
            return Vector.of(this);
        }
        Vector<StateProduct> exact = Vector.empty();
        Array<Part> mine = parts.get(split);
        for (int used : mine.map(Part::used).distinct()) {
            StateProduct part = of(regions, budget, parts.update(split, mine.filter(candidate -> candidate.used() == used)));
            if (part != null) {
                exact = exact.appendAll(part.exact());
            }
        }
        return exact;
    }

    /** The parts held, over all apps: what stepping the product costs, at most. */
    int held() {
        int held = 0;
        for (Array<Part> slot : parts) {
            held += slot.size();
        }
        return held;
    }

    /**
     * How many states the product holds (counted, not listed: a product may hold many; {@link Long#MAX_VALUE}
     * when more than a long counts). Counted once: a session asks for it on every step, for its statistics
     * and for the frontier bound.
     */
    long width() {
        long counted = width;
        if (counted < 0) {
            counted = single != null ? 1 : count();
            width = counted;
        }
        return counted;
    }

    private long count() {
        // ways[u]: choices of a part for the apps so far that used u faults together.
        long[] ways = new long[budget + 1];
        ways[0] = 1;
        for (Array<Part> slot : parts) {
            long[] next = new long[budget + 1];
            for (int before = 0; before <= budget; before++) {
                if (ways[before] == 0) {
                    continue;
                }
                for (Part part : slot) {
                    int after = before + part.used();
                    if (after <= budget) {
                        next[after] = cappedSum(next[after], ways[before]);
                    }
                }
            }
            ways = next;
        }
        long total = 0;
        for (long count : ways) {
            total = cappedSum(total, count);
        }
        return total;
    }

    /**
     * {@code a + b} for counts of states, {@link Long#MAX_VALUE} when more: a product of many apps' parts
     * may hold more states than a long counts.
     */
    static long cappedSum(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** The one state of a product whose apps have one part each; null otherwise. */
    SystemState single() {
        return single;
    }

    /**
     * The state of {@code part} for the app in {@code slot}, the other apps in their first part, and as many
     * faults armed as any state with {@code part} has: what a step of that app sees of the product.
     */
    SystemState standingFor(int slot, Part part) {
        if (single != null) {
            return single;
        }
        int othersUsed = 0;
        for (int other = 0; other < parts.size(); other++) {
            if (other != slot) {
                othersUsed += fewestUsed(parts.get(other));
            }
        }
        Array<AppState> apps = parts.map(candidates -> candidates.get(0).app()).update(slot, part.app());
        return new SystemState(regions, apps, budget - part.used() - othersUsed);
    }

    /** The states of the product, at most {@code limit} of them, apps in slot order, first parts first. */
    Vector<SystemState> states(int limit) {
        if (single != null) {
            return Vector.of(single);
        }
        List<SystemState> states = new ArrayList<>();
        list(0, new Part[parts.size()], 0, limit, states);
        return Vector.ofAll(states);
    }

    private void list(int slot, Part[] chosen, int used, int limit, List<SystemState> states) {
        if (states.size() >= limit) {
            return;
        }
        if (slot == chosen.length) {
            states.add(new SystemState(regions, Array.of(chosen).map(Part::app), budget - used));
            return;
        }
        for (Part part : parts.get(slot)) {
            if (used + part.used() <= budget) {
                chosen[slot] = part;
                list(slot + 1, chosen, used + part.used(), limit, states);
            }
        }
    }

    @Override
    public String toString() {
        return "StateProduct[regions=" + regions + ", budget=" + budget + ", parts=" + parts + "]";
    }
}
