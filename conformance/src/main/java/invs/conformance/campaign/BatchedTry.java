package invs.conformance.campaign;

import invs.conformance.check.Run;
import invs.conformance.check.Session;
import invs.conformance.coverage.Statistics;
import invs.conformance.generation.InputGenerator;
import io.vavr.control.Option;

import java.util.function.Function;

/**
 * A lockstep try against a system that pipelines, in batches aimed by a forecast ({@link AimedBatches}),
 * {@link Session#AHEAD} of them sent before the first is judged: the first ones are sent when the try
 * begins, the others as the ones before are judged, until the first violation, the frontier bound or the
 * end of the budget or of the campaign's time (no batch is sent after the deadline but the first, and the
 * answers sent are judged only until the deadline, past the first: a slow server's answers in flight are not
 * waited for). The first batch holds {@link BatchPace#firstBatch()} inputs and each next one twice as many,
 * up to {@link BatchPace#longestBatch()}; once finished, the try tells the pace whether it passed whole as
 * forecast (the next tries' batches grow) or not (they start small again).
 */
final class BatchedTry implements BegunTry {
    private final Session session;
    private final AimedBatches batches;
    private final int budget;
    private final long deadline;
    private final Statistics statistics;
    private final Function<Run, Option<Failure>> verdict;
    private final BatchPace pace;
    private final int longestBatch;
    private int sent;
    private int nextBatch;
    private boolean timeUp;
    private boolean cut;

    /**
     * Begins the try on {@code session} (which it closes) with {@code generator}'s inputs, at most
     * {@code budget} of them and none after {@code deadline} (nanoseconds) but the first batch, in batches
     * sized by {@code pace} (told how the try went when it is finished); {@code verdict} turns what ran into
     * the try's failure, if any.
     */
    BatchedTry(Session session, InputGenerator generator, int budget, long deadline, Statistics statistics,
               BatchPace pace, Function<Run, Option<Failure>> verdict) {
        this.session = session;
        this.pace = pace;
        this.nextBatch = pace.firstBatch();
        this.longestBatch = pace.longestBatch();
        this.budget = budget;
        this.deadline = deadline;
        this.statistics = statistics;
        this.verdict = verdict;
        session.stopJudgingAt(deadline);
        try {
            this.batches = new AimedBatches(session, generator);
            sendAhead();
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    @Override
    public Option<Failure> finish() {
        try (session) {
            try {
                while (batches.unjudged() > 0) {
                    if (!batches.judge()) {
                        if (session.beyondBound()) {
                            statistics.stoppedAtFrontierBound();
                            cut = true;
                        } else if (session.stopped() && !timeUp) {
                            // the deadline passed while the answers sent were judged: the rest are not waited for
                            statistics.stoppedAtDeadline();
                            timeUp = true;
                        }
                        break;
                    }
                    sendAhead();
                }
            } finally {
                batches.close();
            }
            Option<Failure> failure = verdict.apply(session.result());
            if (failure.isDefined() || batches.realigned() > 0) {
                pace.missed();
            } else if (!cut && !timeUp) {
                pace.passed();
            }
            return failure;
        }
    }

    @Override
    public void abandon() {
        try (session) {
            batches.close();
        }
    }

    /**
     * Generates and sends batches until {@link Session#AHEAD} wait to be judged, the budget is sent or the
     * deadline has passed.
     */
    private void sendAhead() {
        while (!timeUp && sent < budget && batches.unjudged() < Session.AHEAD) {
            long before = System.nanoTime();
            if (sent > 0 && before >= deadline) {
                timeUp = true;
                statistics.stoppedAtDeadline();
                return;
            }
            int size = Math.min(nextBatch, budget - sent);
            nextBatch = Math.min(longestBatch, 2 * nextBatch);
            long counted = statistics.timedNanos();
            batches.send(size);
            sent += size;
            // The generator's time: the session counted its own (sending the batch to the system).
            statistics.timeAround(System.nanoTime() - before, counted);
        }
    }
}
