package example.toystorage;

import invs.conformance.coverage.Corner;
import invs.conformance.coverage.CoverageRequirement;
import invs.conformance.coverage.DocumentedOutcome;
import invs.conformance.junit.ConformanceBudget;
import invs.conformance.junit.ConformanceContract;
import invs.conformance.sut.SystemUnderTestFactory;
import io.vavr.collection.Vector;

/**
 * The whole invs conformance suite, run on the toy driver: lockstep campaigns, isolation scenarios and the
 * libtock-c test apps on every standard board of the {@code doc} reading, and the coverage check.
 */
@ConformanceBudget(tries = 100)
class ToyConformanceTest extends ConformanceContract {
    @Override
    protected SystemUnderTestFactory factory() {
        return ToySystem::new;
    }

    /**
     * The toy completes every operation at once and has no flash that could fail, so it never answers BUSY
     * or FAIL: the coverage check asks for everything else.
     */
    @Override
    protected CoverageRequirement coverage() {
        Vector<DocumentedOutcome> never = Vector.of(DocumentedOutcome.COMMAND_1_BUSY, DocumentedOutcome.COMMAND_2_BUSY,
                DocumentedOutcome.COMMAND_3_BUSY, DocumentedOutcome.UPCALL_1_FAIL, DocumentedOutcome.UPCALL_2_FAIL,
                DocumentedOutcome.UPCALL_0_NOSUPPORT, DocumentedOutcome.UPCALL_1_NOSUPPORT, DocumentedOutcome.UPCALL_2_NOSUPPORT);
        Vector<Corner> unreachable = Vector.of(Corner.BUSY_SAME_APP, Corner.OPERATION_FAILED, Corner.TORN_WRITE);
        return CoverageRequirement.atLeastOnce(Vector.of(DocumentedOutcome.values()).removeAll(never),
                Vector.of(Corner.values()).removeAll(unreachable));
    }
}
