package invs.conformance.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.ErrorCode;
import invs.spec.Profile;
import invs.spec.Restart;
import invs.spec.Subscribe;
import invs.spec.Tick;
import invs.spec.Unsubscribe;
import invs.spec.Upcall;
import org.junit.jupiter.api.Test;

class LivenessOracleTest {
    private static final AppId APP = AppId.of(0);
    private static final Bytes NONE = Bytes.empty();

    private static Script script() {
        return new Script(Configuration.defaults(Profile.DOC), LivenessOracle::new);
    }

    @Test
    void anUpcallAfterEachAcceptedOperationHolds() {
        Script script = script().ok(new Subscribe(APP, 0)).ok(Command.size(APP)).quiet(new Drain())
                .yielded(APP, Upcall.success(0, 2048), NONE).nothing(APP, NONE)
                .ok(Command.size(APP)).quiet(new Tick()).yielded(APP, Upcall.success(0, 2048), NONE);
        assertTrue(script.violation().isEmpty());
    }

    @Test
    void aMissingUpcallAfterADrainIsALivenessViolation() {
        Script script = script().ok(new Subscribe(APP, 0)).ok(Command.size(APP)).quiet(new Drain()).nothing(APP, NONE);
        assertEquals(Property.LIVENESS, script.violation().get().property());
        assertEquals(3, script.violation().get().step());
        assertTrue(script.violation().get().description().contains("accepted at step 2"),
                script.violation().get().description());
    }

    @Test
    void anUpcallWithoutAnOperationOrASecondOneIsAViolation() {
        assertTrue(script().ok(new Subscribe(APP, 1)).yielded(APP, Upcall.success(1, 3), NONE).violation().isDefined());
        Script twice = script().ok(new Subscribe(APP, 0)).ok(Command.size(APP)).quiet(new Drain())
                .yielded(APP, Upcall.success(0, 2048), NONE).yielded(APP, Upcall.success(0, 2048), NONE);
        assertEquals(4, twice.violation().get().step());
    }

    @Test
    void busyWithNothingOutstandingIsAViolation() {
        Script script = script().ok(Command.size(APP)).quiet(new Drain()).failed(Command.size(APP), ErrorCode.BUSY);
        assertEquals(2, script.violation().get().step());
        assertTrue(script().ok(Command.size(APP)).failed(Command.size(APP), ErrorCode.BUSY).violation().isEmpty());
    }

    @Test
    void anOperationCompletingWhileUnsubscribedOwesNothing() {
        Script script = script().ok(Command.size(APP)).quiet(new Drain()).ok(new Subscribe(APP, 0)).nothing(APP, NONE);
        assertTrue(script.violation().isEmpty());
    }

    @Test
    void aSubscriptionChangeWhilePendingMakesTheUpcallUncertain() {
        Script absent = script().ok(Command.size(APP)).ok(new Subscribe(APP, 0)).quiet(new Drain()).nothing(APP, NONE);
        assertTrue(absent.violation().isEmpty());
        Script present = script().ok(Command.size(APP)).ok(new Subscribe(APP, 0)).quiet(new Drain())
                .yielded(APP, Upcall.success(0, 2048), NONE);
        assertTrue(present.violation().isEmpty());
        Script dropped = script().ok(new Subscribe(APP, 0)).ok(Command.size(APP)).quiet(new Drain())
                .ok(new Unsubscribe(APP, 0)).ok(new Subscribe(APP, 0)).nothing(APP, NONE);
        assertTrue(dropped.violation().isEmpty());
    }

    @Test
    void aRestartCancelsWhatWasOwed() {
        Script script = script().ok(new Subscribe(APP, 0)).ok(Command.size(APP)).quiet(new Restart(APP))
                .quiet(new Drain()).ok(new Subscribe(APP, 0)).nothing(APP, NONE);
        assertTrue(script.violation().isEmpty());
        Script stale = script().ok(new Subscribe(APP, 0)).ok(Command.size(APP)).quiet(new Restart(APP))
                .ok(new Subscribe(APP, 0)).quiet(new Drain()).yielded(APP, Upcall.success(0, 2048), NONE);
        assertEquals(5, stale.violation().get().step());
    }
}
