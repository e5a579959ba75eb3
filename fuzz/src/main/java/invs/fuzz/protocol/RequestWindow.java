package invs.fuzz.protocol;

import invs.spec.Observation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * The requests sent to a pipelining server and not yet answered: those written, oldest first, each with
 * the reply it awaits ({@link AwaitedReply}), and those queued until the window has room for them, which
 * are built (given their ids) only when they are written, so that ids follow the order of writing.
 * Used by the one thread that drives the server.
 */
final class RequestWindow {
    /** A request to be built once the window lets it be written, and its forecast reply (or null). */
    private record Queued(LongFunction<Request> build, Observation forecast) {
    }

    private final Deque<Queued> queued = new ArrayDeque<>();
    private final Deque<AwaitedReply> unanswered = new ArrayDeque<>();
    /** How many requests may be unanswered at once. */
    private int size = 1;

    /** From now on at most {@code size} requests are unanswered at once (at least one). */
    void resize(int size) {
        this.size = Math.max(1, size);
    }

    /**
     * Queues the requests {@code builds} make, in order; {@code forecasts} holds the observations their
     * replies are forecast to show, one for each from the first, or fewer.
     */
    void queue(List<LongFunction<Request>> builds, List<Observation> forecasts) {
        for (int at = 0; at < builds.size(); at++) {
            queued.add(new Queued(builds.get(at), at < forecasts.size() ? forecasts.get(at) : null));
        }
    }

    /**
     * The queued requests the window has room for now, built by {@code build} (which gives each its id),
     * oldest first, and counted as unanswered from now on; empty when there is no room or nothing queued.
     */
    List<AwaitedReply> admit(Function<LongFunction<Request>, Request> build) {
        if (queued.isEmpty() || unanswered.size() >= size) {
            return List.of();
        }
        List<AwaitedReply> batch = new ArrayList<>(Math.min(queued.size(), size - unanswered.size()));
        while (!queued.isEmpty() && unanswered.size() < size) {
            Queued request = queued.poll();
            AwaitedReply awaited = new AwaitedReply(build.apply(request.build()), request.forecast());
            unanswered.add(awaited);
            batch.add(awaited);
        }
        return batch;
    }

    /** The oldest request written and not yet answered, taken out of the window; null when there is none. */
    AwaitedReply oldest() {
        return unanswered.poll();
    }

    /** Whether a request written waits for its reply. */
    boolean anyUnanswered() {
        return !unanswered.isEmpty();
    }

    /** How many requests wait for their replies, written or queued. */
    int awaiting() {
        return queued.size() + unanswered.size();
    }

    /** Forgets the queued requests (never written). */
    void dropQueued() {
        queued.clear();
    }
}
