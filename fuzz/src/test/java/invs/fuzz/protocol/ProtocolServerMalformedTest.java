package invs.fuzz.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.reference.ReferenceProvider;
import invs.conformance.sut.Capability;
import invs.conformance.sut.SystemUnderTest;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Tick;
import invs.spec.Yield;
import io.vavr.control.Option;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What {@code invs serve} does with requests it cannot read, and what it keeps when it fails itself. */
class ProtocolServerMalformedTest {
    private static final Configuration DOC = Configuration.defaults(Profile.DOC);

    private static List<Reply> serve(SystemUnderTestFactory factory, String requests, ByteArrayOutputStream out) {
        new ProtocolServer("test", factory, EnumSet.allOf(Capability.class))
                .serve(new ByteArrayInputStream(requests.getBytes(StandardCharsets.UTF_8)), out);
        return replies(out);
    }

    private static List<Reply> serve(String requests) {
        return serve(new ReferenceProvider(), requests, new ByteArrayOutputStream());
    }

    private static List<Reply> replies(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8).lines().map(Reply::decode).toList();
    }

    private static String line(Request request) {
        return JsonFields.line(request.encode()) + "\n";
    }

    @Test
    void aResetItCannotReadLeavesNoBoard() {
        String reset = line(new Request.Reset(1, DOC));
        String twice = reset.replace("\"id\":1", "\"id\":3").replace("\"profile\":\"doc\"", "\"profile\":\"doc\",\"profile\":\"doc\"");
        List<Reply> replies = serve(reset + line(new Request.Apply(2, new AllowReadWrite(AppId.of(0), 0, 3))) + twice
                + line(new Request.Apply(4, new Yield(AppId.of(0)))));
        assertEquals(4, replies.size(), replies.toString());
        assertInstanceOf(Reply.Ready.class, replies.get(0));
        Reply.Error refused = assertInstanceOf(Reply.Error.class, replies.get(2));
        assertTrue(refused.message().contains("given twice"), refused.message());
        assertEquals(new Reply.Error(4, "no board yet: send reset with a configuration first"), replies.get(3),
                "the board of the reset before is not used after a reset that failed");
    }

    @Test
    void onlyJsonWhiteSpaceMakesALineBlank() {
        String lines = line(new Request.Reset(1, DOC)) + " \t\r\n" + "\f\n" + "\u000b\n" + "\u2028\n" + "\u3000\n"
                + line(new Request.Bye(2));
        List<Reply> replies = serve(lines);
        assertEquals(6, replies.size(), replies.toString());
        for (Reply malformed : replies.subList(1, 5)) {
            assertTrue(assertInstanceOf(Reply.Error.class, malformed).message().startsWith("malformed request: "),
                    malformed.toString());
        }
        assertInstanceOf(Reply.Goodbye.class, replies.get(5));
    }

    @Test
    void anIdThatIsNotAJsonIntegerIsAnsweredAsUnread() {
        List<Reply> replies = serve("{\"type\":\"teleport\",\"id\":10.5}\n{\"type\":\"teleport\",\"id\":1e2}\n"
                + "{\"type\":\"teleport\",\"id\":7}\n");
        assertEquals(List.of(0L, 0L, 7L), replies.stream().map(Reply::id).toList());
    }

    @Test
    void aValueOfMegabytesIsNotEchoedWhole() {
        String kind = "k".repeat(1 << 20);
        List<Reply> replies = serve(line(new Request.Reset(1, DOC))
                + "{\"type\":\"input\",\"id\":2,\"input\":{\"kind\":\"" + kind + "\",\"app\":0}}\n"
                + "{\"type\":\"" + kind + "\",\"id\":3}\n");
        for (Reply refused : replies.subList(1, 3)) {
            String message = assertInstanceOf(Reply.Error.class, refused).message();
            assertTrue(message.length() < 200 && message.contains("\"" + "k".repeat(60) + "…\""),
                    () -> message.substring(0, Math.min(message.length(), 300)));
        }
    }

    @Test
    void aTransferLimitOfTwoGigabytesIsServed() {
        String tock = line(new Request.Reset(1, Configuration.defaults(Profile.TOCK).withTransferLimit(Option.some(Integer.MAX_VALUE))));
        List<Reply> replies = serve(tock + line(new Request.Apply(2, new Command(AppId.of(0), 1, 0, 0))));
        assertInstanceOf(Reply.Ready.class, replies.get(0), replies.toString());
        assertEquals(new Reply.Answer(2, Observation.success()), replies.get(1));
    }

    @Test
    void repliesHeldBackAreWrittenWhenTheServerFailsOfItsOwn() {
        SystemUnderTestFactory failsAtTheFifthInput = configuration -> new SystemUnderTest() {
            private int inputs;

            @Override
            public Observation apply(Input input) {
                if (++inputs == 5) {
                    throw new OutOfMemoryError("a test's");
                }
                return Observation.quiet();
            }

            @Override
            public Set<Capability> capabilities() {
                return EnumSet.allOf(Capability.class);
            }
        };
        StringBuilder requests = new StringBuilder(line(new Request.Reset(1, DOC)));
        for (int id = 2; id <= 8; id++) {
            requests.append(line(new Request.Apply(id, new Tick())));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(OutOfMemoryError.class, () -> serve(failsAtTheFifthInput, requests.toString(), out));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), replies(out).stream().map(Reply::id).toList(),
                "the ready and the four answers before the failure");
    }
}
