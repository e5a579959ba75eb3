package invs.fuzz.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.sut.Capability;
import invs.conformance.reference.ReferenceProvider;
import invs.conformance.trace.TraceLimits;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Configuration;
import invs.spec.Profile;
import invs.spec.Yield;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code invs serve} answers to requests beyond its limits: an error reply each, and it goes on. */
class ProtocolServerLimitsTest {
    private static final TraceLimits LIMITS = new TraceLimits(16);

    private static List<Reply> serve(byte[] requests) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ProtocolServer("test", new ReferenceProvider(), EnumSet.allOf(Capability.class), LIMITS)
                .serve(new ByteArrayInputStream(requests), out);
        return out.toString(StandardCharsets.UTF_8).lines().map(Reply::decode).toList();
    }

    private static String line(Request request) {
        return JsonFields.line(request.encode()) + "\n";
    }

    @Test
    void requestsBeyondTheLimitsAreErrorsAndTheConversationGoesOn() {
        ByteArrayOutputStream requests = new ByteArrayOutputStream();
        requests.writeBytes((line(new Request.Reset(1, Configuration.defaults(Profile.DOC)))
                + line(new Request.Apply(2, new AllowReadWrite(AppId.of(0), 0, 17)))
                + line(new Request.Apply(3, new AllowReadOnly(AppId.of(0), 0, Bytes.filled(17, 1))))
                + line(new Request.Apply(4, new Yield(AppId.of(3))))).getBytes(StandardCharsets.UTF_8));
        requests.writeBytes(new byte[] {'{', (byte) 0x80, '}', '\n'});
        requests.writeBytes(("x".repeat(LIMITS.maxLine() + 1) + "\n").getBytes(StandardCharsets.UTF_8));
        requests.writeBytes((line(new Request.Apply(5, new AllowReadWrite(AppId.of(0), 0, 16)))
                + line(new Request.Bye(6))).getBytes(StandardCharsets.UTF_8));
        List<Reply> replies = serve(requests.toByteArray());
        assertEquals(8, replies.size(), replies.toString());
        assertInstanceOf(Reply.Ready.class, replies.get(0));
        assertEquals(new Reply.Error(2, "cannot apply the input: field input.length: 17 bytes is more than the largest"
                + " buffer allowed, 16 bytes (--max-buffer)"), replies.get(1));
        assertTrue(((Reply.Error) replies.get(2)).message().contains("field input.data: 17 bytes"), replies.get(2).toString());
        assertEquals(new Reply.Error(4, "cannot apply the input: field input.app: app 3 is not on the board: the"
                + " configuration has 3 apps (slots 0 to 2)"), replies.get(3));
        assertEquals(new Reply.Error(0, "malformed request: not valid UTF-8 at byte 2"), replies.get(4));
        assertTrue(((Reply.Error) replies.get(5)).message().startsWith("malformed request: longer than 65600 bytes"),
                replies.get(5).toString());
        assertInstanceOf(Reply.Answer.class, replies.get(6), "the server went on");
        assertInstanceOf(Reply.Goodbye.class, replies.get(7));
    }

    @Test
    void aConfigurationTooLargeForTheMemoryIsUnsupportedWithTheReason() {
        long tooLarge = Math.min(0xFFFF_FFFFL, Runtime.getRuntime().maxMemory());
        List<Reply> replies = serve(line(new Request.Reset(1, Configuration.defaults(Profile.DOC)
                .withStorageLength(tooLarge))).getBytes(StandardCharsets.UTF_8));
        Reply.Unsupported refused = assertInstanceOf(Reply.Unsupported.class, replies.get(0));
        assertTrue(refused.reason().startsWith("test cannot build this configuration: the reference board"), refused.reason());
    }

    @Test
    void buffersAllowedAtOncePastSixteenLargestAreRefused() {
        StringBuilder requests = new StringBuilder(line(new Request.Reset(1, Configuration.defaults(Profile.DOC))));
        for (int number = 0; number <= TraceLimits.SHOWN_BUFFERS; number++) {
            requests.append(line(new Request.Apply(2 + number, new AllowReadWrite(AppId.of(number % 3), number, 16))));
        }
        requests.append(line(new Request.Reset(30, Configuration.defaults(Profile.DOC))))
                .append(line(new Request.Apply(31, new AllowReadWrite(AppId.of(0), 0, 16))));
        List<Reply> replies = serve(requests.toString().getBytes(StandardCharsets.UTF_8));
        for (Reply allowed : replies.subList(1, 1 + TraceLimits.SHOWN_BUFFERS)) {
            assertInstanceOf(Reply.Answer.class, allowed);
        }
        assertEquals(new Reply.Error(18, "cannot apply the input: field input.length: the buffers allowed at once"
                + " would hold 272 bytes in all, more than 256 bytes (16 times the largest buffer, --max-buffer)"),
                replies.get(17));
        assertInstanceOf(Reply.Answer.class, replies.get(19), "a reset starts the count afresh");
    }
}
