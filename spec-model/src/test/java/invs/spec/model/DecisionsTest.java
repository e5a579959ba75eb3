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
    void commandsAnswerSuccessOrFailureWithoutAValue() {
        // The vocabulary has no value to carry, and the model answers every command with one exact
        // SUCCESS or FAILURE, whatever the state.
        assertEquals(0, Observation.Success.class.getRecordComponents().length);
        assertEquals(1, Observation.Failure.class.getRecordComponents().length);
        for (Profile profile : Profile.values()) {
            Scenario fresh = new Scenario(Configuration.defaults(profile));
            Scenario busy = new Scenario(Configuration.defaults(profile)).subscribeAll(ALPHA).accepted(Command.size(ALPHA));
            for (Scenario scenario : java.util.List.of(fresh, busy)) {
                for (int number = 0; number < 6; number++) {
                    for (AppId app : Vector.of(ALPHA, app(2))) {
                        for (Outcome outcome : scenario.allowed(new Command(app, number, 1, 0))) {
                            assertTrue(outcome.expected() instanceof Expectation.Exactly exactly
                                    && (exactly.observation() instanceof Observation.Success
                                    || exactly.observation() instanceof Observation.Failure), outcome::toString);
                        }
                    }
                }
            }
        }
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
        for (Profile profile : Profile.values()) {
            Scenario scenario = new Scenario(Configuration.defaults(profile)).subscribeAll(ALPHA).subscribeAll(app(1));
            scenario.fails(Command.read(ALPHA, 0), ErrorCode.RESERVE).regions(1);
            // ... and even for an access out of bounds.
            scenario.allowRo(app(1), Bytes.filled(4, 1)).fails(Command.write(app(1), SIZE), ErrorCode.INVAL).regions(2);
        }
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
        // After a restart (and after a reboot) the app reads its own bytes: no new region is allocated.
        doc().write(ALPHA, 0, Bytes.of((byte) 9)).then(new invs.spec.Restart(ALPHA), Observation.quiet())
                .subscribeAll(ALPHA).read(ALPHA, 0, Bytes.of((byte) 9)).regions(1)
                .then(new invs.spec.Reboot(0), Observation.quiet())
                .subscribeAll(ALPHA).read(ALPHA, 0, Bytes.of((byte) 9, (byte) 0xFF)).regions(1);
    }

    @Test
    void aRestartEndsThePendingOperation() {
        // A write is accepted and still in flight when the app restarts. The new process has nothing
        // outstanding (its command is accepted, never BUSY) and never sees an upcall of the old operation.
        Scenario scenario = doc().write(ALPHA, 0, Bytes.filled(2, 0x11)).allowRo(ALPHA, Bytes.filled(2, 0x22))
                .onlyAccepted(Command.write(ALPHA, 0)).then(new invs.spec.Restart(ALPHA), Observation.quiet());
        assertTrue(scenario.frontier().states().forAll(state -> state.app(ALPHA).pending().isEmpty()));
        scenario.subscribeAll(ALPHA).allowRw(ALPHA, 4).onlyAccepted(Command.read(ALPHA, 2)).drain()
                .yieldMayRun(ALPHA, Upcall.success(1, 4));
        // The old write's bytes are unknown (it may or may not have happened), the rest is as it was.
        doc().write(ALPHA, 0, Bytes.filled(2, 0x11)).allowRo(ALPHA, Bytes.filled(2, 0x22))
                .onlyAccepted(Command.write(ALPHA, 0)).then(new invs.spec.Restart(ALPHA), Observation.quiet())
                .subscribeAll(ALPHA).allowRw(ALPHA, 3).onlyAccepted(Command.read(ALPHA, 0)).drain()
                .refuses(new Yield(ALPHA), new Observation.Yielded(Option.some(Upcall.success(1, 3)), Bytes.fromHex("222200")))
                .then(new Yield(ALPHA), new Observation.Yielded(Option.some(Upcall.success(1, 3)), Bytes.fromHex("2211ff")));
    }

    @Test
    void listedIdsGiveNoAccessToAnotherRegion() {
        // The fixed app lists its neighbour's id for reading and modifying, yet reaches only its own region.
        Configuration board = ClauseTest.fixedSize(true, true, Profile.DOC);
        AppId fixed = app(0);
        AppId neighbour = app(1);
        new Scenario(board).subscribeAll(fixed).subscribeAll(neighbour)
                .write(neighbour, 0, Bytes.filled(4, 0x5A))
                .read(fixed, 0, Bytes.filled(4, 0xFF))
                .write(fixed, 0, Bytes.filled(2, 0x11))
                .read(neighbour, 0, Bytes.filled(4, 0x5A))
                .regions(2);
    }

    @Test
    void allowsAndSubscribesNeedNoPermission() {
        // Gamma has no storage permissions at all; its allows and subscribes succeed in both profiles (once
        // the kernel has its grant), only its commands 1 to 3 are refused.
        AppId gamma = app(2);
        for (Profile profile : Profile.values()) {
            new Scenario(Configuration.defaults(profile))
                    .allowsExactly(new invs.spec.Subscribe(gamma, 0), Observation.success(), Observation.failure(ErrorCode.NOMEM))
                    .then(new invs.spec.Subscribe(gamma, 0), Observation.success())
                    .allowsExactly(new invs.spec.Subscribe(gamma, 2), Observation.success())
                    .allowsExactly(new invs.spec.Unsubscribe(gamma, 1), Observation.success())
                    .allowsExactly(new invs.spec.AllowReadOnly(gamma, 0, Bytes.filled(3, 1)), Observation.success())
                    .allowsExactly(new invs.spec.AllowReadWrite(gamma, 0, 3), Observation.success())
                    .cites(new invs.spec.AllowReadWrite(gamma, 0, 3), Observation.success(), invs.spec.Clause.ALLOW_RW_0);
        }
    }

    @Test
    void aRefusedGrantIsRefusedUntilTheProcessRestarts() {
        Observation nomem = Observation.failure(ErrorCode.NOMEM);
        Scenario scenario = new Scenario(Configuration.defaults(Profile.TOCK)).then(Command.size(ALPHA), nomem)
                .allowsExactly(new invs.spec.Subscribe(ALPHA, 0), nomem).allowsExactly(Command.write(ALPHA, 0), nomem)
                .then(new invs.spec.Restart(app(1)), Observation.quiet())
                .allowsExactly(new invs.spec.Subscribe(ALPHA, 0), nomem);
        // A restart starts a new process, whose grant the kernel may allocate or refuse again; so does a reboot.
        scenario.then(new invs.spec.Restart(ALPHA), Observation.quiet())
                .allowsExactly(new invs.spec.Subscribe(ALPHA, 0), Observation.success(), nomem)
                .then(new invs.spec.Subscribe(ALPHA, 0), nomem)
                .then(new invs.spec.Reboot(0), Observation.quiet())
                .allowsExactly(new invs.spec.Subscribe(ALPHA, 0), Observation.success(), nomem)
                .subscribeAll(ALPHA).roundTrip(Command.size(ALPHA), Upcall.success(0, SIZE), Bytes.empty());
    }

    @Test
    void aReadReportsZeroOnlyWhenItsBufferWasTakenBack() {
        // Without a re-allow the count is the buffer's length, never less (D10).
        doc().allowRw(ALPHA, 4).onlyAccepted(Command.read(ALPHA, 0)).drain().yieldMayRun(ALPHA, Upcall.success(1, 4));
        // Re-allowed with 2 bytes: the read moved 4 or 2 bytes; when 4, it may report 4 (copied into the
        // buffer it had) or 2 (what fits the buffer allowed now). Never 0.
        doc().allowRw(ALPHA, 4).onlyAccepted(Command.read(ALPHA, 0)).allowRw(ALPHA, 2).drain()
                .yieldMayRun(ALPHA, Upcall.success(1, 4), Upcall.success(1, 2));
        // Re-allowed empty: 0 becomes possible, with RESERVE if the length was sampled afterwards.
        doc().allowRw(ALPHA, 4).onlyAccepted(Command.read(ALPHA, 0)).allowRw(ALPHA, 0).drain()
                .yieldMayRun(ALPHA, Upcall.success(1, 4), Upcall.success(1, 0), Upcall.error(1, ErrorCode.RESERVE));
        // tock moves at most 512 bytes: a 600-byte read reports 512, or what fits the re-allowed buffer.
        new Scenario(Configuration.defaults(Profile.TOCK)).subscribeAll(ALPHA).allowRw(ALPHA, 600)
                .onlyAccepted(Command.read(ALPHA, 0)).allowRw(ALPHA, 100).drain()
                .yieldMayRun(ALPHA, Upcall.success(1, 512), Upcall.success(1, 100));
    }

    @Test
    void aFaultFailsOneOperationOnly() {
        // One fault, two reads: the first may fail, and once it has, the second must succeed.
        Scenario scenario = doc().read(ALPHA, 0, Bytes.filled(1, 0xFF)).then(new FlashFault(), Observation.quiet())
                .allowRw(ALPHA, 1).onlyAccepted(Command.read(ALPHA, 0)).drain()
                .yieldMayRun(ALPHA, Upcall.success(1, 1), Upcall.error(1, ErrorCode.FAIL))
                .then(new Yield(ALPHA), new Observation.Yielded(Option.some(Upcall.error(1, ErrorCode.FAIL)), Bytes.filled(1, 0)));
        scenario.onlyAccepted(Command.read(ALPHA, 0)).drain().yieldMayRun(ALPHA, Upcall.success(1, 1));
        // Two faults, two failures.
        doc().read(ALPHA, 0, Bytes.filled(1, 0xFF)).then(new FlashFault(), Observation.quiet())
                .then(new FlashFault(), Observation.quiet()).allowRw(ALPHA, 1)
                .onlyAccepted(Command.read(ALPHA, 0)).drain()
                .then(new Yield(ALPHA), new Observation.Yielded(Option.some(Upcall.error(1, ErrorCode.FAIL)), Bytes.filled(1, 0)))
                .onlyAccepted(Command.read(ALPHA, 0)).drain()
                .yieldMayRun(ALPHA, Upcall.success(1, 1), Upcall.error(1, ErrorCode.FAIL));
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
