package invs.fuzz.guided;

import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import invs.conformance.check.Property;
import invs.conformance.board.StandardConfigurations;
import invs.conformance.reference.ReferenceProvider;

/**
 * The guided target as a Jazzer {@code @FuzzTest}. In a normal test run it replays the inputs under
 * {@code src/test/resources/invs/fuzz/guided/GuidedFuzzTestInputs/referenceConforms} (regression mode); with
 * {@code JAZZER_FUZZ=1} it fuzzes the reference implementation with coverage guidance.
 */
class GuidedFuzzTest {
    private static final SequenceCheck CHECK = new SequenceCheck(new ReferenceProvider(), StandardConfigurations.all(),
            Property.online());

    @FuzzTest(maxDuration = "60s")
    void referenceConforms(byte[] data) {
        CHECK.check(data).forEach(violation -> fail(violation.summary() + "\n" + violation.description()));
    }
}
