package invs.fuzz.protocol;

import invs.conformance.trace.LineReader;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Observation;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.control.Option;

import java.util.Arrays;

/**
 * A request written to a pipelining server and the reply it awaits, with the engine's forecast of that
 * reply when there is one: the {@link RequestWriter} encodes the forecast's line on its own thread, and a
 * reply line equal to it byte for byte is the forecast, so the thread that judges the answers reads it
 * without decoding it. Any other line (another answer, or the same answer written another way) is decoded
 * as ever; so is every line while the forecast's has not been encoded yet.
 */
final class AwaitedReply {
    /**
     * The longest forecast line encoded ahead, in bytes: a yield that shows a buffer of more than about
     * 32 KiB is decoded when it comes, so that a window of requests holds at most a few megabytes ahead.
     */
    static final int MAX_FORECAST_LINE = 64 * 1024;

    private final Request request;
    private final Observation forecast;
    /** The forecast's reply line with its line feed, once the writer has encoded it; null until then, or never. */
    private volatile byte[] forecastLine;
    /** Whether that line leaves the forecast's buffer out ({@link Reply.SameBuffer}): set before the line. */
    private boolean leavesBufferOut;

    /** {@code request}, whose reply is forecast to show {@code forecast} (null: no forecast). */
    AwaitedReply(Request request, Observation forecast) {
        this.request = request;
        this.forecast = forecast;
    }

    /** The request written. */
    Request request() {
        return request;
    }

    /**
     * Encodes the forecast's line with {@code encoder} (cleared first, left holding the line), unless there
     * is no forecast or its line would be longer than {@link #MAX_FORECAST_LINE}. {@code shown} holds the
     * buffers forecast for each app's yields so far, in the order of the requests, when the server leaves out
     * a buffer shown again (the line of such a yield's forecast then leaves it out too); null when it does not.
     */
    void encodeForecast(LineEncoder encoder, ShownBuffers shown) {
        Reply.SameBuffer leftOut = null;
        if (shown != null && request instanceof Request.Reset) {
            shown.clear();
        } else if (shown != null && request instanceof Request.Apply(long id, Yield(AppId app))) {
            if (!(forecast instanceof Observation.Yielded(Option<Upcall> upcall, Bytes buffer))) {
                shown.forget(app); // what the server shows is not forecast
            } else if (shown.repeats(app, buffer)) {
                leftOut = new Reply.SameBuffer(id, upcall);
            }
        }
        if (forecast == null || leftOut == null && forecast instanceof Observation.Yielded yielded
                && yielded.readBuffer().length() > MAX_FORECAST_LINE / 2 - 1024) {
            return;
        }
        leavesBufferOut = leftOut != null; // written before the line, which the reading thread reads first
        encoder.clear();
        encoder.add(leftOut != null ? leftOut : new Reply.Answer(request.id(), forecast));
        forecastLine = encoder.toByteArray();
    }

    /**
     * The forecast, when the next line of {@code replies} is the forecast's line and has been read whole
     * already ({@link LineReader#skipIfNext}): the line is then consumed, neither searched for its end nor
     * copied. Else null, with nothing consumed.
     */
    Reply forecastIfNext(LineReader replies) {
        byte[] expected = forecastLine;
        return expected != null && replies.skipIfNext(expected, expected.length - 1) ? forecastReply() : null;
    }

    /** The reply {@code line} shows when it is the forecast's line, byte for byte; else null (decode it). */
    Reply forecastIfSame(byte[] line) {
        byte[] expected = forecastLine;
        return expected != null && Arrays.equals(line, 0, line.length, expected, 0, expected.length - 1)
                ? forecastReply() : null;
    }

    /**
     * The reply the forecast's line holds: the forecast, or, when the line leaves its buffer out, the
     * forecast's upcall with the buffer left out, which is whatever the app showed last and not necessarily
     * the forecast's (the forecast of an earlier yield may have been wrong).
     */
    private Reply forecastReply() {
        return leavesBufferOut && forecast instanceof Observation.Yielded yielded
                ? new Reply.SameBuffer(request.id(), yielded.upcall()) : new Reply.Answer(request.id(), forecast);
    }
}
