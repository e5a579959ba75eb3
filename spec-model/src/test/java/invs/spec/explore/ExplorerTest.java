package invs.spec.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.spec.App;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.Profile;
import invs.spec.Reboot;
import invs.spec.ShortId;
import invs.spec.Tick;
import invs.spec.Yield;
import invs.spec.model.AppState;
import invs.spec.model.Grant;
import invs.spec.model.Operation;
import invs.spec.model.OperationKind;
import invs.spec.model.Region;
import invs.spec.model.SystemState;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class ExplorerTest {
    static final Configuration SMALL = Configuration.defaults(Profile.DOC)
            .withApps(Vector.of(App.selfOnly("a", 1), App.selfOnly("b", 2), App.selfOnly("c", 3)))
            .withRegionSize(4).withStorageLength(2 * 16);

    @Test
    void theSpecificationKeepsEveryPropertyUpToDepthThree() {
        InputAlphabet alphabet = InputAlphabet.standard(SMALL);
        ExplorationResult result = new Explorer(SMALL, alphabet).explore(3, Long.MAX_VALUE, 120, 5, true);
        assertEquals(3, result.depthCompleted(), result.summary());
        assertTrue(result.states() > 1_000, result.summary());
        assertTrue(result.violations().isEmpty(), () -> result.violations().map(Violation::describe).mkString());
        assertEquals(result.perDepth().take(3).sum().longValue(), result.nodes().size());
        assertTrue(result.nodes().head().path().isEmpty());
        assertTrue(result.nodes().forAll(node -> node.depth() < 3 && node.path().map(Step::input).equals(
                node.moves().flatMap(move -> alphabet.moves().get(move).inputs()))));
    }

    @Test
    void whatIsExploredDoesNotDependOnTheNumberOfThreads() {
        Configuration board = SmallBoard.standard();
        InputAlphabet alphabet = InputAlphabet.standard(board);
        ExplorationResult one = new Explorer(board, alphabet, 1).explore(3, Long.MAX_VALUE, 120, 5, true);
        ExplorationResult two = new Explorer(board, alphabet, 2).explore(3, Long.MAX_VALUE, 120, 5, true);
        assertEquals(one.perDepth(), two.perDepth());
        assertEquals(one.transitions(), two.transitions());
        assertEquals(one.nodes().map(ExploredNode::path), two.nodes().map(ExploredNode::path));
        assertEquals(one.nodes().map(ExploredNode::edges), two.nodes().map(ExploredNode::edges));
    }

    @Test
    void everyKeptNodeTellsWhereEachMoveLeads() {
        Configuration board = SmallBoard.standard();
        InputAlphabet alphabet = InputAlphabet.standard(board);
        ExplorationResult result = new Explorer(board, alphabet).explore(3, Long.MAX_VALUE, 120, 5, true);
        for (ExploredNode node : result.nodes()) {
            assertEquals(alphabet.moves().size(), node.edges().size());
            for (int move = 0; move < alphabet.moves().size(); move++) {
                int inputs = alphabet.moves().get(move).inputs().size();
                // Every move has an allowed outcome, and a kept child's path is the parent's path and the move.
                assertFalse(node.edges().get(move).isEmpty(), node.path() + " " + alphabet.moves().get(move));
                for (ExploredNode.Edge edge : node.edges().get(move)) {
                    assertEquals(inputs, edge.observations().size());
                    if (edge.child() < result.nodes().size() && result.nodes().get(edge.child()).moves().equals(node.moves().append(move))) {
                        assertEquals(node.path().size() + inputs, result.nodes().get(edge.child()).path().size());
                    }
                }
            }
        }
    }

    @Test
    void theKernelRefusingAGrantIsNotFollowed() {
        Configuration board = SmallBoard.standard();
        InputAlphabet alphabet = InputAlphabet.standard(board);
        ExplorationResult result = new Explorer(board, alphabet).explore(3, Long.MAX_VALUE, 120, 5, true);
        // Restarts and reboots leave apps without a grant, so the specification would allow a refusal next.
        assertTrue(result.nodes().exists(node -> node.states().exists(state -> state.apps().exists(app -> app.grant() == Grant.NONE))),
                "some explored state has an app whose grant the kernel could refuse");
        assertTrue(result.nodes().forAll(node -> node.states().forAll(state -> state.apps().forAll(app -> app.grant() != Grant.REFUSED))));
        assertTrue(result.nodes().forAll(node -> node.path().forAll(step -> !step.observation().equals(
                invs.spec.Observation.failure(invs.spec.ErrorCode.NOMEM)) || step.input() instanceof invs.spec.Command)),
                "no allow or subscribe answers NOMEM");
    }

    @Test
    void aHugeOrInfiniteBudgetDoesNotOverflowTheDeadline() {
        long start = System.nanoTime();
        assertTrue(Explorer.deadline(start, Double.POSITIVE_INFINITY) - start > 0);
        assertTrue(Explorer.deadline(start, 1e300) - start > 0);
        assertEquals(start, Explorer.deadline(start, Double.NaN));
        assertEquals(start + 2_500_000_000L, Explorer.deadline(start, 2.5));
    }

    @Test
    void aTinySpaceIsExhausted() {
        Configuration one = SMALL.withApps(Vector.of(App.selfOnly("a", 1)));
        InputAlphabet alphabet = InputAlphabet.ofInputs(Vector.empty(), Vector.of(new Tick(), Command.exists(AppId.of(0))),
                Vector.of(0));
        ExplorationResult result = new Explorer(one, alphabet).explore(10, Long.MAX_VALUE, 10, 5, false);
        assertTrue(result.exhausted(), result.summary());
        assertEquals(1, result.states());
    }

    private static final AppId A = AppId.of(0);
    private static final AppId B = AppId.of(1);
    private final SafetyProperties properties = new SafetyProperties(SMALL);
    private final SystemState initial = SystemState.initial(3);

    @Test
    void isolationCatchesAnAppChangingAnotherAppsState() {
        SystemState after = initial.withApp(B, AppState.fresh().withGrant(Grant.ALLOCATED).withReadOnly(Bytes.of((byte) 1)));
        assertTrue(properties.violations(initial, new Yield(A), after).exists(text -> text.startsWith("isolation")));
        assertTrue(properties.violations(initial, new Yield(B), after).isEmpty());
    }

    @Test
    void containmentCatchesAByteChangedOutsideAPendingWrite() {
        SystemState before = initial.withRegion(Region.fresh(ShortId.of(1), 4));
        Region changed = before.region(ShortId.of(1)).get();
        SystemState after = before.withRegion(changed.withContents(changed.contents().forget(2, 1)));
        assertTrue(properties.violations(before, new Reboot(0), after).exists(text -> text.startsWith("containment")));
        Operation write = new Operation(OperationKind.WRITE, 2, false, false, Vector.empty(), Vector.of(Bytes.of((byte) 7)));
        SystemState pending = before.withApp(A, AppState.fresh().withGrant(Grant.ALLOCATED).withPending(Option.some(write)));
        SystemState afterPending = after.withApp(A, AppState.fresh());
        assertFalse(properties.violations(pending, new Reboot(0), afterPending).exists(text -> text.startsWith("containment")));
    }

    @Test
    void livenessCatchesWorkLeftAfterADrain() {
        Operation size = new Operation(OperationKind.SIZE, 0, false, false, Vector.empty(), Vector.empty());
        SystemState pending = initial.withApp(A, AppState.fresh().withGrant(Grant.ALLOCATED).withPending(Option.some(size)));
        assertTrue(properties.violations(pending, new Drain(), pending).exists(text -> text.startsWith("liveness")));
    }
}
