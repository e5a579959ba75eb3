package invs.spec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.ShortId;
import io.vavr.collection.Array;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/** States equal in all but history are made equal, and sets of states lose duplicates in order. */
class CanonicalStatesTest {
    private static final ShortId OWNER = ShortId.of(0x1001);
    private static final AppId APP = AppId.of(0);

    private static SystemState withRegion(Region region, Option<ReadSource> source) {
        AppState app = AppState.fresh().withGrant(Grant.ALLOCATED).withReadWrite(Cells.filled(4, 0).forget(0, 2), source);
        return SystemState.initial(2).withRegion(region).withApp(APP, app);
    }

    @Test
    void statesDifferingOnlyInHowOftenARegionChangedBecomeEqual() {
        Region once = Region.fresh(OWNER, 4).withContents(Cells.filled(4, 0xFF).forget(0, 2));
        Region thrice = once.withContents(Cells.filled(4, 0xFF)).withContents(once.contents());
        SystemState a = withRegion(once, Option.none());
        SystemState b = withRegion(thrice, Option.none());
        assertNotEquals(a, b);
        assertEquals(a.withEpochsRenumbered(), b.withEpochsRenumbered());
        assertEquals(a.withEpochsRenumbered().hashCode(), b.withEpochsRenumbered().hashCode());
        assertEquals(0, b.withEpochsRenumbered().regions().head().epoch());
    }

    @Test
    void aReadFromTheCurrentEpochIsKeptAndAStaleOneForgotten() {
        Region region = Region.fresh(OWNER, 4).withContents(Cells.filled(4, 0xFF).forget(0, 2));
        SystemState current = withRegion(region, Option.some(new ReadSource(OWNER, 0, 2, region.epoch())));
        SystemState renumbered = current.withEpochsRenumbered();
        assertEquals(Option.some(new ReadSource(OWNER, 0, 2, 0)), renumbered.app(APP).readSource());

        Region changed = region.withContents(region.contents());
        SystemState stale = withRegion(changed, Option.some(new ReadSource(OWNER, 0, 2, region.epoch())));
        assertTrue(stale.withEpochsRenumbered().app(APP).readSource().isEmpty());
        assertEquals(withRegion(changed, Option.none()).withEpochsRenumbered(), stale.withEpochsRenumbered());
    }

    @Test
    void renumberedReadsStillTeachTheStorageAndStaleOnesDoNot() {
        Region region = Region.fresh(OWNER, 4).withContents(Cells.filled(4, 0xFF).forget(0, 2));
        SystemState current = withRegion(region, Option.some(new ReadSource(OWNER, 0, 2, region.epoch())))
                .withEpochsRenumbered();
        Expectation.YieldedAs yielded = new Expectation.YieldedAs(APP, Option.none(), current.app(APP).readWrite());
        SystemState taught = new Outcome(yielded, current, invs.spec.Clause.TRD104_YIELD)
                .after(new invs.spec.Observation.Yielded(Option.none(), Bytes.fromHex("abcd0000")));
        assertTrue(taught.regions().head().contents().allKnown());
        assertEquals(Bytes.fromHex("abcdffff"), taught.regions().head().contents().concretise(0));

        SystemState stale = withRegion(region.withContents(region.contents()),
                Option.some(new ReadSource(OWNER, 0, 2, region.epoch())));
        SystemState untaught = new Outcome(yielded, stale, invs.spec.Clause.TRD104_YIELD)
                .after(new invs.spec.Observation.Yielded(Option.none(), Bytes.fromHex("abcd0000")));
        assertFalse(untaught.regions().head().contents().allKnown());
    }

    @Test
    void distinctKeepsFirstOccurrencesInOrderForFewAndMany() {
        assertEquals(Array.of(3, 1, 2), Frontier.distinct(Array.of(3, 1, 3, 2, 1)));
        Array<Integer> many = Array.range(0, 20).appendAll(Array.range(0, 20)).append(7);
        assertEquals(Array.range(0, 20), Frontier.distinct(many));
        Array<Integer> unique = Array.of(1, 2);
        assertSame(unique, Frontier.distinct(unique));
    }

    @Test
    void aFrontierEveryStateOfWhichAllowsOnlyItselfStaysAsItIs() {
        Specification specification = new Specification(invs.spec.Configuration.defaults(invs.spec.Profile.DOC));
        SystemState other = specification.initial().withRegion(Region.fresh(OWNER, 4)).withArmedFaults(1);
        Frontier frontier = Frontier.of(specification, Vector.of(specification.initial(), other));
        Frontier ticked = frontier.advance(new invs.spec.Tick(), invs.spec.Observation.quiet()).get();
        assertSame(frontier, ticked);

        Frontier faulted = frontier.advance(new invs.spec.FlashFault(), invs.spec.Observation.quiet()).get();
        assertEquals(Vector.of(specification.initial().withArmedFaults(1), other.withArmedFaults(2)), faulted.states());
    }

    @Test
    void regionsAllocatedInEitherOrderMakeOneState() {
        Region low = Region.fresh(ShortId.of(0x1001), 4);
        Region high = Region.fresh(ShortId.of(0xF000_0001L), 4);
        SystemState lowFirst = SystemState.initial(2).withRegion(low).withRegion(high);
        SystemState highFirst = SystemState.initial(2).withRegion(high).withRegion(low);
        assertEquals(lowFirst, highFirst);
        assertEquals(lowFirst.hashCode(), highFirst.hashCode());
        assertEquals(Array.of(low, high), highFirst.regions(), "in the order of the owners, unsigned");
        assertEquals(lowFirst, new SystemState(Array.of(high, low), lowFirst.apps(), 0), "whatever order they are given in");
    }

    /**
     * Four apps compete for room for two regions; none is subscribed, so no upcall tells which got one. A
     * drain tries every order of their allocations: the states left differ in which two apps got a region,
     * 6 of them, not in the order they got it (12 orders of two of four).
     */
    @Test
    void aDrainOfCompetingAllocationsLeavesOneStatePerSetOfRegions() {
        Vector<invs.spec.App> apps = Vector.range(0, 4).map(i -> invs.spec.App.selfOnly("app" + i, 0x2000 + i));
        invs.spec.Configuration board = invs.spec.Configuration.defaults(invs.spec.Profile.DOC).withApps(apps);
        board = board.withStorageLength(2 * board.regionFootprint());
        Frontier frontier = Frontier.start(new Specification(board));
        for (int slot = 0; slot < 4; slot++) {
            frontier = frontier.advance(invs.spec.Command.size(AppId.of(slot)), invs.spec.Observation.success()).get();
        }
        frontier = frontier.advance(new invs.spec.Drain(), invs.spec.Observation.quiet()).get();
        assertEquals(6, frontier.states().size());
        assertEquals(6, frontier.states().map(state -> state.regions().map(Region::owner).toSet()).distinct().size());
        assertTrue(frontier.states().forAll(state -> state.regions().size() == 2 && !state.anyPending()));
    }
}
