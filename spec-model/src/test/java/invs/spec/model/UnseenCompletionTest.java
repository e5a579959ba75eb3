package invs.spec.model;

import static invs.spec.model.Scenario.app;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.ErrorCode;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Subscribe;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/**
 * A state whose app holds an operation pending stands for the states where it has completed unseen
 * ({@link UnseenCompletion}): the frontier keeps the pending one only, and allows exactly what the full set
 * of consistent states allows, the operation's completion included.
 */
class UnseenCompletionTest {
    private static final AppId ALPHA = app(0);
    private static final Configuration DOC = Configuration.defaults(Profile.DOC);

    /**
     * Alpha with its region and a buffer of 16 bytes starts a read it is not subscribed to, then allows
     * data to write (which the read does not read): the read may have completed before the allow or not.
     */
    private static Vector<Tuple2<Input, Observation>> readThenAllow() {
        return Vector.of(
                Tuple.of(new Subscribe(ALPHA, 0), Observation.success()),
                Tuple.of(Command.size(ALPHA), Observation.success()),
                Tuple.of(new Drain(), Observation.quiet()),
                Tuple.of(new Yield(ALPHA), new Observation.Yielded(Option.some(Upcall.success(0, 2048)), Bytes.empty())),
                Tuple.of(new AllowReadWrite(ALPHA, 0, 16), Observation.success()),
                Tuple.of(Command.read(ALPHA, 0), Observation.success()),
                Tuple.of(new AllowReadOnly(ALPHA, 0, Bytes.filled(4, 0xAB)), Observation.success()));
    }

    @Test
    void theStateWithTheReadPendingStandsForTheStateWithItDone() {
        Specification specification = new Specification(DOC);
        PlainStates plain = PlainStates.start(specification);
        Frontier frontier = Frontier.start(specification);
        for (Tuple2<Input, Observation> step : readThenAllow()) {
            plain = plain.advance(step._1, step._2);
            frontier = frontier.advance(step._1, step._2).get();
        }
        assertEquals(Vector.of(true, false), plain.states().map(state -> state.app(ALPHA).pending().isDefined()),
                "every consistent state: the read pending, and done (its buffer holding the region's bytes)");
        Vector<SystemState> kept = frontier.states();
        assertEquals(1, kept.size(), () -> "" + kept);
        assertEquals(plain.states().head(), kept.head(), "the read pending");
    }

    @Test
    void theReadPendingStillAllowsWhatTheReadDoneAllows() {
        // Busy (the read pending) or accepted (the read done); a yield may show the buffer as allowed (the read
        // pending) or holding the region's bytes (done).
        Scenario scenario = new Scenario(DOC);
        readThenAllow().forEach(step -> scenario.then(step._1, step._2));
        scenario.allowsExactly(Command.read(ALPHA, 0), Observation.success(), Observation.failure(ErrorCode.BUSY));
        for (int value : new int[] {0x00, 0xFF}) {
            Observation shown = new Observation.Yielded(Option.none(), Bytes.filled(16, value));
            assertTrue(scenario.frontier().advance(new Yield(ALPHA), shown).isRight(), () -> "refuses " + shown);
        }
    }

    @Test
    void aReadIntoABufferAllowedSinceIsNotTheSameAsOneDoneBefore() {
        // Allowing another buffer while the read is pending: the read may still fill it (CLARIFIED_REALLOW),
        // while done before, it left the new buffer as allowed. Neither stands for the other: both are kept.
        Scenario scenario = new Scenario(DOC);
        readThenAllow().forEach(step -> scenario.then(step._1, step._2));
        scenario.then(new AllowReadWrite(ALPHA, 0, 8), Observation.success());
        assertEquals(Vector.of(true, false),
                scenario.frontier().states().map(state -> state.app(ALPHA).pending().isDefined()));
    }
}
