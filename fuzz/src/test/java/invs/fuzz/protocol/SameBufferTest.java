package invs.fuzz.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.reference.ReferenceProvider;
import invs.conformance.sut.Capability;
import invs.conformance.trace.TraceFormatException;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@code same-buffer} extension: used only when both hello messages name it; a served yield that shows
 * the buffer its app showed last leaves it out, and invs puts back the buffer the server showed, never the
 * one forecast; a buffer left out where none may be is a malformed reply.
 */
class SameBufferTest {
    private static final AppId ALPHA = AppId.of(0);
    private static final AppId BETA = AppId.of(1);
    private static final Bytes ZEROS = Bytes.filled(4, 0);
    private static final Bytes OTHER = Bytes.fromHex("c0ffee00");
    private static final Option<Upcall> READ_DONE = Option.some(new Upcall(1, 0, 4, 0));

    @Test
    void helloMessagesNameTheExtensionAndIgnoreNamesTheyDoNotKnow() {
        assertEquals("{\"type\":\"hello\",\"id\":1,\"protocol\":1,\"client\":\"invs\",\"extensions\":[\"same-buffer\"]}",
                JsonFields.line(new Request.Hello(1, 1, "invs", true).encode()));
        assertEquals("{\"type\":\"hello\",\"id\":1,\"protocol\":1,\"client\":\"invs\"}",
                JsonFields.line(new Request.Hello(1, 1, "invs").encode()));
        assertEquals(new Request.Hello(1, 1, "x", true), Request.decode(
                "{\"type\":\"hello\",\"id\":1,\"protocol\":1,\"client\":\"x\",\"extensions\":[\"teleport\",\"same-buffer\"]}"));
        assertEquals(new Request.Hello(1, 1, "x", false), Request.decode(
                "{\"type\":\"hello\",\"id\":1,\"protocol\":1,\"client\":\"x\",\"extensions\":[\"teleport\"]}"));
        Reply.Hello served = new Reply.Hello(1, 1, "s", EnumSet.of(Capability.DRAIN), Option.none(), 256, true);
        assertEquals(served, Reply.decode(JsonFields.line(served.encode())));
        assertFalse(((Reply.Hello) Reply.decode("{\"type\":\"hello\",\"id\":1,\"protocol\":1,\"capabilities\":[]}"))
                .sameBuffer());
        assertEquals("field extensions: expected an array of names", assertThrows(TraceFormatException.class,
                () -> Reply.decode("{\"type\":\"hello\",\"id\":1,\"protocol\":1,\"capabilities\":[],\"extensions\":\"same-buffer\"}"))
                .getMessage());
        assertEquals("field extensions: expected an array of names", assertThrows(TraceFormatException.class,
                () -> Request.decode("{\"type\":\"hello\",\"id\":1,\"protocol\":1,\"extensions\":[1]}")).getMessage());
    }

    @Test
    void aBufferLeftOutIsReadAsSuchInEveryForm() {
        for (Option<Upcall> upcall : java.util.List.of(READ_DONE, Option.<Upcall>none())) {
            Reply.SameBuffer same = new Reply.SameBuffer(7, upcall);
            byte[] line = LineEncoder.line(same);
            String text = new String(line, 0, line.length - 1, StandardCharsets.US_ASCII);
            assertEquals(JsonFields.line(same.encode()), text, "the plain form is the JSON object's");
            assertTrue(text.endsWith(",\"buffer\":null}}"), text);
            assertEquals(same, PlainReply.answer(Arrays.copyOf(line, line.length - 1)));
            assertEquals(same, Reply.decode(text));
            String spaced = text.replace(",", ", ");
            assertNull(PlainReply.answer(spaced.getBytes(StandardCharsets.US_ASCII)));
            assertEquals(same, Reply.decode(spaced.getBytes(StandardCharsets.US_ASCII)));
            assertEquals(new Reply.Answer(7, new Observation.Yielded(upcall, OTHER)), same.showing(OTHER));
        }
        assertEquals("field observation.upcall.status: missing", assertThrows(TraceFormatException.class,
                () -> Reply.decode("{\"type\":\"observation\",\"id\":7,\"observation\":{\"kind\":\"yielded\","
                        + "\"upcall\":{\"number\":1,\"arg1\":0,\"arg2\":0},\"buffer\":null}}")).getMessage());
        assertEquals(new Reply.Answer(7, Observation.success()), Reply.decode(
                "{\"type\":\"observation\",\"id\":7,\"observation\":{\"kind\":\"success\",\"buffer\":null}}"),
                "only a yield's buffer is left out; other observations ignore the field as any unknown one");
    }

    @Test
    void theServerLeavesOutABufferItsAppShowedLastOnlyWhenAsked() {
        for (boolean asked : new boolean[]{false, true}) {
            ProtocolServer server = new ProtocolServer("test", new ReferenceProvider(), EnumSet.allOf(Capability.class));
            Reply.Hello hello = (Reply.Hello) answer(server, new Request.Hello(1, 1, "t", asked));
            assertEquals(asked, hello.sameBuffer());
            assertInstanceOf(Reply.Ready.class, answer(server, new Request.Reset(2, Configuration.defaults(Profile.DOC))));
            Observation zeros = new Observation.Yielded(Option.none(), ZEROS);
            Observation none = new Observation.Yielded(Option.none(), Bytes.empty());
            assertEquals(new Reply.Answer(3, Observation.success()), answer(server, new Request.Apply(3,
                    new AllowReadWrite(ALPHA, 0, 4))));
            assertEquals(new Reply.Answer(4, zeros), answer(server, new Request.Apply(4, new Yield(ALPHA))), "the first yield");
            assertEquals(asked ? new Reply.SameBuffer(5, Option.none()) : new Reply.Answer(5, zeros),
                    answer(server, new Request.Apply(5, new Yield(ALPHA))), "the same buffer again");
            assertEquals(new Reply.Answer(6, none), answer(server, new Request.Apply(6, new Yield(BETA))),
                    "another app's first yield");
            assertEquals(new Reply.Answer(7, Observation.success()), answer(server, new Request.Apply(7, Command.exists(ALPHA))));
            assertEquals(asked ? new Reply.SameBuffer(8, Option.none()) : new Reply.Answer(8, zeros),
                    answer(server, new Request.Apply(8, new Yield(ALPHA))), "inputs between yields change nothing");
            assertInstanceOf(Reply.Ready.class, answer(server, new Request.Reset(9, Configuration.defaults(Profile.DOC))));
            assertEquals(new Reply.Answer(10, none), answer(server, new Request.Apply(10, new Yield(BETA))),
                    "a reset forgets the buffers shown");
            assertEquals(asked ? new Reply.SameBuffer(11, Option.none()) : new Reply.Answer(11, none),
                    answer(server, new Request.Apply(11, new Yield(BETA))));
        }
    }

    @Test
    void invsPutsBackTheBufferTheAppShowedLast() {
        ShownBuffers shown = new ShownBuffers();
        Request alpha = new Request.Apply(3, new Yield(ALPHA));
        Reply first = new Reply.Answer(3, new Observation.Yielded(Option.none(), OTHER));
        assertEquals(first, ShownBuffers.filledIn(shown, alpha, first, null, ProtocolFailure::new));
        assertEquals(new Reply.Answer(4, new Observation.Yielded(READ_DONE, OTHER)), ShownBuffers.filledIn(shown,
                new Request.Apply(4, new Yield(ALPHA)), new Reply.SameBuffer(4, READ_DONE), null, ProtocolFailure::new));
        assertEquals("the server answered request 5 (input app1 yield) with a malformed reply (field observation.buffer:"
                        + " null, a buffer left out, but app 1 has shown no buffer since the reset (same-buffer)):"
                        + " {\"type\":\"observation\",\"id\":5,\"observation\":{\"kind\":\"yielded\"…",
                assertThrows(ProtocolFailure.class, () -> ShownBuffers.filledIn(shown, new Request.Apply(5, new Yield(BETA)),
                        new Reply.SameBuffer(5, Option.none()), null, ProtocolFailure::new)).getMessage());
        assertTrue(assertThrows(ProtocolFailure.class, () -> ShownBuffers.filledIn(shown,
                new Request.Apply(6, Command.exists(ALPHA)), new Reply.SameBuffer(6, Option.none()), null, ProtocolFailure::new))
                .getMessage().contains("null, a buffer left out, answers only a yield"));
        assertTrue(assertThrows(ProtocolFailure.class, () -> ShownBuffers.filledIn(shown,
                new Request.Reset(7, Configuration.defaults(Profile.DOC)), new Reply.SameBuffer(7, Option.none()), null,
                ProtocolFailure::new)).getMessage().contains("answers only a yield"), "not even a reset's");
        ShownBuffers.filledIn(shown, new Request.Reset(7, Configuration.defaults(Profile.DOC)), new Reply.Ready(7), null,
                ProtocolFailure::new);
        assertTrue(assertThrows(ProtocolFailure.class, () -> ShownBuffers.filledIn(shown, new Request.Apply(8, new Yield(ALPHA)),
                new Reply.SameBuffer(8, Option.none()), null, ProtocolFailure::new)).getMessage()
                .contains("app 0 has shown no buffer since the reset"), "a reset forgets the buffers shown");
        byte[] line = "{\"type\":\"observation\",\"id\":9,\"observation\":{\"kind\":\"yielded\",\"upcall\":null,\"buffer\":null}}"
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals("the server answered request 9 (input app0 yield) with a malformed reply (field observation.buffer:"
                        + " null, a buffer left out, but the hello messages did not agree on the same-buffer extension"
                        + " (hexadecimal bytes)): "
                        + "{\"type\":\"observation\",\"id\":9,\"observation\":{\"kind\":\"yielded\"…",
                assertThrows(ProtocolFailure.class, () -> ShownBuffers.filledIn(null, new Request.Apply(9, new Yield(ALPHA)),
                        Reply.decode(line), line, ProtocolFailure::new)).getMessage());
    }

    @Test
    void aForecastLineLeavesOutABufferForecastAgainButStandsForTheBufferShown() {
        // the writer's forecasts: OTHER twice for app 0; the server showed ZEROS, then ZEROS again (left out)
        ShownBuffers forecasts = new ShownBuffers();
        ShownBuffers shown = new ShownBuffers();
        Observation forecast = new Observation.Yielded(READ_DONE, OTHER);
        AwaitedReply first = encoded(new Request.Apply(3, new Yield(ALPHA)), forecast, forecasts);
        AwaitedReply second = encoded(new Request.Apply(4, new Yield(ALPHA)), forecast, forecasts);
        byte[] served = withoutLineFeed(new Reply.Answer(3, new Observation.Yielded(READ_DONE, ZEROS)));
        assertNull(first.forecastIfSame(served), "another buffer than forecast: decoded");
        ShownBuffers.filledIn(shown, first.request(), Reply.decode(served), served, ProtocolFailure::new);
        byte[] left = withoutLineFeed(new Reply.SameBuffer(4, READ_DONE));
        Reply read = second.forecastIfSame(left);
        assertEquals(new Reply.SameBuffer(4, READ_DONE), read, "the forecast's line, which leaves the buffer out");
        assertEquals(new Reply.Answer(4, new Observation.Yielded(READ_DONE, ZEROS)),
                ShownBuffers.filledIn(shown, second.request(), read, left, ProtocolFailure::new),
                "the buffer the server showed, not the one forecast");
        assertNull(second.forecastIfSame(withoutLineFeed(new Reply.Answer(4, forecast))),
                "the buffer written out where the forecast leaves it out: decoded");
    }

    @Test
    void theWriterForgetsWhatItCannotForecast() {
        ShownBuffers forecasts = new ShownBuffers();
        Observation forecast = new Observation.Yielded(Option.none(), OTHER);
        encoded(new Request.Apply(3, new Yield(ALPHA)), forecast, forecasts);
        encoded(new Request.Apply(4, new Yield(ALPHA)), null, forecasts);
        AwaitedReply after = encoded(new Request.Apply(5, new Yield(ALPHA)), forecast, forecasts);
        assertEquals(new Reply.Answer(5, forecast), after.forecastIfSame(withoutLineFeed(new Reply.Answer(5, forecast))),
                "a yield without a forecast: the next buffer is written out");
        encoded(new Request.Reset(6, Configuration.defaults(Profile.DOC)), null, forecasts);
        AwaitedReply reset = encoded(new Request.Apply(7, new Yield(ALPHA)), forecast, forecasts);
        assertEquals(new Reply.Answer(7, forecast), reset.forecastIfSame(withoutLineFeed(new Reply.Answer(7, forecast))),
                "after a reset: written out");
        AwaitedReply again = encoded(new Request.Apply(8, new Yield(ALPHA)), forecast, forecasts);
        assertEquals(new Reply.SameBuffer(8, Option.none()),
                again.forecastIfSame(withoutLineFeed(new Reply.SameBuffer(8, Option.none()))));
        assertNull(again.forecastIfSame(withoutLineFeed(new Reply.Answer(8, forecast))));
    }

    @Test
    void oneAppsBufferIsNotAnothers() {
        ShownBuffers shown = new ShownBuffers();
        assertFalse(shown.repeats(ALPHA, OTHER));
        assertFalse(shown.repeats(BETA, ZEROS));
        assertTrue(shown.repeats(ALPHA, Bytes.fromHex("c0ffee00")), "equal bytes, another instance");
        assertFalse(shown.repeats(BETA, OTHER));
        assertFalse(shown.repeats(ALPHA, ZEROS));
        shown.forget(ALPHA);
        assertFalse(shown.repeats(ALPHA, ZEROS));
        shown.clear();
        assertFalse(shown.repeats(BETA, OTHER));
    }

    private static Reply answer(ProtocolServer server, Request request) {
        return server.answer(JsonFields.line(request.encode()));
    }

    private static AwaitedReply encoded(Request request, Observation forecast, ShownBuffers forecasts) {
        return AwaitedReplyTest.encoded(request, forecast, forecasts);
    }

    private static byte[] withoutLineFeed(Reply reply) {
        return AwaitedReplyTest.served(reply);
    }
}
