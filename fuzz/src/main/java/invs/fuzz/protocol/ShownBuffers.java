package invs.fuzz.protocol;

import invs.conformance.trace.TraceFormatException;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Observation;
import invs.spec.Yield;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The buffer each app showed in the last reply to one of its yields since the last {@code reset}: what a
 * {@code "buffer":null} reply stands for once both sides have agreed on the {@code same-buffer} extension
 * ({@code docs/protocol.md}, section 8). The server keeps one to know when it may leave a buffer out, invs
 * one to put it back ({@link #filledIn}), and invs's request writer one of the buffers forecast, to write
 * the line of a forecast reply in the form the server will use. Each is kept by one thread, in the order of
 * the requests.
 */
final class ShownBuffers {
    private final Map<AppId, Bytes> shown = new HashMap<>();

    /**
     * Whether {@code buffer} is the one {@code app} showed last, byte for byte; if it is not, it is now.
     * (A yield answered with it may then leave it out.)
     */
    boolean repeats(AppId app, Bytes buffer) {
        Bytes last = shown.put(app, buffer);
        return buffer.equals(last);
    }

    /** Forgets what {@code app} showed: its next buffer is not taken to repeat anything. */
    void forget(AppId app) {
        shown.remove(app);
    }

    /** Forgets every app's buffer, as a reset does. */
    void clear() {
        shown.clear();
    }

    /**
     * The reply {@code reply} to {@code request} stands for, the replies being taken in the order of their
     * requests: a yield's reply that leaves its buffer out ({@link Reply.SameBuffer}) with the buffer its app
     * showed last put back; any other reply as it is, after noting the buffer a yield's shows, or forgetting
     * every buffer for a reset's. {@code shown} is null when the extension is not in use: then a buffer may
     * not be left out.
     *
     * @param line the line the reply was read from, null when it is the forecast's
     * @param fail what a reply that leaves a buffer out that it may not throws, given the problem
     */
    static Reply filledIn(ShownBuffers shown, Request request, Reply reply, byte[] line,
                          Function<String, ProtocolFailure> fail) {
        try {
            return filledIn(shown, request, reply);
        } catch (TraceFormatException e) {
            byte[] read = line;
            if (read == null) {
                byte[] forecast = LineEncoder.line(reply);
                read = Arrays.copyOf(forecast, forecast.length - 1); // without its line feed
            }
            throw fail.apply(ReplyLines.malformed(request.describe(), read, e.getMessage()));
        }
    }

    private static Reply filledIn(ShownBuffers shown, Request request, Reply reply) {
        if (shown == null) {
            if (reply instanceof Reply.SameBuffer) {
                throw new TraceFormatException("observation.buffer", "null, a buffer left out, but the hello messages"
                        + " did not agree on the " + Extensions.SAME_BUFFER + " extension (hexadecimal bytes)");
            }
            return reply;
        }
        if (!(request instanceof Request.Apply(long id, Yield(AppId app)))) {
            if (reply instanceof Reply.SameBuffer) {
                throw new TraceFormatException("observation.buffer", "null, a buffer left out, answers only a yield");
            }
            if (request instanceof Request.Reset) {
                shown.clear();
            }
            return reply;
        }
        if (reply instanceof Reply.SameBuffer same) {
            Bytes last = shown.shown.get(app);
            if (last == null) {
                throw new TraceFormatException("observation.buffer", "null, a buffer left out, but app " + app.slot()
                        + " has shown no buffer since the reset (" + Extensions.SAME_BUFFER + ")");
            }
            return same.showing(last);
        }
        if (reply instanceof Reply.Answer(long answered, Observation.Yielded yielded)) {
            shown.shown.put(app, yielded.readBuffer());
        }
        return reply;
    }
}
