package invs.spec.explore;

import invs.spec.Configuration;
import invs.spec.model.AppState;
import invs.spec.model.ReadSource;
import invs.spec.model.Region;
import invs.spec.model.SystemState;
import io.vavr.collection.Array;
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
 *   <li>regions are a set keyed by owner: allocation order is not observable, so every state keeps them
 *       sorted by owner ({@link SystemState#regions});</li>
 *   <li>a region's epoch only matters by comparison with the epoch a read remembers: epochs become 0, and
 *       a read source whose region has changed since is dropped (it can never teach anything again), as
 *       the specification itself does after every observation ({@link SystemState#withEpochsRenumbered});</li>
 *   <li>apps with identical permissions are interchangeable when the alphabet treats them alike
 *       ({@link AppSymmetry}): the key is the least of the node's images.</li>
 * </ul>
 * Canonical states are interned and numbered, so a key is a sorted array of numbers; an exploration
 * continues from the canonical states, which behave exactly as the states they stand for.
 */
final class CanonicalForm {
    private final AppSymmetry symmetry;
    private final ConcurrentHashMap<SystemState, Integer> numbers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, SystemState> states = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    CanonicalForm(Configuration config, InputAlphabet alphabet, SystemState setupState) {
        this.symmetry = AppSymmetry.of(config, alphabet, setupState);
    }

    /** How many app permutations the key is taken over (1: no symmetry). */
    int symmetries() {
        return symmetry.size();
    }

    /**
     * The numbers of the canonical forms of {@code states}, each once, in order of first appearance. A
     * canonical form seen for the first time is numbered and kept: {@link #state} returns it.
     */
    int[] numbers(Vector<SystemState> states) {
        int[] numbers = new int[states.size()];
        int count = 0;
        for (SystemState state : states) {
            int number = number(state(state));
            boolean seen = false;
            for (int i = 0; i < count && !seen; i++) {
                seen = numbers[i] == number;
            }
            if (!seen) {
                numbers[count++] = number;
            }
        }
        return count == numbers.length ? numbers : Arrays.copyOf(numbers, count);
    }

    /** The canonical state numbered {@code number}. */
    SystemState state(int number) {
        return states.get(number);
    }

    /** The canonical states numbered {@code numbers}. */
    Vector<SystemState> states(int[] numbers) {
        Vector<SystemState> result = Vector.empty();
        for (int number : numbers) {
            result = result.append(states.get(number));
        }
        return result;
    }

    /** The key of the node whose canonical states are numbered {@code numbers}. */
    NodeKey key(int[] numbers) {
        int[] best = numbers.clone();
        Arrays.sort(best);
        for (int image = 1; image < symmetry.size(); image++) {
            int[] ids = new int[numbers.length];
            for (int i = 0; i < numbers.length; i++) {
                ids[i] = number(state(symmetry.image(states.get(numbers[i]), image)));
            }
            Arrays.sort(ids);
            if (Arrays.compare(ids, best) < 0) {
                best = ids;
            }
        }
        return new NodeKey(best);
    }

    /** {@code state} with epochs reset and stale read sources dropped (its regions are sorted by owner already). */
    static SystemState state(SystemState state) {
        Array<Region> regions = state.regions();
        boolean plain = regions.forAll(region -> region.epoch() == 0)
                && state.apps().forAll(app -> app.readSource().forAll(source -> source.epoch() == 0));
        if (plain) {
            return state;
        }
        Array<AppState> apps = state.apps().map(app -> app.readSource().isEmpty() ? app
                : app.withReadWrite(app.readWrite(), current(state, app.readSource().get())));
        Array<Region> reset = regions.map(region -> region.withEpoch(0));
        return new SystemState(reset, apps, state.armedFaults());
    }

    /** The read source with epoch 0 if its region has not changed since the read, else none: it can teach nothing again. */
    private static Option<ReadSource> current(SystemState state, ReadSource source) {
        boolean current = state.region(source.owner()).exists(region -> region.epoch() == source.epoch());
        return current ? Option.some(new ReadSource(source.owner(), source.offset(), source.count(), 0)) : Option.none();
    }

    private int number(SystemState state) {
        Integer known = numbers.get(state);
        if (known != null) {
            return known;
        }
        return numbers.computeIfAbsent(state, key -> {
            int number = next.getAndIncrement();
            states.put(number, key);
            return number;
        });
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
