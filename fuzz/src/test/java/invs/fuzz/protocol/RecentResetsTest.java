package invs.fuzz.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import invs.conformance.board.BoardGenerator;
import invs.conformance.board.NamedConfiguration;
import invs.conformance.board.StandardConfigurations;
import invs.conformance.reference.ReferenceProvider;
import invs.conformance.sut.Capability;
import invs.spec.Configuration;
import invs.spec.Profile;
import io.vavr.collection.Vector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A server decodes a board it was reset to lately once, and recalls it only for lines of the form invs writes. */
class RecentResetsTest {
    private static final Configuration BOARD = Configuration.defaults(Profile.TOCK);

    @Test
    void aResetLineInvsWroteIsRecalledWithItsOwnIdOnceDecoded() {
        RecentResets resets = new RecentResets();
        assertNull(resets.recalled(line(new Request.Reset(1, BOARD))), "nothing is kept before a line is decoded");
        keepDecoded(resets, new Request.Reset(1, BOARD));
        for (long id : new long[]{0, 2, 9, 10, 123_456_789_012_345_678L}) {
            assertEquals(new Request.Reset(id, BOARD), resets.recalled(line(new Request.Reset(id, BOARD))));
        }
        assertNull(resets.recalled(line(new Request.Reset(2, Configuration.defaults(Profile.DOC)))), "another board");
    }

    @Test
    void everyStandardAndGeneratedBoardIsRecalledAsItDecodes() {
        RecentResets resets = new RecentResets();
        Vector<Configuration> boards = StandardConfigurations.all().map(NamedConfiguration::configuration)
                .appendAll(Vector.range(0, 40).map(seed -> new BoardGenerator(Profile.TOCK).draw(seed).configuration()));
        long id = 1;
        for (Configuration board : boards) {
            Request.Reset reset = new Request.Reset(id++, board);
            keepDecoded(resets, reset);
            Request.Reset again = new Request.Reset(id++, board);
            assertEquals(Request.decode(new String(line(again), StandardCharsets.UTF_8)), resets.recalled(line(again)),
                    board::toString);
        }
    }

    @Test
    void linesOfAnyOtherFormAreNotLookedUp() {
        RecentResets resets = new RecentResets();
        keepDecoded(resets, new Request.Reset(1, BOARD));
        String written = new String(line(new Request.Reset(7, BOARD)), StandardCharsets.UTF_8);
        String object = written.substring(written.indexOf("\"configuration\":") + "\"configuration\":".length(),
                written.length() - 1);
        List<String> others = List.of(
                "{\"type\":\"reset\",\"id\":7,\"configuration\":" + object + ",\"id\":8}", // a field after it
                "{\"type\":\"reset\",\"id\":07,\"configuration\":" + object + "}", // not a JSON integer
                "{\"type\":\"reset\",\"id\":1234567890123456789,\"configuration\":" + object + "}", // 19 digits
                "{\"type\":\"reset\",\"id\":-7,\"configuration\":" + object + "}",
                "{\"type\":\"reset\",\"id\":\"7\",\"configuration\":" + object + "}",
                "{\"type\":\"reset\", \"id\":7,\"configuration\":" + object + "}",
                "{\"type\":\"reset\",\"id\":7,\"configuration\":" + object + " }",
                "{\"id\":7,\"type\":\"reset\",\"configuration\":" + object + "}",
                "{\"type\":\"reset\",\"id\":7,\"configuration\":" + object,
                "{\"type\":\"reset\",\"id\":7,\"configuration\":}",
                "{\"type\":\"reset\",\"id\":7,\"configuration\":" + object.substring(0, object.length() - 1) + "}");
        for (String other : others) {
            assertNull(resets.recalled(other.getBytes(StandardCharsets.UTF_8)), other);
        }
        // the object kept, quoted braces and all, is still recalled from a line of the form looked up
        assertEquals(new Request.Reset(7, BOARD), resets.recalled(written.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aHugeConfigurationObjectIsNotKept() {
        RecentResets resets = new RecentResets();
        String object = "{\"padding\":\"" + "x".repeat(RecentResets.MAX_OBJECT) + "\"}";
        byte[] line = ("{\"type\":\"reset\",\"id\":3,\"configuration\":" + object + "}").getBytes(StandardCharsets.UTF_8);
        resets.keep(line, new Request.Reset(3, BOARD));
        assertEquals(0, resets.size());
        assertNull(resets.recalled(line));
    }

    @Test
    void theLastSixteenBoardsAreKept() {
        RecentResets resets = new RecentResets();
        Vector<Configuration> boards = Vector.range(0, RecentResets.KEPT + 1)
                .map(length -> BOARD.withStorageLength(BOARD.storageLength() + length * BOARD.regionSize()));
        boards.forEach(board -> keepDecoded(resets, new Request.Reset(1, board)));
        assertEquals(RecentResets.KEPT, resets.size());
        assertNull(resets.recalled(line(new Request.Reset(2, boards.head()))), "the board used longest ago is gone");
        assertEquals(new Request.Reset(2, boards.last()), resets.recalled(line(new Request.Reset(2, boards.last()))));
    }

    @Test
    void aServerAnswersARecalledResetAsItAnswersADecodedOne() {
        Configuration refused = BOARD.withStorageLength(0xFFFF_FFFFL);
        List<Request> requests = List.of(new Request.Reset(1, BOARD), new Request.Reset(2, BOARD),
                new Request.Reset(3, refused), new Request.Reset(4, refused), new Request.Bye(5));
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        requests.forEach(request -> in.writeBytes(LineEncoder.line(request)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ProtocolServer("recalling", new ReferenceProvider(), EnumSet.allOf(Capability.class))
                .serve(new ByteArrayInputStream(in.toByteArray()), out);
        List<Reply> replies = out.toString(StandardCharsets.UTF_8).lines().map(Reply::decode).toList();
        assertEquals(new Reply.Ready(1), replies.get(0));
        assertEquals(new Reply.Ready(2), replies.get(1));
        assertInstanceOf(Reply.Unsupported.class, replies.get(2));
        assertEquals(replies.get(2), new Reply.Unsupported(3, ((Reply.Unsupported) replies.get(3)).reason()));
        assertEquals(4, replies.get(3).id());
    }

    /** Decodes {@code reset}'s line through its JSON tree, as a server does the first time, and keeps it. */
    private static void keepDecoded(RecentResets resets, Request.Reset reset) {
        byte[] line = line(reset);
        resets.keep(line, (Request.Reset) Request.decode(new String(line, StandardCharsets.UTF_8)));
    }

    /** The bytes of {@code request}'s line as invs writes it, without its line feed. */
    private static byte[] line(Request request) {
        byte[] line = LineEncoder.line(request);
        return java.util.Arrays.copyOf(line, line.length - 1);
    }
}
