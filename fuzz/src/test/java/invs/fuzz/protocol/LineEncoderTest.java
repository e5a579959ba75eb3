package invs.fuzz.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import invs.conformance.board.BoardGenerator;
import invs.conformance.board.StandardConfigurations;
import invs.conformance.sut.Capability;
import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import io.vavr.control.Option;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bytes written straight from the values are exactly those of each message's JSON object. */
class LineEncoderTest {

    @Test
    void inputRequestsAreTheBytesOfTheirJsonObjects() {
        long id = 0;
        for (Input input : ProtocolSamples.inputs(5000)) {
            Request request = new Request.Apply(id, input);
            assertEquals(treeLine(JsonFields.line(request.encode())), written(LineEncoder.line(request)), input::toString);
            id = id * 3 + 7;
        }
        Request last = new Request.Apply(Long.MAX_VALUE, new invs.spec.Tick());
        assertEquals(treeLine(JsonFields.line(last.encode())), written(LineEncoder.line(last)));
    }

    @Test
    void observationRepliesAreTheBytesOfTheirJsonObjects() {
        long id = 0;
        for (Observation observation : ProtocolSamples.observations(5000)) {
            Reply reply = new Reply.Answer(id, observation);
            assertEquals(treeLine(JsonFields.line(reply.encode())), written(LineEncoder.line(reply)), observation::toString);
            id = id * 3 + 7;
        }
    }

    @Test
    void otherMessagesGoThroughTheirJsonObjectsWithAnyText() {
        List<Request> requests = List.of(new Request.Hello(1, 1, "clïent \"quoted\"\n\u0001 ✓"),
                new Request.Reset(2, Configuration.defaults(Profile.TOCK)), new Request.Bye(3));
        for (Request request : requests) {
            assertEquals(treeLine(JsonFields.line(request.encode())), written(LineEncoder.line(request)));
        }
        List<Reply> replies = List.of(new Reply.Hello(1, 1, "sérver", EnumSet.allOf(Capability.class), Option.some(Profile.DOC), 8),
                new Reply.Ready(2), new Reply.Unsupported(3, "no\ttabs"), new Reply.Goodbye(4),
                new Reply.Error(0, "bad \u001b[31m line\u2028"));
        for (Reply reply : replies) {
            assertEquals(treeLine(JsonFields.line(reply.encode())), written(LineEncoder.line(reply)));
        }
    }

    @Test
    void resetRequestsAreTheBytesOfTheirJsonObjectsWhetherTheBoardWasSentBeforeOrNot() {
        List<Configuration> boards = new ArrayList<>();
        StandardConfigurations.all().forEach(board -> boards.add(board.configuration()));
        for (Profile profile : Profile.values()) {
            BoardGenerator generator = new BoardGenerator(profile);
            for (long seed = 0; seed < 30; seed++) {
                boards.add(generator.draw(seed).configuration());
            }
        }
        LineEncoder lines = new LineEncoder();
        long id = 1;
        for (int round = 0; round < 2; round++) { // more boards than are kept: each pushed out before its next round
            for (Configuration board : boards) {
                for (int again = 0; again < 2; again++) { // made, then kept
                    Request reset = new Request.Reset(id++, board);
                    lines.clear();
                    lines.add(reset);
                    assertEquals(treeLine(JsonFields.line(reset.encode())), written(lines.toByteArray()), board::toString);
                }
            }
        }
    }

    @Test
    void anEncoderKeptAcrossBatchesWritesEachBatchAfresh() throws IOException {
        LineEncoder lines = new LineEncoder();
        List<Input> inputs = ProtocolSamples.inputs(300);
        for (int from = 0; from < inputs.size(); from += 64) {
            lines.clear();
            StringBuilder expected = new StringBuilder();
            List<Request> batch = new ArrayList<>();
            for (Input input : inputs.subList(from, Math.min(inputs.size(), from + 64))) {
                batch.add(new Request.Apply(from, input));
            }
            for (Request request : batch) {
                lines.add(request);
                expected.append(treeLine(JsonFields.line(request.encode())));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            lines.writeTo(out);
            assertEquals(expected.toString(), out.toString(StandardCharsets.UTF_8));
            assertEquals(out.size(), lines.size());
        }
    }

    private static String treeLine(String json) {
        return json + "\n";
    }

    private static String written(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }
}
