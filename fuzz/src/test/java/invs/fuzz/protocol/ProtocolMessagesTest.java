package invs.fuzz.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.sut.Capability;
import invs.conformance.reference.ReferenceProvider;
import invs.conformance.trace.TraceFormatException;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.ErrorCode;
import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Subscribe;
import invs.spec.Tick;
import invs.spec.Unsubscribe;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.control.Option;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtocolMessagesTest {
    private static final AppId APP = AppId.of(1);

    @Test
    void everyRequestDecodesToWhatWasEncoded() {
        List<Input> inputs = List.of(new Command(APP, 3, 0xFFFF_FFFFL, 7), new AllowReadOnly(APP, 0, Bytes.fromHex("00ff10")),
                new AllowReadWrite(APP, 0, 513), new Subscribe(APP, 2), new Unsubscribe(APP, 1), new Yield(APP),
                new Tick(), new Drain(), new Reboot(17), new Restart(APP), new FlashFault());
        List<Request> requests = new java.util.ArrayList<>(List.of(new Request.Hello(1, 1, "invs"),
                new Request.Reset(2, Configuration.defaults(Profile.TOCK)), new Request.Bye(99)));
        for (int i = 0; i < inputs.size(); i++) {
            requests.add(new Request.Apply(10 + i, inputs.get(i)));
        }
        for (Request request : requests) {
            assertEquals(request, Request.decode(JsonFields.line(request.encode())));
        }
    }

    @Test
    void everyReplyDecodesToWhatWasEncoded() {
        List<Reply> replies = List.of(
                new Reply.Hello(1, 1, "server", EnumSet.of(Capability.TICK, Capability.TORN_REBOOT)),
                new Reply.Ready(2), new Reply.Unsupported(3, "too big"),
                new Reply.Answer(4, Observation.failure(ErrorCode.BUSY)),
                new Reply.Answer(5, new Observation.Yielded(Option.some(new Upcall(1, 0, 10, 0)), Bytes.fromHex("ffff"))),
                new Reply.Answer(6, new Observation.Yielded(Option.none(), Bytes.empty())),
                new Reply.Answer(7, Observation.quiet()), new Reply.Goodbye(8), new Reply.Error(0, "bad"));
        for (Reply reply : replies) {
            assertEquals(reply, Reply.decode(JsonFields.line(reply.encode())));
        }
    }

    @Test
    void theDocumentedExamplesAreValidMessages() {
        assertEquals(new Request.Apply(3, Command.size(AppId.of(0))), Request.decode(
                "{\"type\":\"input\",\"id\":3,\"input\":{\"kind\":\"command\",\"app\":0,\"number\":1,\"arg1\":0,\"arg2\":0}}"));
        assertEquals(new Reply.Answer(9, new Observation.Yielded(Option.some(new Upcall(0, 0, 2048, 0)), Bytes.empty())),
                Reply.decode("{\"type\":\"observation\",\"id\":9,\"observation\":{\"kind\":\"yielded\","
                        + "\"upcall\":{\"number\":0,\"status\":0,\"arg1\":2048,\"arg2\":0},\"buffer\":\"\"}}"));
        assertEquals(EnumSet.allOf(Capability.class), ((Reply.Hello) Reply.decode("{\"type\":\"hello\",\"id\":1,"
                + "\"protocol\":1,\"server\":\"x\",\"capabilities\":[\"tick\",\"drain\",\"reboot\",\"torn-reboot\","
                + "\"restart\",\"flash-fault\"],\"extra\":true}")).capabilities());
    }

    @Test
    void aMalformedReplyNamesTheField() {
        TraceFormatException code = assertThrows(TraceFormatException.class, () -> Reply.decode(
                "{\"type\":\"observation\",\"id\":3,\"observation\":{\"kind\":\"failure\",\"code\":\"WAT\"}}"));
        assertTrue(code.getMessage().startsWith("field observation.code: unknown error code \"WAT\""), code.getMessage());
        TraceFormatException id = assertThrows(TraceFormatException.class,
                () -> Reply.decode("{\"type\":\"ready\",\"id\":\"two\"}"));
        assertEquals("id", id.field());
        TraceFormatException json = assertThrows(TraceFormatException.class, () -> Reply.decode("ready"));
        assertTrue(json.getMessage().startsWith("not valid JSON"), json.getMessage());
        TraceFormatException capability = assertThrows(TraceFormatException.class, () -> Reply.decode(
                "{\"type\":\"hello\",\"id\":1,\"protocol\":1,\"capabilities\":[\"teleport\"]}"));
        assertTrue(capability.getMessage().contains("unknown capability \"teleport\""), capability.getMessage());
    }

    @Test
    void aMissingMessageFieldIsNamedOnce() {
        assertEquals("field observation: missing", assertThrows(TraceFormatException.class,
                () -> Reply.decode("{\"type\":\"observation\",\"id\":3}")).getMessage());
        assertEquals("field input: missing", assertThrows(TraceFormatException.class,
                () -> Request.decode("{\"type\":\"input\",\"id\":3}")).getMessage());
        assertEquals("field configuration: missing", assertThrows(TraceFormatException.class,
                () -> Request.decode("{\"type\":\"reset\",\"id\":2}")).getMessage());
        assertEquals("field input.kind: missing", assertThrows(TraceFormatException.class,
                () -> Request.decode("{\"type\":\"input\",\"id\":3,\"input\":{}}")).getMessage());
    }

    @Test
    void theServerAnswersEveryRequestAndRefusesWhatItCannotDo() {
        ProtocolServer server = new ProtocolServer("test", new ReferenceProvider(), EnumSet.allOf(Capability.class));
        String yield = JsonFields.line(new Request.Apply(2, new Yield(AppId.of(0))).encode());
        assertInstanceOf(Reply.Error.class, server.answer(yield), "an input before any reset");
        Reply hello = server.answer(JsonFields.line(new Request.Hello(1, 1, "t").encode()));
        assertEquals(new Reply.Hello(1, 1, "test", EnumSet.allOf(Capability.class), Option.none(),
                ProtocolServer.PIPELINING), hello);
        assertInstanceOf(Reply.Error.class, server.answer(JsonFields.line(new Request.Hello(1, 2, "t").encode())));
        assertEquals(new Reply.Ready(3), server.answer(JsonFields.line(
                new Request.Reset(3, Configuration.defaults(Profile.DOC)).encode())));
        assertEquals(new Reply.Answer(4, Observation.success()),
                server.answer(JsonFields.line(new Request.Apply(4, Command.exists(AppId.of(0))).encode())));
        Reply unknown = server.answer("{\"type\":\"teleport\",\"id\":5}");
        assertEquals(5, unknown.id());
        assertTrue(((Reply.Error) unknown).message().contains("unknown request type \"teleport\""));
        assertEquals(0, server.answer("{oops").id());
        Configuration huge = Configuration.defaults(Profile.DOC).withStorageLength(0xFFFF_FFFFL);
        assertInstanceOf(Reply.Unsupported.class, server.answer(JsonFields.line(new Request.Reset(6, huge).encode())));
    }

    @Test
    void theServerStopsAtByeAndAnswersOneLinePerRequest() {
        String requests = String.join("\n",
                JsonFields.line(new Request.Hello(1, 1, "t").encode()),
                "",
                JsonFields.line(new Request.Reset(2, Configuration.defaults(Profile.DOC)).encode()),
                JsonFields.line(new Request.Apply(3, Command.size(AppId.of(0))).encode()),
                JsonFields.line(new Request.Bye(4).encode()),
                JsonFields.line(new Request.Apply(5, Command.size(AppId.of(0))).encode())) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ProtocolServer("test", new ReferenceProvider(), EnumSet.allOf(Capability.class))
                .serve(new ByteArrayInputStream(requests.getBytes(StandardCharsets.UTF_8)), out);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(4, lines.size(), lines.toString());
        assertEquals(new Reply.Answer(3, Observation.success()), Reply.decode(lines.get(2)));
        assertEquals(new Reply.Goodbye(4), Reply.decode(lines.get(3)));
    }

    @Test
    void aLineHoldsOneRequestWithEachFieldOnce() {
        String hello = JsonFields.line(new Request.Hello(1, 1, "t").encode());
        String bye = JsonFields.line(new Request.Bye(2).encode());
        String tick = JsonFields.line(new Request.Apply(3, new Tick()).encode());
        String yield = "{\"type\":\"input\",\"id\":4,\"input\":{\"kind\":\"yield\",\"app\":7},\"input\":{\"kind\":\"drain\"}}";
        String requests = String.join("\n", hello + " " + bye, hello + "\r" + bye, hello, JsonFields.line(
                new Request.Reset(5, Configuration.defaults(Profile.DOC)).encode()), tick + bye, tick + " x", yield, bye) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ProtocolServer("test", new ReferenceProvider(), EnumSet.allOf(Capability.class))
                .serve(new ByteArrayInputStream(requests.getBytes(StandardCharsets.UTF_8)), out);
        List<Reply> replies = out.toString(StandardCharsets.UTF_8).lines().map(Reply::decode).toList();
        assertEquals(8, replies.size(), replies.toString());
        String twoObjects = "malformed request: not valid JSON: more after the JSON object, at column " + (hello.length() + 2)
                + ": a line holds one object";
        assertEquals(new Reply.Error(0, twoObjects), replies.get(0));
        assertEquals(new Reply.Error(0, twoObjects), replies.get(1));
        assertInstanceOf(Reply.Hello.class, replies.get(2));
        assertEquals(new Reply.Ready(5), replies.get(3));
        assertEquals(new Reply.Error(0, "malformed request: not valid JSON: more after the JSON object, at column "
                + (tick.length() + 1) + ": a line holds one object"), replies.get(4));
        assertTrue(((Reply.Error) replies.get(5)).message().startsWith("malformed request: not valid JSON: Unrecognized token 'x'"),
                replies.get(5).toString());
        assertEquals(new Reply.Error(0, "malformed request: field input: given twice (a field may appear once in an object)"),
                replies.get(6));
        assertEquals(new Reply.Goodbye(2), replies.get(7));
    }

    @Test
    void aLineHoldsOneReplyWithEachFieldOnce() {
        String answer = "{\"type\":\"observation\",\"id\":3,\"observation\":{\"kind\":\"success\"}}";
        assertEquals(new Reply.Answer(3, Observation.success()), Reply.decode(answer.getBytes(StandardCharsets.UTF_8)));
        for (String line : List.of(answer + answer, answer + "\r" + answer, answer + " {}",
                answer.replace("\"success\"}", "\"success\",\"kind\":\"quiet\"}"))) {
            TraceFormatException problem = assertThrows(TraceFormatException.class,
                    () -> Reply.decode(line.getBytes(StandardCharsets.UTF_8)), line);
            assertTrue(problem.getMessage().startsWith("not valid JSON: more after the JSON object")
                    || problem.getMessage().equals("field observation.kind: given twice (a field may appear once in an object)"),
                    problem.getMessage());
        }
    }
}
