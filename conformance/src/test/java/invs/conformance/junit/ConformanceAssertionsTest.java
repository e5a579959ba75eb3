package invs.conformance.junit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.check.UnseenWrites;
import invs.conformance.reference.ReferenceProvider;
import invs.conformance.trace.Trace;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** A regression test that cannot check its sequence to the end fails; it does not pass unchecked. */
class ConformanceAssertionsTest {
    private static final String GAVE_UP = "not checked to the end: the specification gave up at step 55 (drain): more than";

    @Test
    void aSequenceTheSpecificationGivesUpFailsItsTest() {
        Trace trace = UnseenWrites.drained();
        AssertionFailedError run = assertThrows(AssertionFailedError.class, () -> ConformanceAssertions.assertConforms(
                trace.header().configuration(), trace.inputs(), new ReferenceProvider()));
        assertTrue(run.getMessage().startsWith(GAVE_UP), run.getMessage());
        AssertionFailedError replay = assertThrows(AssertionFailedError.class,
                () -> ConformanceAssertions.assertReplays(trace, new ReferenceProvider()));
        assertTrue(replay.getMessage().startsWith(GAVE_UP), replay.getMessage());
    }

    @Test
    void theSameSequenceUpToTheStepItGivesUpPasses() {
        Trace trace = UnseenWrites.drained();
        ConformanceAssertions.assertConforms(trace.header().configuration(), trace.inputs().dropRight(1),
                new ReferenceProvider());
    }
}
