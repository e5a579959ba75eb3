package invs.spec.model;

import static invs.spec.model.Scenario.app;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.spec.AllowReadOnly;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.ErrorCode;
import invs.spec.FlashFault;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Reboot;
import invs.spec.ShortId;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.collection.Array;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/**
 * A frontier leaves out a state when another of its states is the same but for storage that knows fewer
 * bytes (and at least as many faults armed): {@link Subsumption}.
 */
class KnowledgeSubsumptionTest {
    private static final Specification DOC = new Specification(Configuration.defaults(Profile.DOC));
    private static final ShortId OWNER = ShortId.of(1);
    /** A region of 16 bytes whose first four a failed write left unknown. */
    private static final Cells TORN_START = Cells.filled(16, 0xFF).forget(0, 4);

    private static SystemState with(Cells contents, int armedFaults) {
        return DOC.initial().withRegion(new Region(OWNER, contents, 0)).withArmedFaults(armedFaults);
    }

    @Test
    void aStateWhoseStorageKnowsFewerBytesStandsForThoseThatKnowThemWhateverTheirValues() {
        SystemState old = with(TORN_START, 0);
        SystemState written = with(TORN_START.write(8, Bytes.filled(4, 0xCD), 0, 4), 0);
        SystemState cut = with(TORN_START.forget(8, 4), 0);
        assertEquals(Vector.of(cut), Frontier.of(DOC, Vector.of(old, written, cut)).states());
        assertEquals(Vector.of(cut), Frontier.of(DOC, Vector.of(cut, written, old)).states());
    }

    @Test
    void statesWhoseKnownBytesDifferAreAllKeptEvenWhereBothKnowFewBytes() {
        SystemState old = with(TORN_START, 0);
        SystemState written = with(TORN_START.write(8, Bytes.filled(4, 0xCD), 0, 4), 0);
        assertEquals(Vector.of(old, written), Frontier.of(DOC, Vector.of(old, written)).states());
        // knowing fewer bytes in one place does not make up for knowing others differently
        SystemState cutElsewhere = with(TORN_START.forget(12, 4), 0);
        assertEquals(Vector.of(written, cutElsewhere), Frontier.of(DOC, Vector.of(written, cutElsewhere)).states());
    }

    @Test
    void fewerFaultsArmedOrAnotherAppStateIsNotMadeUpForByKnowingLess() {
        SystemState whole = with(TORN_START.write(8, Bytes.filled(4, 0xCD), 0, 4), 1);
        SystemState failed = with(TORN_START.forget(8, 4), 0);
        assertEquals(Vector.of(whole, failed), Subsumption.withoutSubsumed(Vector.of(whole, failed)));
        // neither subsumes the other; the frontier holds them as one state, the bytes failable (StorageAlternatives)
        assertEquals(Vector.of(whole, failed), Frontier.of(DOC, Vector.of(whole, failed)).states()
                .flatMap(FaultAlternatives::concrete));
        SystemState subscribed = failed.withApp(app(0), failed.app(app(0)).withSubscriptions(Subscriptions.of(1), Array.empty()));
        SystemState known = with(TORN_START, 0);
        assertEquals(Vector.of(known, subscribed), Frontier.of(DOC, Vector.of(known, subscribed)).states());
        assertTrue(Subsumption.subsumes(with(TORN_START.forget(8, 4), 2), with(TORN_START, 1)));
        assertFalse(Subsumption.subsumes(with(TORN_START, 1), with(TORN_START.forget(8, 4), 2)));
    }

    @Test
    void aWideFrontierIsGroupedAndEachStateKeptTakesThePlaceOfTheFirstItStandsFor() {
        Vector<SystemState> known = Vector.range(0, 9).map(at -> with(Cells.filled(16, 0xFF).write(at, Bytes.filled(1, at), 0, 1), 0));
        SystemState torn = with(Cells.filled(16, 0xFF).forget(0, 9), 0);
        SystemState other = DOC.initial().withRegion(new Region(ShortId.of(2), Cells.filled(16, 0xFF), 0));
        SystemState partly = with(Cells.filled(16, 0xFF).forget(0, 4), 0);
        Vector<SystemState> states = known.append(other).append(partly).append(torn);
        assertEquals(Vector.of(torn, other), Frontier.of(DOC, states).states());
    }

    @Test
    void aWriteCutByARebootLeavesOneStateWhereItsRangeIsUnknown() {
        AppId a = app(0);
        Scenario scenario = new Scenario(Configuration.defaults(Profile.DOC)).subscribeAll(a)
                // a write allocates the region, then a failed one leaves bytes 0..4 unknown
                .then(new AllowReadOnly(a, 0, Bytes.filled(4, 0xAB)), Observation.success())
                .then(Command.write(a, 0), Observation.success())
                .then(new Yield(a), new Observation.Yielded(Option.some(Upcall.success(2, 4)), Bytes.empty()))
                .then(new FlashFault(), Observation.quiet())
                .then(Command.write(a, 0), Observation.success())
                .then(new Yield(a), new Observation.Yielded(Option.some(Upcall.error(2, ErrorCode.FAIL)), Bytes.empty()))
                // a write at 100 cut by a reboot: not done, done, or torn
                .then(new AllowReadOnly(a, 0, Bytes.filled(4, 0xCD)), Observation.success())
                .then(Command.write(a, 100), Observation.success())
                .then(new Reboot(0), Observation.quiet());
        Vector<SystemState> states = scenario.frontier().states();
        assertEquals(1, states.size(), () -> "" + states);
        Cells contents = states.head().regions().head().contents();
        assertTrue(contents.anyUnknown(0, 4) && contents.anyUnknown(100, 4) && !contents.anyUnknown(4, 96), () -> "" + contents);
    }
}
