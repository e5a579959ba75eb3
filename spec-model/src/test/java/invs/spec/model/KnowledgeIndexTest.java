package invs.spec.model;

import static invs.spec.model.Scenario.app;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.spec.Bytes;
import invs.spec.Configuration;
import invs.spec.Profile;
import invs.spec.ShortId;
import io.vavr.collection.Array;
import io.vavr.collection.Vector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link KnowledgeIndex}: a wide group of states is reduced to the same states, in the same places, as when
 * compared pairwise, while each state is compared with far fewer.
 */
class KnowledgeIndexTest {
    private static final Specification DOC = new Specification(Configuration.defaults(Profile.DOC));
    private static final int LENGTH = 16;

    @Test
    void indexedGroupsKeepTheStatesThatComparingEveryPairKeeps() {
        Random random = new Random(0x50004);
        int reduced = 0;
        int droppedAcrossLevels = 0;
        for (int round = 0; round < 300; round++) {
            Vector<SystemState> states = randomStates(random, 9 + random.nextInt(150));
            Vector<SystemState> pairwise = Subsumption.withoutSubsumed(states, Integer.MAX_VALUE);
            Vector<SystemState> indexed = Subsumption.withoutSubsumed(states, 0);
            int at = round;
            assertTrue(pairwise.equals(indexed), () -> "round " + at + ": of " + states.size() + " states, compared pairwise "
                    + pairwise.size() + " kept, indexed " + indexed.size() + "; first difference at "
                    + pairwise.zip(indexed).indexWhere(pair -> !pair._1.equals(pair._2)));
            reduced += pairwise.size() < states.size() ? 1 : 0;
            droppedAcrossLevels += dropsForMoreUnknownBytes(states, pairwise) ? 1 : 0;
        }
        // Not vacuous: most rounds drop states, and many through a state leaving more bytes unknown.
        assertTrue(reduced > 250, "rounds that dropped a state: " + reduced);
        assertTrue(droppedAcrossLevels > 100, "rounds that dropped across levels: " + droppedAcrossLevels);
    }

    @Test
    void whereEachFaultUsedLeavesBytesUnknownAStateIsComparedWithItselfOnly() {
        // Six regions, each written whole (its fault still armed) or failed (its bytes unknown, a fault used).
        List<SystemState> group = new ArrayList<>();
        for (int outcomes = 0; outcomes < 1 << 6; outcomes++) {
            SystemState state = DOC.initial();
            int failed = 0;
            for (int owner = 0; owner < 6; owner++) {
                boolean fails = (outcomes >> owner & 1) == 1;
                Cells contents = Cells.filled(LENGTH, 0xFF);
                contents = fails ? contents.forget(0, 8) : contents.write(0, Bytes.filled(8, 0x5A), 0, 8);
                failed += fails ? 1 : 0;
                state = state.withRegion(new Region(ShortId.of(owner + 1), contents, 1));
            }
            group.add(state.withArmedFaults(6 - failed));
        }
        KnowledgeIndex index = new KnowledgeIndex(group);
        for (int at = 0; at < group.size(); at++) {
            assertArrayEquals(new int[] {at}, index.candidates(at), "state " + at);
        }
        assertEquals(Vector.ofAll(group), Subsumption.withoutSubsumed(Vector.ofAll(group), 0));
    }

    @Test
    void aStateIsComparedWithThoseLeavingMoreBytesUnknownOrTheSameBytesWithMoreFaults() {
        SystemState known = withRegion(Cells.filled(LENGTH, 0xFF), 1, 1);
        SystemState torn = withRegion(Cells.filled(LENGTH, 0xFF).forget(0, 4), 1, 1);
        SystemState tornElsewhere = withRegion(Cells.filled(LENGTH, 0xFF).forget(8, 4), 1, 1);
        SystemState tornMoreFaults = withRegion(Cells.filled(LENGTH, 0xFF).forget(0, 4), 2, 1);
        SystemState otherEpoch = withRegion(Cells.filled(LENGTH, 0xFF).forget(0, 8), 2, 2);
        SystemState fewerFaults = withRegion(Cells.filled(LENGTH, 0xFF).forget(0, 8), 0, 0);
        List<SystemState> group = List.of(known, torn, tornElsewhere, tornMoreFaults, otherEpoch, fewerFaults);
        KnowledgeIndex index = new KnowledgeIndex(group);
        assertArrayEquals(new int[] {0, 1, 2, 3}, index.candidates(0));
        assertArrayEquals(new int[] {1, 3}, index.candidates(1));
        assertArrayEquals(new int[] {2}, index.candidates(2));
        assertArrayEquals(new int[] {3}, index.candidates(3));
        assertArrayEquals(new int[] {4}, index.candidates(4));
        assertArrayEquals(new int[] {5}, index.candidates(5));
    }

    private static SystemState withRegion(Cells contents, int armedFaults, long epoch) {
        return DOC.initial().withRegion(new Region(ShortId.of(1), contents, epoch)).withArmedFaults(armedFaults);
    }

    /** Whether a state of {@code states} not kept is subsumed by a kept one that leaves more bytes unknown. */
    private static boolean dropsForMoreUnknownBytes(Vector<SystemState> states, Vector<SystemState> kept) {
        for (SystemState dropped : states.removeAll(kept)) {
            for (SystemState keeper : kept) {
                if (Subsumption.subsumes(keeper, dropped) && unknown(keeper) > unknown(dropped)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int unknown(SystemState state) {
        return state.regions().map(region -> region.contents().unknownCount()).sum().intValue();
    }

    /**
     * Distinct states of two app states (so more than one group), up to three regions of two epochs, bytes
     * of two values known or unknown in short runs, and up to two faults armed: many subsume others.
     */
    private static Vector<SystemState> randomStates(Random random, int count) {
        SystemState subscribed = DOC.initial().withApp(app(0),
                DOC.initial().app(app(0)).withSubscriptions(Subscriptions.of(1), Array.empty()));
        List<SystemState> states = new ArrayList<>();
        for (int made = 0; made < count; made++) {
            SystemState state = random.nextInt(4) == 0 ? subscribed : DOC.initial();
            for (int owner = 1; owner <= 3; owner++) {
                if (random.nextInt(3) == 0) {
                    continue;
                }
                Cells contents = Cells.filled(LENGTH, 0xFF);
                for (int change = random.nextInt(3); change > 0; change--) {
                    int at = random.nextInt(LENGTH - 4);
                    int length = 1 + random.nextInt(4);
                    contents = random.nextBoolean() ? contents.forget(at, length)
                            : contents.write(at, Bytes.filled(length, random.nextBoolean() ? 0xCD : 0xFF), 0, length);
                }
                state = state.withRegion(new Region(ShortId.of(owner), contents, random.nextInt(2)));
            }
            states.add(state.withArmedFaults(random.nextInt(3)));
        }
        return Vector.ofAll(states).distinct();
    }
}
