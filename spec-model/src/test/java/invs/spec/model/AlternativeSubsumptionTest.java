package invs.spec.model;

import static invs.spec.model.Scenario.app;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.FlashFault;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Subscribe;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/**
 * A state that an alternative of another state subsumes, alternative by alternative, is left out
 * ({@link AlternativeSubsumption}), though {@link Subsumption}, comparing states whole, keeps it: a plain
 * state that is one alternative of a merged one, whether merged over an upcall that may be FAIL or over
 * bytes that may have failed; and only such a state.
 */
class AlternativeSubsumptionTest {
    private static final AppId ALPHA = app(0);
    private static final Configuration DOC = Configuration.defaults(Profile.DOC);

    /** Alpha subscribed to the size's upcall, its region allocated; a fault armed; a size completed unseen. */
    private static Scenario sizedUnseen() {
        return new Scenario(DOC)
                .then(new Subscribe(ALPHA, 0), Observation.success())
                .then(Command.size(ALPHA), Observation.success())
                .then(new Drain(), Observation.quiet())
                .then(new Yield(ALPHA), new Observation.Yielded(Option.some(Upcall.success(0, 2048)), Bytes.empty()))
                .then(new FlashFault(), Observation.quiet())
                .then(Command.size(ALPHA), Observation.success())
                .then(new Drain(), Observation.quiet());
    }

    /** A fault armed; alpha, subscribed to nothing, writes four bytes unseen and allows a buffer. */
    private static Scenario writtenUnseen() {
        return new Scenario(DOC)
                .then(new FlashFault(), Observation.quiet())
                .then(new AllowReadOnly(ALPHA, 0, Bytes.filled(4, 0xAB)), Observation.success())
                .then(Command.write(ALPHA, 0), Observation.success())
                .then(new Drain(), Observation.quiet())
                .then(new AllowReadWrite(ALPHA, 0, 4), Observation.success());
    }

    /** The one state of {@code scenario}'s frontier whose alternatives are more than itself. */
    private static SystemState merged(Scenario scenario) {
        Vector<SystemState> held = scenario.frontier().states().filter(state -> FaultAlternatives.concrete(state).size() > 1);
        assertEquals(1, held.size(), () -> "one merged state: " + scenario.frontier().states());
        return held.head();
    }

    /** The alternative of {@code state} with the fewest faults armed: the one that used a fault. */
    private static SystemState failed(SystemState state) {
        Vector<SystemState> alternatives = FaultAlternatives.concrete(state);
        assertEquals(2, alternatives.size(), () -> "" + alternatives);
        return alternatives.minBy(SystemState::armedFaults).get();
    }

    private static void leavesOutItsAlternative(SystemState merged) {
        SystemState alternative = failed(merged);
        assertEquals(Vector.of(alternative, merged), Subsumption.withoutSubsumed(Vector.of(alternative, merged)),
                "compared whole, neither subsumes the other");
        assertEquals(Vector.of(merged), AlternativeSubsumption.withoutCovered(Vector.of(alternative, merged)));
        assertEquals(Vector.of(merged), AlternativeSubsumption.withoutCovered(Vector.of(merged, alternative)));
        Specification specification = new Specification(DOC);
        assertEquals(Vector.of(merged), Frontier.of(specification, Vector.of(alternative, merged)).states(),
                "the frontier leaves it out");
    }

    @Test
    void aStateThatIsTheFailAlternativeOfAnUpcallThatMayBeFailIsLeftOut() {
        SystemState merged = merged(sizedUnseen());
        assertTrue(merged.app(ALPHA).mayFail(0), "the size's upcall may be FAIL");
        leavesOutItsAlternative(merged);
    }

    @Test
    void aStateThatIsTheFailedAlternativeOfBytesThatMayHaveFailedIsLeftOut() {
        SystemState merged = merged(writtenUnseen());
        assertEquals(1, StorageAlternatives.count(merged.regions()), "the write's bytes are failable");
        leavesOutItsAlternative(merged);
    }

    @Test
    void comparisonsCutShortLeaveStatesInNotOut() {
        SystemState merged = merged(sizedUnseen());
        Vector<SystemState> both = Vector.of(failed(merged), merged);
        assertEquals(both, AlternativeSubsumption.withoutCovered(both, 0));
        // Its alternative is compared with the merged state's two: the second subsumes it.
        assertEquals(both, AlternativeSubsumption.withoutCovered(both, 1));
        assertEquals(Vector.of(merged), AlternativeSubsumption.withoutCovered(both, 2));
    }

    @Test
    void aStateNoAlternativeOfAnotherSubsumesIsKept() {
        SystemState merged = merged(sizedUnseen());
        // The FAIL alternative with the fault still armed: the merged state's FAIL alternative has used it.
        SystemState moreArmed = failed(merged).withArmedFaults(merged.armedFaults());
        assertEquals(Vector.of(moreArmed, merged), AlternativeSubsumption.withoutCovered(Vector.of(moreArmed, merged)));
        assertEquals(Vector.of(merged, moreArmed), AlternativeSubsumption.withoutCovered(Vector.of(merged, moreArmed)));
    }
}
