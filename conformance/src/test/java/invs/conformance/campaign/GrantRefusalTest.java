package invs.conformance.campaign;

import invs.conformance.board.StandardConfigurations;
import invs.conformance.coverage.CoverageRequirement;
import invs.conformance.reference.ReferenceSystem;
import invs.conformance.sut.Capability;
import invs.conformance.sut.SystemUnderTest;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.Command;
import invs.spec.DriverNumbers;
import invs.spec.ErrorCode;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Subscribe;
import invs.spec.Unsubscribe;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A kernel that refuses every app's grant (synchronous NOMEM, docs/spec.md D21) conforms, but cannot pass
 * unnoticed: the campaign counts the refusals and misses the coverage a real driver gives.
 */
class GrantRefusalTest {
    /** The reference behind a kernel with no memory for any grant. */
    private static final class NoGrants implements SystemUnderTest {
        private final ReferenceSystem inner;

        NoGrants(invs.spec.Configuration configuration) {
            inner = new ReferenceSystem(configuration);
        }

        @Override
        public Observation apply(Input input) {
            boolean needsGrant = switch (input) {
                case AllowReadOnly allow -> true;
                case AllowReadWrite allow -> true;
                case Subscribe subscribe -> true;
                case Unsubscribe unsubscribe -> true;
                case Command command -> DriverNumbers.isOperation(command.number());
                default -> false;
            };
            return needsGrant ? Observation.failure(ErrorCode.NOMEM) : inner.apply(input);
        }

        @Override
        public Set<Capability> capabilities() {
            return inner.capabilities();
        }
    }

    @Test
    void aKernelThatRefusesEveryGrantConformsButIsCountedAndMissesTheCoverage() {
        CampaignResult result = Campaign.against("no-grants", NoGrants::new)
                .configuration(StandardConfigurations.docDefault())
                .coverage(CoverageRequirement.standard())
                .budget(Budget.of(12, 80, 60)).run();
        assertEquals(0, result.causes().size(), result.report());
        assertEquals(result.tries(), result.statistics().sequencesWithGrantRefusal());
        assertTrue(result.statistics().grantRefusals() > result.tries(), "every grant call is refused");
        assertTrue(result.missingCoverage().exists(line -> line.contains("command 1 → SUCCESS")), result.missingCoverage().toString());
        assertTrue(!result.passed(), "the coverage requirement fails it");
    }
}
