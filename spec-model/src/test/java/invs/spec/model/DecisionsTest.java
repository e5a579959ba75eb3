package invs.spec.model;

import static invs.spec.model.Scenario.app;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.spec.App;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.ErrorCode;
import invs.spec.FlashFault;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/**
 * Examples for the decisions of docs/spec.md that no single clause covers: each test is named in that
 * document next to the decision it witnesses.
 */
class DecisionsTest {
    private static final AppId ALPHA = app(0);
    private static final int SIZE = 2048;

    private static Scenario doc() {
        return new Scenario(Configuration.defaults(Profile.DOC)).subscribeAll(ALPHA);
    }

    @Test
    void sizeIgnoresItsArguments() {
        doc().roundTrip(new Command(ALPHA, 1, 0xFFFF_FFFFL, 7), Upcall.success(0, SIZE), Bytes.empty());
    }

    @Test
    void sizeMayFailAfterAFlashFault() {
        Scenario scenario = doc().then(new FlashFault(), Observation.quiet()).accepted(Command.size(ALPHA)).drain();
        scenario.cites(new Yield(ALPHA), new Observation.Yielded(Option.some(Upcall.error(0, ErrorCode.FAIL)), Bytes.empty()),
                invs.spec.Clause.CLARIFIED_CRASH);
        // The failed allocation happened or did not: both states remain possible.
        scenario.then(new Yield(ALPHA), new Observation.Yielded(Option.some(Upcall.error(0, ErrorCode.FAIL)), Bytes.empty()));
        assertEquals(Vector.of(0, 1), scenario.frontier().states().map(s -> s.regions().size()).distinct().sorted());
    }

    @Test
    void allocationHappensEvenWithoutABuffer() {
        doc().fails(Command.read(ALPHA, 0), ErrorCode.RESERVE).regions(1);
    }

    @Test
    void competingAllocationsMayBeServedInAnyOrder() {
        Vector<App> two = Vector.of(App.selfOnly("a", 1), App.selfOnly("b", 2));
        Configuration oneRegion = Configuration.defaults(Profile.DOC).withApps(two).withStorageLength(SIZE + 12);
        Scenario scenario = new Scenario(oneRegion).subscribeAll(app(0)).subscribeAll(app(1))
                .accepted(Command.size(app(0))).accepted(Command.size(app(1))).drain();
        // Either app may be the one that got the only region.
        scenario.cites(new Yield(app(0)), new Observation.Yielded(Option.some(Upcall.error(0, ErrorCode.NOMEM)), Bytes.empty()),
                invs.spec.Clause.SUBSCRIBE_0_NOMEM);
        scenario.cites(new Yield(app(0)), new Observation.Yielded(Option.some(Upcall.success(0, SIZE)), Bytes.empty()),
                invs.spec.Clause.SUBSCRIBE_0_SUCCESS);
        // Once one app is seen to have it, the other must get NOMEM.
        scenario.then(new Yield(app(0)), new Observation.Yielded(Option.some(Upcall.error(0, ErrorCode.NOMEM)), Bytes.empty()))
                .upcall(app(1), Upcall.success(0, SIZE), Bytes.empty());
    }

    @Test
    void aCommandAfterCompletionIsAcceptedBeforeTheUpcallIsSeen() {
        Scenario scenario = doc().accepted(Command.size(ALPHA)).drain();
        scenario.only(Command.size(ALPHA), Observation.success()).drain()
                .upcall(ALPHA, Upcall.success(0, SIZE), Bytes.empty())
                .upcall(ALPHA, Upcall.success(0, SIZE), Bytes.empty());
    }

    @Test
    void aRestartedAppFindsItsOwnRegionAgain() {
        Scenario scenario = doc().write(ALPHA, 0, Bytes.of((byte) 9)).then(new invs.spec.Restart(ALPHA), Observation.quiet())
                .subscribeAll(ALPHA).read(ALPHA, 0, Bytes.of((byte) 9)).regions(1);
        assertTrue(scenario.frontier().states().forAll(state -> state.app(ALPHA).pending().isEmpty()));
    }

    @Test
    void aRebootClearsAnUnusedFault() {
        doc().then(new FlashFault(), Observation.quiet()).then(new invs.spec.Reboot(0), Observation.quiet())
                .subscribeAll(ALPHA).accepted(Command.size(ALPHA)).drain()
                .upcall(ALPHA, Upcall.success(0, SIZE), Bytes.empty());
    }

    @Test
    void aReadInFlightMayShowPartlyCopiedData() {
        // While the read is pending, its bytes of the buffer may show anything; afterwards, exactly the data.
        Scenario scenario = doc().write(ALPHA, 0, Bytes.filled(4, 0x11)).allowRw(ALPHA, 4).accepted(Command.read(ALPHA, 0));
        scenario.then(new Yield(ALPHA), new Observation.Yielded(Option.none(), Bytes.fromHex("11110000")))
                .then(new Yield(ALPHA), new Observation.Yielded(Option.none(), Bytes.fromHex("11111100")))
                .drain()
                .refuses(new Yield(ALPHA), new Observation.Yielded(Option.some(Upcall.success(1, 4)), Bytes.fromHex("11111100")))
                .upcall(ALPHA, Upcall.success(1, 4), Bytes.filled(4, 0x11));
    }
}
