package invs.fuzz.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.trace.Utf8Text;
import invs.spec.Observation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Replies in the plain form invs writes are read by comparison with it, and read as the other decodings read them. */
class PlainReplyTest {
    private static final Pattern LONG_NUMBER = Pattern.compile(":-?[0-9]{19}");

    @Test
    void everyReplyInvsWritesIsReadInThePlainFormUnlessItHasANumberOfMoreThan18Digits() {
        long id = 0;
        int plain = 0;
        for (Observation observation : ProtocolSamples.observations(5000)) {
            Reply.Answer reply = new Reply.Answer(id, observation);
            byte[] line = LineDecoderTest.withoutLineFeed(LineEncoder.line(reply));
            String text = new String(line, StandardCharsets.US_ASCII);
            if (LONG_NUMBER.matcher(text).find()) {
                assertNull(PlainReply.answer(line), text);
            } else {
                assertEquals(reply, PlainReply.answer(line), text);
                plain++;
            }
            id = (id * 3 + 7) % 1_000_000_000_000_000_000L;
        }
        assertTrue(plain > 2000, "half the samples have no number beyond 18 digits: " + plain);
        Reply.Answer last = new Reply.Answer(999_999_999_999_999_999L, Observation.quiet());
        assertEquals(last, PlainReply.answer(LineDecoderTest.withoutLineFeed(LineEncoder.line(last))));
    }

    @Test
    void otherSpellingsAreLeftToTheOtherDecodings() {
        String plain = "{\"type\":\"observation\",\"id\":3,\"observation\":{\"kind\":\"yielded\",\"upcall\":{\"number\":1,"
                + "\"status\":0,\"arg1\":4,\"arg2\":0},\"buffer\":\"c0ffee\"}}";
        assertEquals(Reply.decode(plain), PlainReply.answer(plain.getBytes(StandardCharsets.US_ASCII)));
        List<String> others = List.of(plain.replace("c0ffee", "C0FFEE"), plain.replace("\"id\":3", "\"id\":03"),
                plain.replace("\"id\":3", "\"id\":1000000000000000000"), plain.replace("\"arg1\":4", "\"arg1\":-0"),
                plain.replace("\"arg1\":4", "\"arg1\":-9223372036854775808"), plain.replace(",\"", ", \""),
                plain.replace("\"number\":1,\"status\":0", "\"status\":0,\"number\":1"), plain + " ",
                plain.replace("\"number\":1", "\"number\":2147483648"), plain.replace("c0ffee", "c0ffe"),
                plain.replace("}}", ",\"note\":1}}"), plain.replace("yielded", "success"),
                "{\"type\":\"observation\",\"id\":3,\"observation\":{\"kind\":\"failure\",\"code\":\"BUSSY\"}}",
                "{\"type\":\"observation\",\"id\":3,\"observation\":{\"kind\":\"failure\",\"code\":\"BUSY\"}}}");
        for (String other : others) {
            assertNull(PlainReply.answer(other.getBytes(StandardCharsets.UTF_8)), other);
        }
    }

    @Test
    void readyRepliesInThePlainFormAreReadAsTheTreeReadsThem() {
        for (long id : new long[]{0, 1, 42, 999_999_999_999_999_999L}) {
            byte[] line = LineDecoderTest.withoutLineFeed(LineEncoder.line(new Reply.Ready(id)));
            assertEquals(new Reply.Ready(id), PlainReply.ready(line));
            assertEquals(new Reply.Ready(id), Reply.decode(line));
        }
        String plain = "{\"type\":\"ready\",\"id\":7}";
        List<String> others = List.of(plain.replace(":7", ":07"), plain.replace(":7", ":-7"), plain + " ",
                plain.replace(",", ", "), plain.replace("7}", "7,\"note\":1}"), plain.replace(":7", ":1000000000000000000"),
                "{\"id\":7,\"type\":\"ready\"}", plain.replace("ready", "readY"), plain.replace("}", ""));
        for (String other : others) {
            assertNull(PlainReply.ready(other.getBytes(StandardCharsets.UTF_8)), other);
        }
        // every line one byte away from the plain form is read as the tree reads it, or left to the tree
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
        int read = 0;
        for (int at = 0; at < bytes.length; at++) {
            for (byte b : "{}\":,0179-ab ".getBytes(StandardCharsets.US_ASCII)) {
                byte[] mangled = bytes.clone();
                mangled[at] = b;
                Reply.Ready ready = PlainReply.ready(mangled);
                if (ready != null) {
                    assertEquals(Reply.decode(new String(mangled, StandardCharsets.US_ASCII)), ready, new String(mangled));
                    read++;
                }
            }
        }
        assertTrue(read > 3, "some mangled lines are still plain ready replies: " + read);
    }

    @Test
    void mangledRepliesInThePlainFormAreReadAsTheirTextHolds() {
        int plain = LineDecoderTest.agreeOnMangledLines(LineDecoderTest.replyLines(30), line -> {
            Reply read = PlainReply.answer(line);
            return read != null ? read : LineDecoderTest.outcome(() -> Reply.decode(Utf8Text.decode(line)));
        }, line -> LineDecoderTest.outcome(() -> Reply.decode(Utf8Text.decode(line))), line -> PlainReply.answer(line) != null);
        assertTrue(plain > 500, "the mangled lines include valid observations in the plain form: " + plain);
    }
}
