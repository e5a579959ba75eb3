package invs.fuzz.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.ErrorCode;
import invs.spec.Observation;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A reply read as its forecast only when its line is the forecast's line byte for byte: any other answer,
 * the same answer written another way, or a reply to another request is decoded, and so is every reply
 * before the forecast's line is encoded, without a forecast, or with one too long to encode ahead.
 */
class AwaitedReplyTest {
    private static final Request COMMAND = new Request.Apply(7, new Command(AppId.of(1), 1, 0, 0));
    private static final Request YIELD = new Request.Apply(8, new Yield(AppId.of(1)));
    private static final Observation YIELDED = new Observation.Yielded(Option.some(new Upcall(0, 0, 2048, 0)),
            Bytes.filled(2048, 0xa5));

    @Test
    void aReplyThatIsTheForecastsLineIsTheForecast() {
        for (Observation forecast : new Observation[]{Observation.success(), Observation.failure(ErrorCode.BUSY), YIELDED}) {
            AwaitedReply awaited = encoded(YIELD, forecast);
            Reply.Answer answer = (Reply.Answer) awaited.forecastIfSame(served(new Reply.Answer(8, forecast)));
            assertNotNull(answer, forecast::toString);
            assertEquals(8, answer.id());
            assertSame(forecast, answer.observation());
        }
    }

    @Test
    void anyOtherAnswerIsDecoded() {
        AwaitedReply awaited = encoded(COMMAND, Observation.success());
        assertNull(awaited.forecastIfSame(served(new Reply.Answer(7, Observation.failure(ErrorCode.BUSY)))));
        assertNull(awaited.forecastIfSame(served(new Reply.Answer(7, Observation.quiet()))));
        AwaitedReply yield = encoded(YIELD, YIELDED);
        byte[] otherBuffer = served(new Reply.Answer(8, new Observation.Yielded(Option.some(new Upcall(0, 0, 2048, 0)),
                Bytes.filled(2048, 0xa4))));
        assertNull(yield.forecastIfSame(otherBuffer));
        byte[] noUpcall = served(new Reply.Answer(8, new Observation.Yielded(Option.none(), Bytes.filled(2048, 0xa5))));
        assertNull(yield.forecastIfSame(noUpcall));
    }

    @Test
    void theForecastWrittenAnotherWayOrForAnotherRequestIsDecoded() throws Exception {
        AwaitedReply awaited = encoded(COMMAND, Observation.success());
        byte[] spaced = "{\"type\": \"observation\", \"id\": 7, \"observation\": {\"kind\": \"success\"}}"
                .getBytes(StandardCharsets.US_ASCII);
        assertNull(awaited.forecastIfSame(spaced));
        assertEquals(new Reply.Answer(7, Observation.success()), Reply.decode(spaced), "the decoding reads it the same");
        assertNull(awaited.forecastIfSame(served(new Reply.Answer(6, Observation.success()))), "a reply to request 6");
        byte[] withFeed = LineEncoder.line(new Reply.Answer(7, Observation.success()));
        assertNull(awaited.forecastIfSame(withFeed), "a line feed is not part of a line");
        assertNull(awaited.forecastIfSame(Arrays.copyOf(withFeed, withFeed.length - 2)), "a cut line");
    }

    @Test
    void withoutAnEncodedForecastEveryReplyIsDecoded() {
        byte[] success = served(new Reply.Answer(7, Observation.success()));
        assertNull(new AwaitedReply(COMMAND, Observation.success()).forecastIfSame(success), "not encoded yet");
        assertNull(encoded(COMMAND, null).forecastIfSame(success), "no forecast");
        int tooLong = AwaitedReply.MAX_FORECAST_LINE / 2;
        Observation huge = new Observation.Yielded(Option.none(), Bytes.filled(tooLong, 1));
        assertNull(encoded(YIELD, huge).forecastIfSame(served(new Reply.Answer(8, huge))), "a forecast too long to encode ahead");
        Observation largest = new Observation.Yielded(Option.none(), Bytes.filled(AwaitedReply.MAX_FORECAST_LINE / 2 - 1024, 1));
        assertNotNull(encoded(YIELD, largest).forecastIfSame(served(new Reply.Answer(8, largest))), "the longest encoded ahead");
    }

    @Test
    void aForecastsLineReadWholeAlreadyIsTakenWhereItLiesAndAnyOtherLineIsLeftToBeRead() throws Exception {
        java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
        stream.write(LineEncoder.line(new Reply.Answer(6, Observation.success())));
        stream.write(LineEncoder.line(new Reply.Answer(7, Observation.success())));
        stream.write(LineEncoder.line(new Reply.Answer(8, YIELDED)));
        stream.write(LineEncoder.line(new Reply.Answer(9, Observation.quiet())));
        invs.conformance.trace.LineReader replies = new invs.conformance.trace.LineReader(
                new java.io.ByteArrayInputStream(stream.toByteArray()), 1 << 20);
        AwaitedReply first = encoded(new Request.Apply(6, new Command(AppId.of(1), 1, 0, 0)), Observation.success());
        assertNull(first.forecastIfNext(replies), "nothing read yet: the line is read as ever");
        assertNotNull(first.forecastIfSame(replies.next()));
        Reply taken = encoded(COMMAND, Observation.success()).forecastIfNext(replies);
        assertNotNull(taken);
        assertEquals(7, taken.id());
        assertSame(YIELDED, ((Reply.Answer) encoded(YIELD, YIELDED).forecastIfNext(replies)).observation(),
                "a yield showing 2 KiB");
        AwaitedReply otherwise = encoded(new Request.Apply(9, new Command(AppId.of(1), 1, 0, 0)), Observation.success());
        assertNull(otherwise.forecastIfNext(replies), "answered otherwise than forecast");
        assertEquals(new Reply.Answer(9, Observation.quiet()), Reply.decode(replies.next()), "the line is still there");
        assertEquals(4, replies.lineNumber());
    }

    private static AwaitedReply encoded(Request request, Observation forecast) {
        return encoded(request, forecast, null);
    }

    /** {@code request} awaiting its reply, the forecast's line encoded after the buffers forecast in {@code shown}. */
    static AwaitedReply encoded(Request request, Observation forecast, ShownBuffers shown) {
        AwaitedReply awaited = new AwaitedReply(request, forecast);
        awaited.encodeForecast(new LineEncoder(), shown);
        return awaited;
    }

    /** The line a server writes for {@code reply}, as the reply reader hands it over: without its line feed. */
    static byte[] served(Reply reply) {
        byte[] line = LineEncoder.line(reply);
        return Arrays.copyOf(line, line.length - 1);
    }
}
