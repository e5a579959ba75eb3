package invs.fuzz.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.spec.Observation;
import invs.spec.Tick;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * At most the window's size of requests are unanswered; queued ones are built, with the next ids, only as
 * they are admitted, and each keeps the forecast given for its position.
 */
class RequestWindowTest {
    private long nextId = 1;

    @Test
    void requestsAreAdmittedAsTheWindowHasRoomAndBuiltInThatOrder() {
        RequestWindow window = new RequestWindow();
        window.resize(2);
        window.queue(ticks(5), List.of(Observation.quiet(), Observation.success()));
        assertEquals(5, window.awaiting());
        List<AwaitedReply> first = window.admit(this::build);
        assertEquals(List.of(1L, 2L), ids(first));
        assertTrue(window.admit(this::build).isEmpty(), "the window is full");
        assertEquals(5, window.awaiting());
        AwaitedReply oldest = window.oldest();
        assertEquals(1, oldest.request().id());
        assertEquals(List.of(3L), ids(window.admit(this::build)), "one answer makes room for one request");
        assertEquals(2, window.oldest().request().id());
        assertEquals(3, window.oldest().request().id());
        window.dropQueued();
        assertEquals(0, window.awaiting(), "the two still queued are forgotten, never built");
        assertFalse(window.anyUnanswered());
        assertNull(window.oldest());
        assertEquals(4, nextId, "ids were given only to the requests admitted");
        // forecasts go with the positions they were given for: the first request's and the second's
        assertNotNull(forecast(first.get(0), Observation.quiet()));
        assertNull(forecast(first.get(0), Observation.success()));
        assertNotNull(forecast(first.get(1), Observation.success()));
        assertNull(forecast(oldest, Observation.success()));
    }

    @Test
    void aWindowIsAtLeastOneRequest() {
        RequestWindow window = new RequestWindow();
        window.resize(0);
        window.queue(ticks(3), List.of());
        assertEquals(1, window.admit(this::build).size());
        assertTrue(window.admit(this::build).isEmpty());
    }

    private Request build(LongFunction<Request> request) {
        return request.apply(nextId++);
    }

    private static List<LongFunction<Request>> ticks(int count) {
        List<LongFunction<Request>> builds = new ArrayList<>();
        for (int at = 0; at < count; at++) {
            builds.add(id -> new Request.Apply(id, new Tick()));
        }
        return builds;
    }

    private static List<Long> ids(List<AwaitedReply> requests) {
        return requests.stream().map(awaited -> awaited.request().id()).toList();
    }

    /** The reply {@code awaited} reads as its forecast when the server answers {@code answer}, or null. */
    private static Reply forecast(AwaitedReply awaited, Observation answer) {
        awaited.encodeForecast(new LineEncoder(), null);
        byte[] line = LineEncoder.line(new Reply.Answer(awaited.request().id(), answer));
        return awaited.forecastIfSame(Arrays.copyOf(line, line.length - 1));
    }
}
