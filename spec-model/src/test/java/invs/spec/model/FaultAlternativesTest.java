package invs.spec.model;

import static invs.spec.model.Scenario.app;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.ErrorCode;
import invs.spec.FlashFault;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Subscribe;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/**
 * States that differ only in whether an upcall queued unseen carries its status or FAIL are held as one
 * ({@link FaultAlternatives}); a yield then allows both, FAIL only while a fault is armed, and a fault
 * injected after the operation completed cannot be the one it used.
 */
class FaultAlternativesTest {
    private static final AppId ALPHA = app(0);
    private static final AppId BETA = app(1);
    /** A size operation of an app whose region is allocated: the size, or FAIL where a fault is armed. */
    private static final Upcall SIZE = Upcall.success(0, 2048);
    private static final Upcall SIZE_FAILED = Upcall.error(0, ErrorCode.FAIL);

    /** Alpha and Beta subscribed, each with a region and a buffer of 16 bytes. */
    private static Scenario readers() {
        Scenario scenario = new Scenario(Configuration.defaults(Profile.DOC));
        for (AppId each : new AppId[] {ALPHA, BETA}) {
            scenario.then(new Subscribe(each, 0), Observation.success())
                    .then(new Subscribe(each, 1), Observation.success())
                    .then(Command.size(each), Observation.success())
                    .then(new Drain(), Observation.quiet())
                    .then(new Yield(each), new Observation.Yielded(Option.some(Upcall.success(0, 2048)),
                            invs.spec.Bytes.empty()))
                    .then(new AllowReadWrite(each, 0, 16), Observation.success());
        }
        return scenario;
    }

    /** {@link #readers}, then a fault armed and Alpha's size operation completed while Alpha does not look. */
    private static Scenario alphaSizedUnseen() {
        return readers()
                .then(new FlashFault(), Observation.quiet())
                .then(Command.size(ALPHA), Observation.success())
                .then(new Drain(), Observation.quiet());
    }

    /** The observation of a yield of {@code app} that delivers {@code upcall}, which must be allowed now. */
    private static Observation yieldShowing(Scenario scenario, AppId app, Upcall upcall) {
        return scenario.allowed(new Yield(app)).map(outcome -> outcome.expected().example(0))
                .find(observation -> ((Observation.Yielded) observation).upcall().contains(upcall)).get();
    }

    /** The upcalls a yield of {@code app} may deliver now. */
    private static Set<Upcall> yieldable(Scenario scenario, AppId app) {
        return HashSet.ofAll(scenario.allowed(new Yield(app)).map(outcome -> outcome.expected().example(0))
                .map(observation -> ((Observation.Yielded) observation).upcall().get()));
    }

    @Test
    void aSizeCompletedUnseenWithAFaultArmedIsOneStateWhoseUpcallMayBeFail() {
        Scenario scenario = alphaSizedUnseen();
        assertEquals(1, scenario.frontier().states().size(), () -> "" + scenario.frontier().states());
        SystemState state = scenario.frontier().states().head();
        assertTrue(state.app(ALPHA).mayFail(0), "the size's upcall may be FAIL");
        assertEquals(1, state.armedFaults(), "the fault counts as armed until the upcall is delivered");
        assertEquals(2, FaultAlternatives.concrete(state).size(), "it stands for the two states it merged");
        assertEquals(HashSet.of(SIZE, SIZE_FAILED), yieldable(scenario, ALPHA));
    }

    @Test
    void theFailDeliveredUsesTheFault() {
        Scenario scenario = alphaSizedUnseen();
        scenario.then(new Yield(ALPHA), yieldShowing(scenario, ALPHA, SIZE_FAILED))
                .then(Command.size(BETA), Observation.success())
                .then(new Drain(), Observation.quiet());
        assertEquals(HashSet.of(SIZE), yieldable(scenario, BETA), "no fault is left for Beta's size");
    }

    @Test
    void aFaultInjectedAfterTheSizeCompletedCannotBeTheOneItUsed() {
        // Alpha's size completes unseen with one fault armed; Beta's then fails with it, so Alpha's did
        // not; a fault injected after that is not one Alpha's could have used.
        Scenario scenario = alphaSizedUnseen()
                .then(Command.size(BETA), Observation.success())
                .then(new Drain(), Observation.quiet());
        scenario.then(new Yield(BETA), yieldShowing(scenario, BETA, SIZE_FAILED))
                .then(new FlashFault(), Observation.quiet());
        assertEquals(HashSet.of(SIZE), yieldable(scenario, ALPHA));
    }
}
