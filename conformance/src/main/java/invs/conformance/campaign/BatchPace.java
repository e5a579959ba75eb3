package invs.conformance.campaign;

import invs.conformance.check.Session;

/**
 * How large the batches of one campaign thread's tries are against a system that pipelines. A try's first
 * batch holds {@link #firstBatch()} inputs and each next one twice as many, up to {@link #longestBatch()}.
 * The first batch starts at {@link #SMALLEST} inputs and doubles after each try that passed whole with
 * every answer as forecast, up to {@link #LARGEST}, so that against a system whose tries keep passing a try
 * soon goes in one batch (one round trip instead of five); a try that failed, or was answered otherwise
 * than forecast, brings it back to {@link #SMALLEST}.
 *
 * <p>Why both ways: the system applies every input sent after a violation (invs drops their answers), so
 * against a system whose tries fail within their first inputs small first batches waste little of its time;
 * and the inputs of a batch are aimed by a forecast of the answers, so against a system that answers
 * otherwise, smaller batches lose less aim. A try cut short by the frontier bound or the campaign's
 * deadline says neither, and leaves the pace as it was.
 *
 * <p>A try begins before the one before it is finished ({@link TryRunner#begin}), so its batches follow
 * the tries finished before that one. One pace per campaign thread: its tries come in a fixed order, and a
 * campaign of one thread sends the same batches on every run.
 */
final class BatchPace {
    /** The inputs in a try's first batch at first, and again after a try that failed. */
    static final int SMALLEST = 8;
    /** The most inputs a try's first batch grows to: invs's window of requests unanswered. */
    static final int LARGEST = 256;

    private int first = SMALLEST;

    /** The inputs in the next try's first batch. */
    int firstBatch() {
        return first;
    }

    /** The most inputs in one batch of the next try: {@link Session#BATCH}, or its first batch if larger. */
    int longestBatch() {
        return Math.max(Session.BATCH, first);
    }

    /** A try ran its whole budget, passed and was answered as forecast: the next first batch doubles. */
    void passed() {
        first = Math.min(LARGEST, 2 * first);
    }

    /** A try failed, or was answered otherwise than forecast: the next first batch is the smallest again. */
    void missed() {
        first = SMALLEST;
    }
}
