package invs.spec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.spec.AllowReadOnly;
import invs.spec.App;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Subscribe;
import invs.spec.Tick;
import io.vavr.collection.Array;
import io.vavr.collection.Vector;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Witnesses of the bound on one step ({@link TooManyStates#STEP_BOUND}): a board of many apps whose writes
 * complete unseen leaves states open exponentially in its apps; the specification refuses to follow a step
 * past the bound instead of running for hours, and follows every step below it as before.
 */
class TooManyStatesTest {
    /** Long enough for any step within the bound; without it the steps below would run for hours. */
    private static final Duration GUARD = Duration.ofSeconds(60);

    private static Specification board(int apps) {
        return board(apps, TooManyStates.STEP_BOUND);
    }

    private static Specification board(int apps, int stepBound) {
        Vector<App> all = Vector.range(0, apps).map(app -> App.selfOnly("app" + app, 0x1000 + app));
        return new Specification(Configuration.defaults(Profile.DOC).withApps(all).withRegionSize(64)
                .withStorageLength(256L * apps + 4096), stepBound);
    }

    /**
     * Six faults armed, then each app subscribes to its write's upcall, allows 8 bytes and asks for a write;
     * none yields. (The upcall queued, SUCCESS or FAIL, keeps a write that succeeded and one that failed two
     * states: unseen, they would be one, {@link StorageAlternatives}.)
     */
    private static Vector<Input> unseenWrites(int apps) {
        Vector<Input> inputs = Vector.fill(6, FlashFault::new);
        for (int app = 0; app < apps; app++) {
            AppId id = AppId.of(app);
            inputs = inputs.append(new Subscribe(id, 2)).append(new AllowReadOnly(id, 0, Bytes.filled(8, app)))
                    .append(Command.write(id, 0));
        }
        return inputs;
    }

    /** Each app's second write, accepted: its first completed unseen (whole, or failed with a fault). */
    private static Vector<Input> secondWrites(int apps) {
        return Vector.range(0, apps).flatMap(app -> Vector.<Input>of(Command.write(AppId.of(app), 0), new Tick()));
    }

    private static Observation answer(Input input) {
        return input instanceof Tick || input instanceof FlashFault || input instanceof Drain
                ? Observation.quiet() : Observation.success();
    }

    /** The frontier after {@code inputs}; the 1-based step where the specification gave up, or 0. */
    private static int gaveUpAt(FactoredFrontier[] frontier, Vector<Input> inputs) {
        for (int step = 0; step < inputs.size(); step++) {
            try {
                frontier[0] = frontier[0].advance(inputs.get(step), answer(inputs.get(step))).get();
            } catch (TooManyStates tooMany) {
                assertTrue(tooMany.made() > TooManyStates.STEP_BOUND, tooMany::getMessage);
                return step + 1;
            }
        }
        return 0;
    }

    @Test
    void secondWritesOfSixAppsAreFollowedAndOfThirteenRefused() {
        FactoredFrontier[] six = {FactoredFrontier.start(board(6))};
        assertEquals(0, gaveUpAt(six, unseenWrites(6).appendAll(secondWrites(6))));
        assertEquals(729, six[0].width()); // 3^6: three possibilities for each app

        FactoredFrontier[] thirteen = {FactoredFrontier.start(board(13))};
        int step = assertTimeoutPreemptively(GUARD, () -> gaveUpAt(thirteen, unseenWrites(13).appendAll(secondWrites(13))));
        // Steps 1 to 45 set up the board (6 + 3 × 13); the ninth app's second write leaves too many open.
        assertEquals(45 + 2 * 8 + 1, step);
    }

    /** The frontier after {@link #unseenWrites} on a board of {@code apps}: one state, every write pending. */
    private static Frontier afterUnseenWrites(int apps) {
        Frontier frontier = Frontier.start(board(apps));
        for (Input input : unseenWrites(apps)) {
            frontier = frontier.advance(input, answer(input)).get();
        }
        assertEquals(1, frontier.states().size());
        return frontier;
    }

    @Test
    void aSpecificationMadeWithALargerBoundFollowsTheStepsTheDefaultGivesUp() {
        Vector<Input> nine = unseenWrites(9).appendAll(secondWrites(9));
        FactoredFrontier[] bounded = {FactoredFrontier.start(board(9))};
        assertEquals(6 + 3 * 9 + 2 * 8 + 1, gaveUpAt(bounded, nine), "the last app's second write, from 5,281 states");
        FactoredFrontier[] wider = {FactoredFrontier.start(board(9, 2 * TooManyStates.STEP_BOUND))};
        assertEquals(0, assertTimeoutPreemptively(GUARD, () -> gaveUpAt(wider, nine)));
        assertEquals(12_259, wider[0].width());
    }

    @Test
    void aDrainOfSixteenUnseenWritesIsRefusedFromASingleState() {
        Frontier before = afterUnseenWrites(16);
        TooManyStates refused = assertTimeoutPreemptively(GUARD,
                () -> assertThrows(TooManyStates.class, () -> before.advance(new Drain(), Observation.quiet())));
        assertTrue(refused.getMessage().startsWith("more than 8,192 states left open ("), refused::getMessage);
    }

    @Test
    void aDrainWithinTheBoundIsFollowed() {
        Frontier drained = afterUnseenWrites(6).advance(new Drain(), Observation.quiet()).get();
        assertEquals(729, drained.states().size()); // 3^6: three ways each app's write may have ended
        assertTrue(drained.states().forAll(state -> !state.anyPending()));
    }

    @Test
    void aProductOfMoreStatesThanALongCountsCountsAsTheLargestLong() {
        AppState one = AppState.fresh();
        AppState other = AppState.fresh().withGrant(Grant.ALLOCATED);
        Array<Array<StateProduct.Part>> parts = Array.fill(64,
                () -> Array.of(new StateProduct.Part(one, 0), new StateProduct.Part(other, 0)));
        StateProduct product = StateProduct.of(Array.empty(), 0, parts);
        assertEquals(Long.MAX_VALUE, product.width()); // 2^64 choices
        assertEquals(Long.MAX_VALUE, StateProduct.cappedSum(Long.MAX_VALUE, 1));
        assertEquals(5, StateProduct.cappedSum(2, 3));
    }
}
