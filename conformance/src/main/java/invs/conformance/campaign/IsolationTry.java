package invs.conformance.campaign;

import invs.conformance.check.Run;
import invs.conformance.check.Session;
import invs.conformance.coverage.Statistics;
import invs.spec.Input;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.function.Function;

/**
 * An isolation scenario's try against a system that pipelines: its inputs, generated whole, go in batches
 * of {@link BatchPace#longestBatch()} (at least {@link Session#BATCH}; the pace is told how the try went
 * when it is finished), {@link Session#AHEAD} of them sent before the first is judged; the first ones
 * are sent when the try begins and the others as the ones before are judged, so that a campaign begins the
 * scenario before it finishes the try before it, as it does a lockstep try ({@link BatchedTry}). The
 * scenario is cut at the campaign's deadline every {@link TryRunner#SLICE} inputs, as when it runs whole
 * (none of its inputs after the deadline is sent but those of its first slice), and while its answers are
 * judged ({@link Session#stopJudgingAt}: a slow system's answers in flight are not waited for).
 */
final class IsolationTry implements BegunTry {
    private final Session session;
    private final Vector<Input> inputs;
    private final long deadline;
    private final Statistics statistics;
    private final Function<Run, Option<Failure>> verdict;
    private final BatchPace pace;
    private final int batch;
    private int sent;
    private boolean cut;

    /**
     * Begins the scenario {@code inputs} on {@code session} (which it closes), none sent after
     * {@code deadline} (nanoseconds) but its first slice, in batches sized by {@code pace}; {@code verdict}
     * turns what ran into the try's failure, if any.
     */
    IsolationTry(Session session, Vector<Input> inputs, long deadline, Statistics statistics, BatchPace pace,
                 Function<Run, Option<Failure>> verdict) {
        this.session = session;
        this.pace = pace;
        this.batch = pace.longestBatch();
        this.inputs = inputs;
        this.deadline = deadline;
        this.statistics = statistics;
        this.verdict = verdict;
        session.stopJudgingAt(deadline);
        try {
            sendAhead();
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    @Override
    public Option<Failure> finish() {
        try (session) {
            while (session.unjudged() > 0 && session.judgeSent().isEmpty() && !session.stopped()) {
                sendAhead();
            }
            if (session.stopped() && !cut) { // the deadline passed while the answers sent were judged
                statistics.stoppedAtDeadline();
                cut = true;
            }
            Option<Failure> failure = verdict.apply(session.result());
            if (failure.isDefined()) {
                pace.missed();
            } else if (!cut) {
                pace.passed();
            }
            return failure;
        }
    }

    @Override
    public void abandon() {
        session.close();
    }

    /** Sends batches until {@link Session#AHEAD} wait to be judged or the scenario is sent (or cut). */
    private void sendAhead() {
        while (sent < inputs.size() && session.unjudged() < Session.AHEAD) {
            if (sent > 0 && sent % TryRunner.SLICE == 0 && System.nanoTime() >= deadline) {
                statistics.stoppedAtDeadline();
                sent = inputs.size();
                cut = true;
                return;
            }
            int end = Math.min(inputs.size(), sent + batch);
            session.send(inputs.slice(sent, end), Vector.empty());
            sent = end;
        }
    }
}
