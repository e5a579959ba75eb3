package invs.conformance.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.sut.Capability;
import invs.conformance.reference.ReferenceProvider;
import invs.conformance.sut.SystemUnderTest;
import invs.spec.App;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Upcall;
import invs.spec.explore.InputAlphabet;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Exhaustive lockstep checking at a small bound: the reference passes, a wrong implementation does not. */
class ExhaustiveLockstepTest {
    private static final Configuration SMALL = Configuration.defaults(Profile.DOC)
            .withApps(Vector.of(App.selfOnly("a", 1), App.selfOnly("b", 2), App.selfOnly("c", 3)))
            .withRegionSize(4).withStorageLength(2 * 16);

    @Test
    void theReferenceImplementationAgreesOnEveryExploredSequence() {
        LockstepExploration result = new ExhaustiveLockstep(SMALL, InputAlphabet.standard(SMALL))
                .check(new ReferenceProvider(), 3, Long.MAX_VALUE, 60, 5);
        assertEquals(3, result.exploration().depthCompleted(), result.summary());
        assertTrue(result.exploration().states() > 1000, result.summary());
        assertTrue(result.conforms(), () -> result.summary() + "\n" + result.divergences().map(PathVerdict::describe));
    }

    @Test
    void anImplementationThatReportsTheWrongSizeIsCaughtWithAShortestSequence() {
        LockstepExploration result = new ExhaustiveLockstep(SMALL, InputAlphabet.standard(SMALL))
                .check(config -> new WrongSize(new ReferenceProvider().create(config)), 3, Long.MAX_VALUE, 60, 5);
        assertFalse(result.conforms());
        PathVerdict first = result.divergences().head();
        // The setup, then command 1, a drain and a yield.
        assertTrue(first.inputs().size() <= InputAlphabet.standard(SMALL).setup().size() + 3, first::describe);
        assertTrue(first.inputs().exists(input -> input instanceof Command command && command.number() == 1));
    }

    @Test
    void everyStateInsideTheBoundIsExtendedByEveryInputOnce() {
        Input tick = new invs.spec.Tick();
        Input drain = new invs.spec.Drain();
        var a = new invs.spec.explore.Step(tick, Observation.quiet());
        var b = new invs.spec.explore.Step(drain, Observation.quiet());
        // States at depth 0 (root) and 1 (after tick); the state after drain is the root again.
        Vector<Vector<invs.spec.explore.Step>> paths = Vector.of(Vector.empty(), Vector.of(a), Vector.of(a, a));
        Vector<Vector<Input>> replayed = ExhaustiveLockstep.extensions(paths, Vector.of(tick, drain), 2);
        assertEquals(Vector.of(Vector.of(drain), Vector.of(tick, tick), Vector.of(tick, drain)), replayed);
    }

    /** Reports every region one byte short in the size upcall. */
    private record WrongSize(SystemUnderTest inner) implements SystemUnderTest {
        @Override
        public Observation apply(Input input) {
            Observation observation = inner.apply(input);
            if (observation instanceof Observation.Yielded(Option<Upcall> upcall, var buffer)
                    && upcall.exists(u -> u.subscribeNumber() == 0 && u.status() == 0)) {
                Upcall wrong = new Upcall(0, 0, upcall.get().arg1() - 1, 0);
                return new Observation.Yielded(Option.some(wrong), buffer);
            }
            return observation;
        }

        @Override
        public Set<Capability> capabilities() {
            return inner.capabilities();
        }
    }

}
