package invs.spec.model;

import static invs.spec.model.Scenario.app;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Clause;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.ErrorCode;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Subscribe;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.collection.HashSet;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/**
 * Properties of the specification as a whole rather than of one clause: it keeps exactly the states an
 * implementation could be in (no more, so checks stay sharp), completes operations whenever they may
 * have completed, shows in-flight buffer bytes as unknown only where a read may be copying, and answers
 * the questions a checker asks of it.
 */
class SpecificationTest {
    private static final AppId ALPHA = app(0);
    private static final AppId BETA = app(1);
    private static final int SIZE = 2048;

    private static Scenario subscribed(Profile profile) {
        return new Scenario(Configuration.defaults(profile)).subscribeAll(ALPHA).subscribeAll(BETA);
    }

    @Test
    void appLikeSequencesLeaveOneConsistentState() {
        // With room for every region, the order in which apps allocate is not observable and not kept.
        Scenario scenario = subscribed(Profile.DOC).onlyAccepted(Command.size(ALPHA)).onlyAccepted(Command.size(BETA));
        assertEquals(1, scenario.frontier().states().size());
        scenario.drain();
        assertEquals(1, scenario.frontier().states().size(), () -> "" + scenario.frontier().states());
        scenario.upcall(BETA, Upcall.success(0, SIZE), Bytes.empty()).upcall(ALPHA, Upcall.success(0, SIZE), Bytes.empty())
                .write(ALPHA, 0, Bytes.filled(3, 7)).read(BETA, 0, Bytes.filled(2, 0xFF));
        assertEquals(1, scenario.frontier().states().size());
        // Reads and writes of two apps in flight together, and a yield of one while the other is pending.
        scenario.allowRw(ALPHA, 3).onlyAccepted(Command.read(ALPHA, 0)).allowRw(BETA, 1).onlyAccepted(Command.read(BETA, 0))
                .drain().upcall(ALPHA, Upcall.success(1, 3), Bytes.filled(3, 7));
        assertEquals(1, scenario.frontier().states().size());
    }

    @Test
    void allocationsThatAllFitAreNotOrdered() {
        // Storage for exactly two regions and two apps allocating: no competition, one state after a drain.
        Configuration two = Configuration.defaults(Profile.DOC).withStorageLength(2 * (SIZE + 12L));
        Scenario scenario = new Scenario(two).subscribeAll(ALPHA).subscribeAll(BETA)
                .onlyAccepted(Command.size(ALPHA)).onlyAccepted(Command.size(BETA)).drain();
        assertEquals(1, scenario.frontier().states().size(), () -> "" + scenario.frontier().states());
    }

    @Test
    void anotherAppMayTakeTheLastRegionBeforeADrain() {
        // One region left, alpha and beta both allocating. Before any drain, beta's operation may already
        // have taken the region, so alpha may see NOMEM; then beta must see its size.
        Configuration one = Configuration.defaults(Profile.DOC).withStorageLength(SIZE + 12);
        Scenario scenario = new Scenario(one).subscribeAll(ALPHA).subscribeAll(BETA)
                .onlyAccepted(Command.size(ALPHA)).onlyAccepted(Command.size(BETA));
        assertEquals(HashSet.of(Option.none(), Option.some(Upcall.success(0, SIZE)), Option.some(Upcall.error(0, ErrorCode.NOMEM))),
                scenario.upcallsAllowed(ALPHA));
        scenario.then(new Yield(ALPHA), new Observation.Yielded(Option.some(Upcall.error(0, ErrorCode.NOMEM)), Bytes.empty()))
                .drain().upcall(BETA, Upcall.success(0, SIZE), Bytes.empty());
        // An app that already has its region completes without anyone else allocating meanwhile, even while
        // two others compete for the one region left.
        Configuration crowded = Configuration.defaults(Profile.DOC).withStorageLength(2 * (SIZE + 12L));
        Configuration three = crowded.withApps(crowded.apps().update(2, invs.spec.App.selfOnly("delta", 0x1004)));
        Scenario competing = new Scenario(three).subscribeAll(ALPHA).subscribeAll(BETA).subscribeAll(app(2))
                .roundTrip(Command.size(ALPHA), Upcall.success(0, SIZE), Bytes.empty()).allowRw(ALPHA, 1)
                .onlyAccepted(Command.read(ALPHA, 0)).onlyAccepted(Command.size(BETA)).onlyAccepted(Command.size(app(2)))
                .then(new Yield(ALPHA), new Observation.Yielded(Option.some(Upcall.success(1, 1)), Bytes.filled(1, 0xFF)));
        assertEquals(1, competing.frontier().states().size(), () -> "" + competing.frontier().states());
        assertEquals(1, competing.frontier().states().head().regions().size());
    }

    @Test
    void anOperationMayCompleteAnyTimeBeforeADrain() {
        Scenario scenario = subscribed(Profile.TOCK).onlyAccepted(Command.size(ALPHA));
        assertEquals(HashSet.of(Option.none(), Option.some(Upcall.success(0, SIZE))), scenario.upcallsAllowed(ALPHA));
        assertTrue(scenario.frontier().states().forAll(SystemState::anyPending));
        scenario.drain();
        assertEquals(HashSet.of(Option.some(Upcall.success(0, SIZE))), scenario.upcallsAllowed(ALPHA));
        assertFalse(scenario.frontier().states().exists(SystemState::anyPending));
    }

    @Test
    void aPendingWriteOrRefusedReadLeavesTheReadBufferAsItIs() {
        Scenario scenario = subscribed(Profile.DOC).read(ALPHA, 0, Bytes.filled(2, 0xFF))
                .allowRo(ALPHA, Bytes.filled(1, 1)).onlyAccepted(Command.write(ALPHA, 0));
        scenario.refuses(new Yield(ALPHA), new Observation.Yielded(Option.none(), Bytes.filled(2, 0)))
                .then(new Yield(ALPHA), new Observation.Yielded(Option.none(), Bytes.filled(2, 0xFF)));
        // doc: a read of an app without read permission, accepted, fills nothing.
        Scenario denied = new Scenario(ClauseTest.fixedSize(true, false, Profile.DOC)).subscribeAll(ALPHA)
                .allowRw(ALPHA, 2).then(Command.read(ALPHA, 0), Observation.success());
        denied.refuses(new Yield(ALPHA), new Observation.Yielded(Option.none(), Bytes.filled(2, 0xFF)));
    }

    @Test
    void aReadInFlightShowsUnknownBytesOnlyWhereItMayCopy() {
        // tock moves at most 512 bytes: of a 600-byte buffer only the first 512 may change before the upcall.
        Scenario scenario = subscribed(Profile.TOCK).allowRo(ALPHA, Bytes.filled(600, 0x12))
                .roundTrip(Command.write(ALPHA, 0), Upcall.success(2, 512), Bytes.empty()).allowRw(ALPHA, 600)
                .onlyAccepted(Command.read(ALPHA, 0));
        byte[] partly = new byte[600];
        partly[511] = 0x12;
        scenario.cites(new Yield(ALPHA), new Observation.Yielded(Option.none(), Bytes.of(partly)), Clause.TRD104_YIELD);
        byte[] beyond = new byte[600];
        beyond[512] = 0x12;
        scenario.refuses(new Yield(ALPHA), new Observation.Yielded(Option.none(), Bytes.of(beyond)));
    }

    @Test
    void stepsNeverRepeatAnOutcome() {
        // Two apps competing for the last region: the same outcome can be reached along several paths.
        Configuration one = Configuration.defaults(Profile.DOC).withStorageLength(SIZE + 12);
        Scenario scenario = new Scenario(one).subscribeAll(ALPHA).subscribeAll(BETA)
                .onlyAccepted(Command.size(ALPHA)).onlyAccepted(Command.size(BETA));
        for (var input : new invs.spec.Input[] {new Yield(ALPHA), new Yield(BETA), new invs.spec.Drain(),
                new AllowReadWrite(ALPHA, 0, 2), new Subscribe(BETA, 1)}) {
            for (SystemState state : scenario.frontier().states()) {
                var outcomes = scenario.frontier().specification().step(state, input);
                assertEquals(outcomes.distinct(), outcomes, "duplicate outcomes for " + input);
            }
        }
    }

    @Test
    void aDivergenceNamesTheClauseMostLikelyBroken() {
        Scenario scenario = subscribed(Profile.TOCK);
        // A NOMEM after the grant exists breaks the kernel's rule for the grant (D21).
        var nomem = scenario.frontier().advance(new Subscribe(ALPHA, 1), Observation.failure(ErrorCode.NOMEM)).getLeft();
        assertEquals(Clause.TRD104_GRANT_NOMEM, nomem.clause());
        assertTrue(nomem.describe().contains("TRD104_GRANT_NOMEM"), nomem::describe);
        // Another failure of the same call points at the clause of the outcome of the same kind.
        var busy = scenario.frontier().advance(Command.exists(ALPHA), Observation.failure(ErrorCode.BUSY)).getLeft();
        assertEquals(Clause.COMMAND_0_EXISTS, busy.clause());
        scenario.onlyAccepted(Command.size(ALPHA)).drain();
        var status = scenario.frontier().advance(new Yield(ALPHA),
                new Observation.Yielded(Option.some(Upcall.error(0, ErrorCode.FAIL)), Bytes.empty())).getLeft();
        assertEquals(Clause.SUBSCRIBE_0_SUCCESS, status.clause());
        assertTrue(status.allowedLines().head().contains("SUBSCRIBE_0_SUCCESS"));
    }

    @Test
    void aCheckerCanAskTheSpecificationAboutItself() {
        Configuration config = Configuration.defaults(Profile.TOCK);
        Specification specification = new Specification(config);
        assertSame(config, specification.configuration());
        Frontier frontier = Frontier.of(specification, io.vavr.collection.Vector.of(specification.initial(), specification.initial()));
        assertSame(specification, frontier.specification());
        assertEquals(1, frontier.states().size());
        assertEquals(3, OperationKind.WRITE.command());
        assertEquals(Clause.COMMAND_2_ALLOCATES, OperationKind.READ.allocates());
        assertEquals(Clause.COMMAND_1_ALLOCATES, OperationKind.SIZE.allocates());
        assertEquals(Clause.COMMAND_3_ALLOCATES, OperationKind.WRITE.allocates());
        // The grant refusal is recognisable from the observation alone.
        assertTrue(Specification.isGrantRefusal(new Subscribe(ALPHA, 7), Observation.failure(ErrorCode.NOMEM)));
        assertTrue(Specification.isGrantRefusal(Command.write(ALPHA, 0), Observation.failure(ErrorCode.NOMEM)));
        assertTrue(Specification.isGrantRefusal(new AllowReadWrite(ALPHA, 0, 1), Observation.failure(ErrorCode.NOMEM)));
        assertFalse(Specification.isGrantRefusal(Command.exists(ALPHA), Observation.failure(ErrorCode.NOMEM)));
        assertFalse(Specification.isGrantRefusal(new Command(ALPHA, 4, 0, 0), Observation.failure(ErrorCode.NOMEM)));
        assertFalse(Specification.isGrantRefusal(new Yield(ALPHA), Observation.failure(ErrorCode.NOMEM)));
        assertFalse(Specification.isGrantRefusal(Command.size(ALPHA), Observation.failure(ErrorCode.BUSY)));
        assertFalse(Specification.isGrantRefusal(Command.size(ALPHA), Observation.success()));
        assertEquals("docs/spec.md D21", Clause.TRD104_GRANT_NOMEM.decisionCitation());
    }
}
