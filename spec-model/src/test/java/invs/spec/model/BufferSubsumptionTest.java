package invs.spec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import invs.spec.AppId;
import invs.spec.Configuration;
import invs.spec.Profile;
import io.vavr.collection.Array;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/**
 * A state whose app's read-write buffer knows no byte another's does not, all else equal and at least as
 * many faults armed, subsumes it ({@link BufferSubsumption}): the frontier keeps it alone, and so does a
 * product keep such a part alone.
 */
class BufferSubsumptionTest {
    private static final Specification DOC = new Specification(Configuration.defaults(Profile.DOC));
    private static final AppId ALPHA = AppId.of(0);

    /** The state at power-on with Alpha's buffer of 16 bytes as {@code buffer}, and {@code faults} armed. */
    private static SystemState withBuffer(Cells buffer, int faults) {
        SystemState initial = DOC.initial();
        return initial.withApp(ALPHA, initial.app(ALPHA).withReadWrite(buffer, Option.none())).withArmedFaults(faults);
    }

    private static final Cells ZEROS = Cells.filled(16, 0);
    private static final Cells HALF_UNKNOWN = ZEROS.forget(0, 8);

    @Test
    void theStateWhoseBufferKnowsLessIsKeptInTheFirstPlace() {
        SystemState known = withBuffer(ZEROS, 1);
        SystemState unknown = withBuffer(HALF_UNKNOWN, 1);
        assertEquals(Vector.of(unknown), Frontier.of(DOC, Vector.of(known, unknown)).states());
        assertEquals(Vector.of(unknown), Frontier.of(DOC, Vector.of(unknown, known)).states());
        // More faults armed as well: still kept alone.
        assertEquals(Vector.of(unknown.withArmedFaults(2)),
                Frontier.of(DOC, Vector.of(known, unknown.withArmedFaults(2))).states());
    }

    @Test
    void aBufferThatKnowsLessWithFewerFaultsArmedSubsumesNothing() {
        // Fewer faults: the state that knows more may still fail an operation the other cannot.
        Vector<SystemState> pair = Vector.of(withBuffer(ZEROS, 1), withBuffer(HALF_UNKNOWN, 0));
        assertEquals(pair, Frontier.of(DOC, pair).states());
        // Another byte known in each: neither knows no more than the other.
        Vector<SystemState> crossed = Vector.of(withBuffer(ZEROS.forget(8, 8), 0), withBuffer(HALF_UNKNOWN, 0));
        assertEquals(crossed, Frontier.of(DOC, crossed).states());
    }

    @Test
    void ofAnAppsPartsTheOneWhoseBufferKnowsLessIsKeptIfItUsedNoMoreFaults() {
        AppState known = AppState.fresh().withReadWrite(ZEROS, Option.none());
        AppState unknown = AppState.fresh().withReadWrite(HALF_UNKNOWN, Option.none());
        StateProduct.Part knownPart = new StateProduct.Part(known, 1);
        assertEquals(Array.of(new StateProduct.Part(unknown, 1)), BufferSubsumption.withoutSubsumedParts(
                Array.of(knownPart, new StateProduct.Part(unknown, 1))));
        Array<StateProduct.Part> costlier = Array.of(knownPart, new StateProduct.Part(unknown, 2));
        assertEquals(costlier, BufferSubsumption.withoutSubsumedParts(costlier));
    }
}
