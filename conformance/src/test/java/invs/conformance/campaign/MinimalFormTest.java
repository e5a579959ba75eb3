package invs.conformance.campaign;

import invs.conformance.board.StandardConfigurations;
import invs.conformance.check.Checks;
import invs.conformance.check.Property;
import invs.conformance.check.Run;
import invs.conformance.check.Session;
import invs.conformance.generation.Swarm;
import invs.conformance.zoo.Mutant;
import invs.conformance.zoo.Zoo;
import invs.spec.AppId;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.Input;
import invs.spec.Restart;
import invs.spec.Subscribe;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One defect whose findings keep different symptoms after shrinking: a restart of one app that drops the
 * upcall queued for another shows as no upcall at the other's yield, and as a later upcall delivered in
 * the dropped one's place when the other app asked for a second operation after the restart. Their readings
 * differ ("upcall: expected one" and "upcall number: expected 2"); the second's minimal form reads as the
 * first, so they are one cause.
 */
class MinimalFormTest {
    private static final AppId A = AppId.of(0);
    private static final AppId B = AppId.of(1);
    private static final Mutant MUTANT = Zoo.named("restart-drops-all-upcalls").get();
    private static final Configuration BOARD = StandardConfigurations.docDefault().configuration();
    private static final Checks CHECKS = Checks.of(Vector.of(Property.values()));

    /** The write's upcall dropped by B's restart: A's yield gets nothing. */
    private static final Vector<Input> NOTHING = Vector.of(new Subscribe(A, 2), new Command(A, 3, 0, 0), new Drain(),
            new Restart(B), new Yield(A));

    /** The same, then A asks for its size: A's yield gets the size's upcall where the write's was due. */
    private static final Vector<Input> ANOTHER = Vector.of(new Subscribe(A, 0), new Subscribe(A, 2), new Command(A, 3, 0, 0),
            new Drain(), new Restart(B), new Command(A, 1, 0, 0), new Drain(), new Yield(A));

    private static Failure failure(Vector<Input> inputs, long order) {
        Run run = Session.run(BOARD, MUTANT, CHECKS, inputs);
        assertTrue(run.failed(), "the mutant fails " + inputs);
        return new Failure("doc-default", run, CHECKS, order, order, "try " + order, Swarm.everything(), Duration.ZERO);
    }

    @Test
    void theTwoFindingsReadDifferently() {
        String nothing = Signature.of(failure(NOTHING, 0).violation());
        String another = Signature.of(failure(ANOTHER, 1).violation());
        assertEquals("lockstep at yield [upcall: expected one]", nothing);
        assertEquals("lockstep at yield [upcall number: expected 2]", another);
    }

    @Test
    void theyAreOneCauseThroughTheirMinimalForm() {
        Triage triage = new Triage(MUTANT.name(), MUTANT, Option.none(), Duration.ofSeconds(5), Option.none(),
                CampaignListener.NONE);
        triage.report(failure(NOTHING, 0));
        triage.report(failure(ANOTHER, 1));
        Vector<Cause> causes = triage.finish(1);
        assertEquals(2, causes.flatMap(Cause::findings).size(), "two rules broken");
        assertEquals(1, causes.size(), causes.map(Cause::signature).mkString(", "));
    }

    @Test
    void noUpcallTellsOnlyWhenNothingElseWasExpected() {
        assertEquals(Vector.of("upcall 2 9"), MinimalForm.telling(Vector.of("no upcall", "upcall 2 9")));
        assertEquals(Vector.of("no upcall"), MinimalForm.telling(Vector.of("no upcall")));
        assertNotEquals(MinimalForm.telling(Vector.of("SUCCESS")), MinimalForm.telling(Vector.of("FAILURE BUSY")));
    }
}
