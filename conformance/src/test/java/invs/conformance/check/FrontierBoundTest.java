package invs.conformance.check;

import invs.conformance.board.StandardConfigurations;
import invs.conformance.reference.ReferenceProvider;
import invs.conformance.replay.Replay;
import invs.conformance.replay.ReplayResult;
import invs.conformance.replay.Verdict;
import invs.conformance.trace.Trace;
import invs.spec.AllowReadOnly;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Subscribe;
import invs.spec.model.TooManyStates;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The frontier bound: an app that subscribes to its writes' upcall, never yields, and whose one-byte writes
 * may each fault doubles the states the specification keeps with every write (each byte written with SUCCESS
 * queued, or torn with FAIL queued and the fault used: neither subsumes the other, and the upcall queued
 * keeps them apart; unseen, the two would be one state, the byte failable), and a session says when the
 * frontier is beyond {@link Session#FRONTIER_BOUND}.
 * Every session stops where one step leaves more states open than the specification follows
 * ({@link TooManyStates}).
 */
class FrontierBoundTest {
    private static final AppId APP = AppId.of(0);

    /**
     * Write {@code round} of one byte at offset {@code round}, a fault while it is pending, then the kernel
     * drains; the first round subscribes to the write's upcall first (once: a subscribe drops those queued).
     */
    private static Vector<Input> faultedWrite(int round) {
        Vector<Input> write = Vector.of(new AllowReadOnly(APP, 0, Bytes.of((byte) round)), new Command(APP, 3, round, 0),
                new FlashFault(), new Drain());
        return round == 0 ? write.prepend(new Subscribe(APP, 2)) : write;
    }

    @Test
    void unobservedFaultedWritesDoubleTheFrontierUntilItIsBeyondTheBound() {
        Configuration board = StandardConfigurations.docDefault().configuration();
        try (Session session = Session.open(board, new ReferenceProvider(), Checks.online())) {
            int rounds = 0;
            while (!session.beyondBound()) {
                for (Input input : faultedWrite(rounds)) {
                    assertFalse(session.step(input).isDefined(), "the reference passes");
                }
                rounds++;
                // 2^n states with the region, and one where the first write failed before allocating it and
                // every later one too (where a later write allocated it, the state with the first byte torn
                // subsumes the one where it reads as erased)
                assertEquals((1 << rounds) + 1, session.frontier().get().states().size(), "after " + rounds + " writes");
            }
            assertEquals(11, rounds, "1,025 states after 10 writes are within the bound, 2,049 after 11 are beyond it");
            assertTrue(session.frontier().get().states().size() > Session.FRONTIER_BOUND);
        }
    }

    @Test
    void withoutLockstepThereIsNoFrontierToBound() {
        Configuration board = StandardConfigurations.docDefault().configuration();
        try (Session session = Session.open(board, new ReferenceProvider(), Checks.of(Vector.of(Property.ROBUSTNESS)))) {
            for (int round = 0; round < 12; round++) {
                faultedWrite(round).forEach(session::step);
            }
            assertFalse(session.beyondBound());
        }
    }

    @Test
    void onlyACampaignTrySessionStopsJudgingABatchAtTheBound() {
        Configuration board = StandardConfigurations.docDefault().configuration();
        Vector<Input> batch = Vector.range(0, 12).flatMap(FrontierBoundTest::faultedWrite);
        try (Session replay = Session.open(board, new ReferenceProvider(), Checks.online());
             Session campaignTry = Session.open(board, new ReferenceProvider(), Checks.online())) {
            campaignTry.stopAtFrontierBound();
            assertFalse(replay.stepAll(batch).isDefined());
            assertFalse(campaignTry.stepAll(batch).isDefined());
            assertEquals(batch.size(), replay.steps().size(), "a replay judges every input");
            assertTrue(campaignTry.beyondBound());
            assertEquals(1 + 11 * 4, campaignTry.steps().size(), "a campaign try stops at the eleventh write's drain");
        }
    }

    @Test
    void checkingATraceStopsWhereTheSpecificationGivesUpWithoutAVerdict() {
        ReplayResult result = Replay.checkTrace(UnseenWrites.drained());
        assertTrue(result.violation().isEmpty());
        assertFalse(result.conforms(), "a trace not checked to its end does not conform");
        assertTrue(result.undecided().get().startsWith("step 55 (drain): more than 8,192 states left open ("),
                result.undecided().get());
        assertEquals(55, result.steps().size());
        assertTrue(result.steps().take(54).forAll(step -> step.verdict() == Verdict.AGREED));
        assertEquals(Verdict.NOT_CHECKED, result.steps().last().verdict());
    }

    @Test
    void theBoundIsTheOneTheCheckIsGiven() {
        ReplayResult wider = Replay.checkTrace(UnseenWrites.drained(), 2 * TooManyStates.STEP_BOUND);
        assertTrue(wider.undecided().get().startsWith("step 55 (drain): more than 16,384 states left open ("),
                wider.undecided().get());
    }

    @Test
    void aSessionThatIsNoCampaignTryStopsThereToo() {
        Trace trace = UnseenWrites.drained();
        try (Session session = Session.open(trace.header().configuration(), new ReferenceProvider(), Checks.online())) {
            assertFalse(session.stepAll(trace.inputs()).isDefined());
            assertEquals(55, session.steps().size());
            assertTrue(session.undecided().isDefined());
            assertTrue(session.beyondBound());
            assertThrows(IllegalStateException.class, () -> session.step(new Drain()));
        }
    }
}
