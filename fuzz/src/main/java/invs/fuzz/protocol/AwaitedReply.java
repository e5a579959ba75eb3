package invs.fuzz.protocol;

import invs.conformance.trace.LineReader;
import invs.spec.Observation;

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
     * is no forecast or its line would be longer than {@link #MAX_FORECAST_LINE}.
     */
    void encodeForecast(LineEncoder encoder) {
        if (forecast == null || forecast instanceof Observation.Yielded yielded
                && yielded.readBuffer().length() > MAX_FORECAST_LINE / 2 - 1024) {
            return;
        }
        encoder.clear();
        encoder.add(new Reply.Answer(request.id(), forecast));
        forecastLine = encoder.toByteArray();
    }

    /**
     * The forecast, when the next line of {@code replies} is the forecast's line and has been read whole
     * already ({@link LineReader#skipIfNext}): the line is then consumed, neither searched for its end nor
     * copied. Else null, with nothing consumed.
     */
    Reply.Answer forecastIfNext(LineReader replies) {
        byte[] expected = forecastLine;
        return expected != null && replies.skipIfNext(expected, expected.length - 1)
                ? new Reply.Answer(request.id(), forecast) : null;
    }

    /** The reply {@code line} shows when it is the forecast's line, byte for byte; else null (decode it). */
    Reply.Answer forecastIfSame(byte[] line) {
        byte[] expected = forecastLine;
        return expected != null && Arrays.equals(line, 0, line.length, expected, 0, expected.length - 1)
                ? new Reply.Answer(request.id(), forecast) : null;
    }
}
