package invs.spec.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import invs.spec.App;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Restart;
import invs.spec.ShortId;
import invs.spec.Tick;
import invs.spec.Upcall;
import invs.spec.Yield;
import invs.spec.model.AppState;
import invs.spec.model.Cells;
import invs.spec.model.Expectation;
import invs.spec.model.Operation;
import invs.spec.model.OperationKind;
import invs.spec.model.Outcome;
import invs.spec.model.ReadSource;
import invs.spec.model.Region;
import invs.spec.model.Specification;
import invs.spec.model.Subscriptions;
import invs.spec.model.SystemState;
import io.vavr.collection.Array;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/**
 * The abstractions behind explored nodes: a canonical state behaves exactly as the state it stands for
 * (the argument of docs/explore.md, checked on states where every abstraction applies), and only apps
 * with identical permissions that the alphabet treats alike are interchanged.
 */
class CanonicalFormTest {
    private static final Configuration BOARD = SmallBoard.standard();
    private static final ShortId SELF = ShortId.of(1);
    private static final ShortId LISTED = ShortId.of(2);

    /**
     * Regions out of owner order with nonzero epochs; the first app remembers a read of its region that
     * is still current (its buffer holds unknown bytes) and has a write pending; the second remembers a
     * current read of the other region.
     */
    private static SystemState raw() {
        return withSecondSource(3);
    }

    /** {@link #raw()}, the second app's read remembering epoch {@code epoch} of its region (3 is current). */
    private static SystemState withSecondSource(long epoch) {
        Region self = new Region(SELF, Cells.filled(4, 0xFF).write(0, Bytes.of((byte) 0x5A), 0, 1).forget(1, 1), 7);
        Region listed = new Region(LISTED, Cells.filled(4, 0xFF), 3);
        Operation write = new Operation(OperationKind.WRITE, 3, false, false, Vector.empty(),
                Vector.of(Bytes.of((byte) 0x5A)));
        AppState first = AppState.fresh().withSubscriptions(Subscriptions.of(0, 1, 2), Array.of(Upcall.success(0, 4)))
                .withReadOnly(Bytes.of((byte) 0x5A))
                .withReadWrite(Cells.filled(2, 0).copyFrom(0, self.contents(), 0, 2), Option.some(new ReadSource(SELF, 0, 2, 7)))
                .withPending(Option.some(write));
        AppState second = AppState.fresh().withSubscriptions(Subscriptions.of(0, 1, 2), Array.empty())
                .withReadWrite(Cells.filled(2, 0).forget(0, 2), Option.some(new ReadSource(LISTED, 0, 2, epoch)));
        return new SystemState(Vector.of(listed, self), Vector.of(first, second, AppState.fresh()), 1);
    }

    @Test
    void aStaleReadIsDroppedAsTheSpecificationDropsIt() {
        SystemState stale = withSecondSource(1);
        SystemState canonical = CanonicalForm.state(stale);
        assertTrue(canonical.apps().get(1).readSource().isEmpty(), canonical::toString);
        assertTrue(canonical.apps().get(0).readSource().isDefined(), canonical::toString);
        assertEquals(CanonicalForm.state(stale.withEpochsRenumbered()), canonical);
    }

    @Test
    void aCanonicalStateBehavesExactlyAsTheStateItStandsFor() {
        Specification specification = new Specification(BOARD);
        SafetyProperties properties = new SafetyProperties(BOARD);
        SystemState raw = raw();
        SystemState canonical = CanonicalForm.state(raw);
        assertNotEquals(raw, canonical, "the abstractions apply to this state");
        assertEquals(properties.invariants(raw), properties.invariants(canonical));
        Vector<Input> inputs = InputAlphabet.standard(BOARD).inputs().appendAll(InputAlphabet.singleInputs(BOARD).inputs())
                .distinct();
        for (Input input : inputs) {
            Vector<Outcome> fromRaw = specification.step(raw, input);
            Vector<Outcome> fromCanonical = specification.step(canonical, input);
            assertEquals(fromRaw.map(Outcome::expected).toSet(), fromCanonical.map(Outcome::expected).toSet(), input::toString);
            for (Observation observation : fromRaw.flatMap(outcome -> Vector.of(0x00, 0xA5, 0xFF).map(outcome.expected()::example))) {
                assertEquals(afters(fromRaw, observation), afters(fromCanonical, observation), () -> input + " " + observation);
                assertEquals(broken(properties, raw, input, fromRaw, observation),
                        broken(properties, canonical, input, fromCanonical, observation), () -> input + " " + observation);
            }
        }
    }

    private static Set<SystemState> afters(Vector<Outcome> outcomes, Observation observation) {
        return outcomes.filter(outcome -> outcome.admits(observation))
                .map(outcome -> CanonicalForm.state(outcome.after(observation))).toSet();
    }

    private static Set<String> broken(SafetyProperties properties, SystemState before, Input input, Vector<Outcome> outcomes,
                                      Observation observation) {
        return outcomes.filter(outcome -> outcome.admits(observation))
                .flatMap(outcome -> properties.violations(before, input, outcome.after(observation))).toSet();
    }

    @Test
    void regionOrderAndEpochsDoNotTellNodesApart() {
        SystemState raw = raw();
        SystemState reordered = new SystemState(raw.regions().reverse().map(region -> new Region(region.owner(),
                region.contents(), region.epoch() + 10)), raw.apps().map(app -> app.readSource().isEmpty() ? app
                : app.withReadWrite(app.readWrite(), app.readSource().map(source -> new ReadSource(source.owner(),
                source.offset(), source.count(), source.epoch() + 10)))), raw.armedFaults());
        CanonicalForm form = new CanonicalForm(BOARD, InputAlphabet.standard(BOARD), SystemState.initial(3));
        assertEquals(form.key(form.numbers(Vector.of(raw))), form.key(form.numbers(Vector.of(reordered))));
        SystemState changed = raw.withArmedFaults(2);
        assertNotEquals(form.key(form.numbers(Vector.of(raw))), form.key(form.numbers(Vector.of(changed))));
    }

    /** Three apps with SelfOnly permissions, each making the same moves. */
    private static final Configuration ALIKE = Configuration.defaults(Profile.DOC)
            .withApps(Vector.of(App.selfOnly("a", 1), App.selfOnly("b", 2), App.selfOnly("c", 3)))
            .withRegionSize(4).withStorageLength(2 * 16);

    private static InputAlphabet alike(boolean restartFirst) {
        Vector<Move> moves = ALIKE.appIds().flatMap(app -> Vector.of(Move.of(Command.size(app), new Drain(), new Yield(app)),
                Move.of(Command.size(app)), Move.of(new Yield(app))));
        moves = moves.appendAll(Vector.of(Move.of(new Tick()), Move.of(new Drain())));
        if (restartFirst) {
            moves = moves.append(Move.of(new Restart(AppId.of(0))));
        }
        return new InputAlphabet(InputAlphabet.setup(ALIKE), moves, Vector.of(0x00));
    }

    @Test
    void appsWithIdenticalPermissionsAreInterchangedOnlyWhereTheAlphabetTreatsThemAlike() {
        SystemState setup = SystemState.initial(3);
        assertEquals(6, AppSymmetry.of(ALIKE, alike(false), setup).size());
        assertEquals(2, AppSymmetry.of(ALIKE, alike(true), setup).size(), "a restart of the first app only");
        assertEquals(1, AppSymmetry.of(BOARD, InputAlphabet.standard(BOARD), setup).size(), "different permissions");
    }

    @Test
    void aStateAndItsImageUnderASymmetryAreOneNode() {
        CanonicalForm form = new CanonicalForm(ALIKE, alike(false), SystemState.initial(3));
        Operation size = new Operation(OperationKind.SIZE, 0, false, false, Vector.empty(), Vector.empty());
        AppState pending = AppState.fresh().withPending(Option.some(size));
        SystemState first = new SystemState(Vector.of(Region.fresh(ShortId.of(1), 4)),
                Vector.of(pending, AppState.fresh(), AppState.fresh()), 0);
        SystemState third = new SystemState(Vector.of(Region.fresh(ShortId.of(3), 4)),
                Vector.of(AppState.fresh(), AppState.fresh(), pending), 0);
        SystemState mixed = new SystemState(Vector.of(Region.fresh(ShortId.of(3), 4)),
                Vector.of(pending, AppState.fresh(), AppState.fresh()), 0);
        assertEquals(form.key(form.numbers(Vector.of(first))), form.key(form.numbers(Vector.of(third))));
        assertNotEquals(form.key(form.numbers(Vector.of(first))), form.key(form.numbers(Vector.of(mixed))),
                "the pending app and the region's owner are no longer the same app");
    }

    @Test
    void anExplorationOverInterchangeableAppsKeepsNoEdges() {
        ExplorationResult result = new Explorer(ALIKE, alike(false)).explore(4, Long.MAX_VALUE, 120, 5, true);
        assertEquals(4, result.depthCompleted());
        assertEquals(0, result.violations().size());
        // A node stands for all its images, whose moves differ: a replay extends paths instead of walking.
        assertEquals(Vector.empty(), result.nodes().flatMap(ExploredNode::edges));
    }
}
