package invs.conformance.explore;

import invs.conformance.fixtures.Pipelining;
import invs.conformance.fixtures.Throwing;
import invs.conformance.zoo.Zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.check.Property;
import invs.conformance.sut.Capability;
import invs.conformance.reference.ReferenceProvider;
import invs.conformance.sut.SystemUnderTest;
import invs.spec.App;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Restart;
import invs.spec.Upcall;
import invs.spec.Yield;
import invs.spec.explore.ExploredNode;
import invs.spec.explore.InputAlphabet;
import invs.spec.explore.Move;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Exhaustive lockstep checking at a small bound: the reference passes, a wrong implementation does not. */
class ExhaustiveLockstepTest {
    private static final Configuration SMALL = Configuration.defaults(Profile.DOC)
            .withApps(Vector.of(App.selfOnly("a", 1), App.selfOnly("b", 2), App.selfOnly("c", 3)))
            .withRegionSize(4).withStorageLength(2 * 16);

    @Test
    void theReferenceImplementationAgreesOnEveryExploredSequence() {
        InputAlphabet alphabet = InputAlphabet.standard(SMALL);
        LockstepExploration result = new ExhaustiveLockstep(SMALL, alphabet).check(new ReferenceProvider(), 3, Long.MAX_VALUE, 60, 5);
        assertEquals(3, result.exploration().depthCompleted(), result.summary());
        assertTrue(result.exploration().states() > 1000, result.summary());
        assertTrue(result.conforms(), () -> result.summary() + "\n" + result.divergences().map(PathVerdict::describe));
        // Every transition inside the bound is replayed, except those of nodes the reference never enters.
        long inside = result.exploration().nodes().size() * (long) alphabet.moves().size();
        assertTrue(result.transitions() <= inside, result.summary());
        assertTrue(result.transitions() + result.unreached() * alphabet.moves().size() >= inside, result.summary());
        assertTrue(result.unreached() < result.exploration().nodes().size() / 2, result.summary());
        assertTrue(result.replayed() < result.transitions(), "walks replay several transitions per run: " + result.summary());
    }

    /**
     * Against a system that pipelines, a move's inputs (a call with its drain and yield) go in one batch:
     * the same transitions are replayed with the same inputs, and a wrong implementation is caught on the
     * same sequences, as when every input goes on its own (one thread, so that the walks are the same).
     */
    @Test
    void aPipeliningSystemGetsEachMoveInOneBatchAndIsJudgedTheSame() {
        InputAlphabet alphabet = InputAlphabet.standard(SMALL);
        LockstepExploration alone = new ExhaustiveLockstep(SMALL, alphabet, 1).check(new ReferenceProvider(), 3, Long.MAX_VALUE, 60, 5);
        List<Integer> batches = new CopyOnWriteArrayList<>();
        LockstepExploration batched = new ExhaustiveLockstep(SMALL, alphabet, 1).check(
                config -> new Pipelining(new ReferenceProvider().create(config), batches::add, () -> { }), 3, Long.MAX_VALUE, 60, 5);
        assertTrue(batched.conforms(), batched::summary);
        assertEquals(alone.replayed(), batched.replayed());
        assertEquals(alone.transitions(), batched.transitions());
        assertEquals(alone.inputs(), batched.inputs());
        assertTrue(batches.contains(3), "a call, its drain and its yield in one batch: " + batches.subList(0, 20));
        assertTrue(batches.stream().allMatch(size -> size > 1), "a move of one input goes on its own, not as a batch");

        var mutant = Zoo.named("size-counts-header").get();
        LockstepExploration wrong = new ExhaustiveLockstep(SMALL, alphabet, 1).check(mutant, 3, Long.MAX_VALUE, 60, 5);
        LockstepExploration wrongBatched = new ExhaustiveLockstep(SMALL, alphabet, 1).check(
                config -> new Pipelining(mutant.create(config)), 3, Long.MAX_VALUE, 60, 5);
        assertFalse(wrong.conforms());
        assertEquals(wrong.divergences().map(PathVerdict::inputs), wrongBatched.divergences().map(PathVerdict::inputs));
        assertEquals(wrong.divergences().map(PathVerdict::describe), wrongBatched.divergences().map(PathVerdict::describe));

        // the setup goes in one batch too: a system that refuses the setup's last subscribe diverges there
        Input last = alphabet.setup().findLast(input -> input instanceof invs.spec.Subscribe).get();
        LockstepExploration refused = new ExhaustiveLockstep(SMALL, alphabet, 1).check(config -> new Refusing(
                new ReferenceProvider().create(config), last), 2, Long.MAX_VALUE, 60, 5);
        LockstepExploration refusedBatched = new ExhaustiveLockstep(SMALL, alphabet, 1).check(config -> new Pipelining(
                new Refusing(new ReferenceProvider().create(config), last)), 2, Long.MAX_VALUE, 60, 5);
        assertFalse(refused.conforms());
        assertEquals(last, refused.divergences().head().inputs().last(), refused.divergences().head()::describe);
        assertEquals(refused.divergences().map(PathVerdict::describe), refusedBatched.divergences().map(PathVerdict::describe));
    }

    /** Refuses {@code refused} (the same input, each time) with INVAL. */
    private record Refusing(SystemUnderTest inner, Input refused) implements SystemUnderTest {
        @Override
        public Observation apply(Input input) {
            Observation observation = inner.apply(input);
            return input.equals(refused) ? Observation.failure(invs.spec.ErrorCode.INVAL) : observation;
        }

        @Override
        public Set<Capability> capabilities() {
            return inner.capabilities();
        }
    }

    @Test
    void aSystemThatThrowsBreaksRobustnessInsteadOfStoppingTheExploration() {
        LockstepExploration result = new ExhaustiveLockstep(SMALL, InputAlphabet.standard(SMALL))
                .check(config -> new Throwing(new ReferenceProvider().create(config), Restart.class, "restart refused"), 2, Long.MAX_VALUE, 60, 5);
        assertFalse(result.conforms());
        PathVerdict first = result.divergences().head();
        assertEquals(Property.ROBUSTNESS, first.violation().property(), first::describe);
        assertTrue(first.inputs().last() instanceof Restart, first::describe);
        assertTrue(first.describe().contains("restart refused"), first::describe);
    }

    /** Three apps with identical permissions and the same moves: the explorer folds their permutations. */
    private static InputAlphabet alike() {
        Vector<Move> moves = SMALL.appIds().flatMap(app -> Vector.of(Move.of(Command.size(app), new Drain(), new Yield(app)),
                Move.of(Command.size(app)), Move.of(new Yield(app))));
        return new InputAlphabet(InputAlphabet.standard(SMALL).setup(), moves.append(Move.of(new Drain())), Vector.of(0x00));
    }

    @Test
    void overInterchangeableAppsEveryPathIsExtendedByEveryMove() {
        ExhaustiveLockstep lockstep = new ExhaustiveLockstep(SMALL, alike());
        LockstepExploration reference = lockstep.check(new ReferenceProvider(), 3, Long.MAX_VALUE, 60, 5);
        assertTrue(reference.conforms(), reference::summary);
        assertTrue(reference.replayed() > 0 && reference.replayed() == reference.transitions(), reference.summary());
        LockstepExploration wrong = lockstep.check(config -> new WrongSize(new ReferenceProvider().create(config)), 3,
                Long.MAX_VALUE, 60, 5);
        assertFalse(wrong.conforms());
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
    void everyNodeInsideTheBoundIsExtendedByEveryMoveOnce() {
        Input tick = new invs.spec.Tick();
        Input drain = new invs.spec.Drain();
        var a = new invs.spec.explore.Step(tick, Observation.quiet());
        Move tickMove = Move.of(tick);
        Move drainMove = Move.of(drain);
        // Nodes at depth 0 (root) and 1 (after tick); the node after drain is the root again.
        Vector<ExploredNode> nodes = Vector.of(new ExploredNode(0, -1, Vector.empty(), Vector.empty(), Vector.empty(), Vector.empty()),
                new ExploredNode(1, 0, Vector.of(0), Vector.of(a), Vector.empty(), Vector.empty()),
                new ExploredNode(2, 1, Vector.of(0, 0), Vector.of(a, a), Vector.empty(), Vector.empty()));
        Vector<Vector<Input>> replayed = ExhaustiveLockstep.extensions(nodes, Vector.of(tickMove, drainMove), 2,
                        nodes.filter(node -> node.depth() < 2).map(ExploredNode::inputs))
                .map(ExhaustiveLockstep.Extension::inputs);
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
