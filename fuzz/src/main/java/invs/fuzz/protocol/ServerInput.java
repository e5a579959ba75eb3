package invs.fuzz.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The requests as a pipelining server reads them: before each read that would wait for the client (nothing
 * more has arrived) it flushes the replies written so far, so that a client waiting for a reply is never
 * kept waiting by the buffer; and it polls for the next request before it blocks only after a request
 * that came alone. A client that sends one request at a time sends the next one within a round trip, which
 * polling catches without a wake-up; a client that sends batches mostly sends the next batch once it has
 * judged replies to earlier ones, too late for a poll, and polling for it would only burn the processor
 * both processes share. While requests come alone it polls as {@link SpinningInput} does, while polling
 * pays.
 */
final class ServerInput extends SpinningInput {
    private final OutputStream replies;
    /** How many requests the server has answered since it last waited for the client. */
    private int requestsSinceWait;

    /** Reads {@code requests}, flushing {@code replies} before each wait, polling up to {@code spinNanos}. */
    ServerInput(InputStream requests, OutputStream replies, long spinNanos) {
        super(requests, spinNanos);
        pollWhilePaying(spinNanos);
        this.replies = replies;
    }

    /** Tells that the server has read and answered one more request (a blank line is none). */
    void requestRead() {
        requestsSinceWait++;
    }

    /** Whether the next wait for the client, if it came now, would poll before it blocks. */
    boolean pollsNextWait() {
        return afterLoneRequest() && polling();
    }

    /** Whether the server has answered at most one request since it last waited: none came in a batch. */
    private boolean afterLoneRequest() {
        return requestsSinceWait <= 1;
    }

    @Override
    protected int awaitInput() throws IOException {
        int there = available();
        if (there > 0) {
            return there;
        }
        replies.flush();
        boolean alone = afterLoneRequest();
        requestsSinceWait = 0;
        return alone ? super.awaitInput() : 0;
    }
}
