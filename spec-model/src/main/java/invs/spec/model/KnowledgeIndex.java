package invs.spec.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The states of a group with equal apps, indexed by what their storage leaves unknown and the faults they
 * have armed, so that {@link Subsumption} compares a state only with the states that could subsume it.
 *
 * <p>Of two states with equal apps, T subsumes S only when they have the same regions (owners and epochs,
 * in the same order: their shape), T has at least S's faults armed, and T's storage leaves unknown every
 * byte S's does: so T leaves more bytes unknown, or as many and exactly the same ones. The index holds the
 * states in levels (one shape, one count of unknown bytes, one count of armed faults), and within a level
 * by which bytes are unknown. A state's candidates are the states of the levels of its shape with more
 * unknown bytes and at least its faults, and, in the levels with as many unknown bytes and at least its
 * faults, those that leave the same bytes unknown. Each candidate is still compared in full.
 *
 * <p>Compared pairwise, a step costs about the square of its states: on a board of many apps whose writes
 * complete unseen, each write may have landed (its bytes known, the fault still armed) or failed (its bytes
 * unknown, a fault used), and no state subsumes another. There unknown bytes and armed faults go opposite
 * ways, so a state's only candidates are the states that leave exactly its bytes unknown.
 */
final class KnowledgeIndex {
    private final List<SystemState> group;
    private final RegionsKey[] shapes;
    private final RegionsKey[] masks;
    private final int[] unknown;
    private final Map<RegionsKey, Map<Long, Level>> levels = new HashMap<>();

    /** The states of one shape, count of unknown bytes and count of armed faults, in group order. */
    private static final class Level {
        final int unknown;
        final int armed;
        final List<Integer> all = new ArrayList<>();
        final Map<RegionsKey, List<Integer>> byMask = new HashMap<>();

        Level(int unknown, int armed) {
            this.unknown = unknown;
            this.armed = armed;
        }
    }

    /** Indexes {@code group}, states with equal apps. */
    KnowledgeIndex(List<SystemState> group) {
        this.group = group;
        int size = group.size();
        this.shapes = new RegionsKey[size];
        this.masks = new RegionsKey[size];
        this.unknown = new int[size];
        for (int at = 0; at < size; at++) {
            SystemState state = group.get(at);
            shapes[at] = new RegionsKey(state, Likeness.SHAPE);
            masks[at] = new RegionsKey(state, Likeness.UNKNOWN_BYTES);
            int count = 0;
            for (Region region : state.regions()) {
                count += region.contents().unknownCount();
            }
            unknown[at] = count;
            long key = ((long) count << 32) | (state.armedFaults() & 0xFFFFFFFFL);
            int leaves = count;
            Level level = levels.computeIfAbsent(shapes[at], shape -> new HashMap<>())
                    .computeIfAbsent(key, ignored -> new Level(leaves, state.armedFaults()));
            level.all.add(at);
            level.byMask.computeIfAbsent(masks[at], mask -> new ArrayList<>()).add(at);
        }
    }

    /**
     * The positions in the group, ascending, of the states that may subsume the state at {@code at}: every
     * state that does is among them (the state itself may be too).
     */
    int[] candidates(int at) {
        int armed = group.get(at).armedFaults();
        List<Integer> found = new ArrayList<>();
        for (Level level : levels.get(shapes[at]).values()) {
            if (level.armed < armed || level.unknown < unknown[at]) {
                continue;
            }
            if (level.unknown > unknown[at]) {
                found.addAll(level.all);
            } else {
                found.addAll(level.byMask.getOrDefault(masks[at], List.of()));
            }
        }
        int[] positions = new int[found.size()];
        for (int index = 0; index < positions.length; index++) {
            positions[index] = found.get(index);
        }
        Arrays.sort(positions);
        return positions;
    }

    /** What a key of a state's regions compares, region by region. */
    private enum Likeness {
        /** The regions' owners and epochs: what subsumption compares first (a state's shape). */
        SHAPE {
            @Override
            boolean alike(Region one, Region other) {
                return one.epoch() == other.epoch() && one.owner().equals(other.owner());
            }

            @Override
            int hash(Region region) {
                return 31 * region.owner().hashCode() + Long.hashCode(region.epoch());
            }
        },
        /** Which bytes of the regions are unknown (compared within one shape). */
        UNKNOWN_BYTES {
            @Override
            boolean alike(Region one, Region other) {
                return one.contents().sameUnknownAs(other.contents());
            }

            @Override
            int hash(Region region) {
                return region.contents().unknownHash();
            }
        };

        abstract boolean alike(Region one, Region other);

        abstract int hash(Region region);
    }

    /** A state's regions as {@code likeness} compares them: equal keys have as many regions, pairwise alike. */
    private record RegionsKey(SystemState state, Likeness likeness) {
        @Override
        public boolean equals(Object other) {
            if (!(other instanceof RegionsKey that) || that.likeness != likeness
                    || that.state.regions().size() != state.regions().size()) {
                return false;
            }
            for (int index = 0; index < state.regions().size(); index++) {
                if (!likeness.alike(state.regions().get(index), that.state.regions().get(index))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int hash = 1;
            for (Region region : state.regions()) {
                hash = 31 * hash + likeness.hash(region);
            }
            return hash;
        }
    }
}
