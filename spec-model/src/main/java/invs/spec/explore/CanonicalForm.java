package invs.spec.explore;

import invs.spec.Configuration;
import invs.spec.model.AppState;
import invs.spec.model.ReadSource;
import invs.spec.model.Region;
import invs.spec.model.SystemState;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names explored nodes up to what cannot change their future: two nodes with the same key have the same
 * behaviour under every sequence of moves, up to renaming apps, so an exploration expands one of them.
 * Each abstraction is argued sound in {@code docs/explore.md}:
 * <ul>
 *   <li>regions are a set keyed by owner: allocation order is not observable, so they are sorted by owner;</li>
 *   <li>a region's epoch only matters by comparison with the epoch a read remembers: epochs become 0, a
 *       read source whose region has changed since is dropped (it can never teach anything again);</li>
 *   <li>apps with identical permissions are interchangeable when the alphabet treats them alike
 *       ({@link AppSymmetry}): the key is the least of the node's images.</li>
 * </ul>
 * Canonical states are interned and numbered, so a key is a sorted array of numbers.
 */
final class CanonicalForm {
    private final AppSymmetry symmetry;
    private final ConcurrentHashMap<SystemState, Integer> numbers = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    CanonicalForm(Configuration config, InputAlphabet alphabet, SystemState setupState) {
        this.symmetry = AppSymmetry.of(config, alphabet, setupState);
    }

    /** How many app permutations the key is taken over (1: no symmetry). */
    int symmetries() {
        return symmetry.size();
    }

    /** The key of the node whose states are {@code states}. */
    NodeKey key(Vector<SystemState> states) {
        int[] best = null;
        for (int image = 0; image < symmetry.size(); image++) {
            int[] ids = new int[states.size()];
            int i = 0;
            for (SystemState state : states) {
                ids[i++] = number(state(symmetry.image(state, image)));
            }
            Arrays.sort(ids);
            if (best == null || Arrays.compare(ids, best) < 0) {
                best = ids;
            }
        }
        return new NodeKey(best);
    }

    /** {@code state} with its regions sorted by owner, epochs reset and stale read sources dropped. */
    static SystemState state(SystemState state) {
        Vector<Region> regions = state.regions();
        boolean plain = regions.forAll(region -> region.epoch() == 0)
                && state.apps().forAll(app -> app.readSource().isEmpty());
        for (int i = 1; i < regions.size() && plain; i++) {
            plain = regions.get(i - 1).owner().value() < regions.get(i).owner().value();
        }
        if (plain) {
            return state;
        }
        Vector<AppState> apps = state.apps().map(app -> app.readSource().isEmpty() ? app
                : app.withReadWrite(app.readWrite(), current(state, app.readSource().get())));
        Vector<Region> sorted = regions.map(region -> region.epoch() == 0 ? region
                : new Region(region.owner(), region.contents(), 0)).sortBy(region -> region.owner().value());
        return new SystemState(sorted, apps, state.armedFaults());
    }

    /** The read source with epoch 0 if its region has not changed since the read, else none. */
    private static Option<ReadSource> current(SystemState state, ReadSource source) {
        return state.region(source.owner()).filter(region -> region.epoch() == source.epoch())
                .map(region -> new ReadSource(source.owner(), source.offset(), source.count(), 0));
    }

    private int number(SystemState state) {
        Integer known = numbers.get(state);
        return known != null ? known : numbers.computeIfAbsent(state, key -> next.getAndIncrement());
    }

    /** The key of a node: the sorted numbers of its canonical states. */
    record NodeKey(int[] states) {
        @Override
        public boolean equals(Object other) {
            return other instanceof NodeKey that && Arrays.equals(states, that.states);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(states);
        }

        @Override
        public String toString() {
            return Arrays.toString(states);
        }
    }
}
