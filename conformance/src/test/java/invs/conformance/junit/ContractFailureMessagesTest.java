package invs.conformance.junit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.board.StandardConfigurations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;

/**
 * The contract's tests that run fixed scenarios name the board and the scenario they failed on: surefire shows
 * them as {@code [1]}, {@code [2]}, and without the board a porter could not tell which region size failed.
 */
class ContractFailureMessagesTest {
    @RegisterExtension
    final TemporaryTraces traces = new TemporaryTraces();

    @Test
    void aLibtockAppThatFailsIsNamedWithItsBoard() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> MutantContract.over("size-counts-header")
                .passesTheLibtockTestApps("invs_single", StandardConfigurations.docDefault()));
        assertTrue(failure.getMessage().startsWith("libtock-c app invs_single on board doc-default (storage "),
                failure.getMessage());
    }

    @Test
    void anInterruptionScenarioThatFailsIsNamedAsAScenarioWithItsBoard() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> MutantContract.over("reboot-loses-regions")
                .survivesInterruptionsAtEveryStep(StandardConfigurations.docDefault()));
        assertTrue(failure.getMessage().startsWith("the scenario '") && failure.getMessage().contains("' on board doc-default ("),
                failure.getMessage());
    }
}
