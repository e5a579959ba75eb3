package invs.conformance.coverage;

import invs.conformance.sut.Capability;
import invs.spec.Configuration;
import invs.spec.Profile;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which documented pairs a campaign should have reached: never a legal choice of the implementation
 * (completing every operation at once, refusing a command by upcall) marked as missed.
 */
class ReachabilityTest {
    private static final Set<Capability> DRAIN = EnumSet.of(Capability.DRAIN);

    private static Reachability on(Profile profile, Set<Capability> capabilities) {
        return new Reachability(capabilities, Vector.of(Configuration.defaults(profile)), false, profile);
    }

    @Test
    void busyIsOptionalUnderDocWhichLetsEveryOperationCompleteAtOnce() {
        assertEquals(Reachability.Kind.OPTIONAL, on(Profile.DOC, DRAIN).of(DocumentedOutcome.COMMAND_1_BUSY).kind());
        assertEquals(Reachability.Kind.REQUIRED, on(Profile.TOCK, DRAIN).of(DocumentedOutcome.COMMAND_1_BUSY).kind());
        assertEquals(Reachability.Kind.OPTIONAL, on(Profile.TOCK, Set.of()).of(DocumentedOutcome.COMMAND_1_BUSY).kind());
    }

    @Test
    void aCommandRefusedByUpcallInsteadMakesItsImmediateRefusalOptionalUnderDoc() {
        Statistics none = new Statistics();
        Statistics byUpcall = new Statistics();
        byUpcall.outcome(DocumentedOutcome.UPCALL_1_NOSUPPORT);
        Reachability doc = on(Profile.DOC, DRAIN);
        assertEquals(Reachability.Kind.REQUIRED, doc.of(DocumentedOutcome.COMMAND_2_NOSUPPORT, none).kind());
        Reachability.Verdict verdict = doc.of(DocumentedOutcome.COMMAND_2_NOSUPPORT, byUpcall);
        assertEquals(Reachability.Kind.OPTIONAL, verdict.kind());
        assertEquals("answered as upcall 1 NOSUPPORT instead, which the document allows as well", verdict.reason().get());
        assertEquals(Reachability.Kind.REQUIRED, doc.of(DocumentedOutcome.COMMAND_3_NOSUPPORT, byUpcall).kind(),
                "another command's refusal by upcall says nothing of command 3");
        assertEquals(Reachability.Kind.REQUIRED, on(Profile.TOCK, DRAIN).of(DocumentedOutcome.COMMAND_2_NOSUPPORT, byUpcall)
                .kind(), "tock refuses at once");
    }

    @Test
    void whatTheSystemOrTheBoardsCannotShowIsNotRequired() {
        Reachability doc = on(Profile.DOC, DRAIN);
        assertEquals(Reachability.Kind.NOT_ANNOUNCED, doc.of(DocumentedOutcome.UPCALL_2_FAIL).kind());
        assertEquals(Reachability.Kind.REQUIRED, on(Profile.DOC, EnumSet.of(Capability.DRAIN, Capability.FLASH_FAULT))
                .of(DocumentedOutcome.UPCALL_2_FAIL).kind());
        assertEquals(Reachability.Kind.IMPOSSIBLE_ON_BOARDS, doc.of(DocumentedOutcome.UPCALL_0_NOMEM).kind());
        assertEquals(Reachability.Kind.OPTIONAL, doc.of(DocumentedOutcome.UPCALL_0_NOSUPPORT).kind());
        assertEquals(Reachability.Kind.IMPOSSIBLE_ON_BOARDS, on(Profile.TOCK, DRAIN).of(DocumentedOutcome.UPCALL_0_NOSUPPORT).kind());
    }
}
