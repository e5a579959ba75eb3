package invs.fuzz.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.trace.Utf8Text;
import invs.spec.Input;
import invs.spec.Observation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Input requests and observation replies read straight from their bytes are the messages their JSON trees
 * hold; lines the streaming reading does not vouch for are left to the tree decoding, so that mangled lines
 * decode, or fail with the same message, either way.
 */
class LineDecoderTest {
    private static final String[] SNIPPETS = {"", "{", "}", "[", "]", "\"", ":", ",", " ", "\t", "0", "1", "-", "-1",
            "1.0", "1e3", "00", "-0", "99999999999999999999", "4294967296", "2147483648", "-2147483649", "null", "true",
            "\"x\"", "\"0x10\"", "\"7\"", "{}", "[]", "\\", "\\u0041", "\\n", "é", "\u0000", "\uFEFF", "\u0001",
            "\"kind\":\"tick\"", "\"upcall\":null", "\"upcall\":{}", "\"id\":1", "\"type\":\"observation\"",
            "\"type\":\"input\"", "\"buffer\":\"0\"", "\"buffer\":\"zz\"", "\"buffer\":\"AbCd\"", "\"code\":\"BUSY\"",
            "\"code\":\"busy\"", "\"app\":5", "\"number\":2", "\"arg1\":4294967295", "\"data\":\"\"", "\"extra\":[1,{\"a\":2}]"};

    @Test
    void everyInputRequestIsReadStraightFromItsBytes() {
        long id = 1;
        for (Input input : ProtocolSamples.inputs(3000)) {
            Request.Apply request = new Request.Apply(id++, input);
            byte[] line = withoutLineFeed(LineEncoder.line(request));
            assertEquals(request, LineDecoder.apply(line), input::toString);
            assertNull(LineDecoder.answer(line), "an input request is no observation reply");
        }
    }

    @Test
    void everyObservationReplyIsReadStraightFromItsBytes() {
        long id = 1;
        for (Observation observation : ProtocolSamples.observations(3000)) {
            Reply.Answer reply = new Reply.Answer(id++, observation);
            byte[] line = withoutLineFeed(LineEncoder.line(reply));
            assertEquals(reply, LineDecoder.answer(line), observation::toString);
            assertEquals(reply, Reply.decode(line));
            assertNull(LineDecoder.apply(line), "an observation reply is no input request");
        }
    }

    @Test
    void otherSpellingsOfTheSameMessagesAreReadStraightAndTheSame() {
        List<String> replies = List.of(
                " { \"id\" : 4 , \"observation\" : { \"buffer\" : \"00FF\" , \"upcall\" : null , \"kind\" : \"yielded\" } ,"
                        + "\t\"type\"\r:\n\"observation\" } ",
                "{\"type\":\"observation\",\"id\":-0,\"observation\":{\"kind\":\"failure\",\"code\":\"BUSY\"}}",
                "{\"type\":\"observation\",\"id\":1,\"observation\":{\"kind\":\"success\",\"code\":\"FAIL\",\"buffer\":\"\"}}",
                "{\"type\":\"observation\",\"id\":9223372036854775807,\"observation\":{\"kind\":\"yielded\","
                        + "\"upcall\":{\"arg2\":-9223372036854775808,\"arg1\":1,\"status\":0,\"number\":2},"
                        + "\"buffer\":\"\"}}");
        for (String text : replies) {
            byte[] line = text.getBytes(StandardCharsets.US_ASCII);
            assertNotNull(LineDecoder.answer(line), text);
            assertEquals(Reply.decode(text), LineDecoder.answer(line), text);
        }
        List<String> requests = List.of(
                "{ \"input\" : {\"arg2\":0, \"arg1\":4294967295, \"number\":-2147483648, \"app\":3, \"kind\":\"command\"},"
                        + " \"id\" : 12, \"type\" : \"input\" }",
                "{\"type\":\"input\",\"id\":1,\"input\":{\"kind\":\"allow-ro\",\"app\":0,\"number\":0,\"data\":\"aBcD\","
                        + "\"length\":7}}",
                "{\"type\":\"input\",\"id\":2,\"input\":{\"kind\":\"tick\",\"app\":4}}");
        for (String text : requests) {
            byte[] line = text.getBytes(StandardCharsets.US_ASCII);
            assertNotNull(LineDecoder.apply(line), text);
            assertEquals(Request.decode(text), LineDecoder.apply(line), text);
        }
    }

    @Test
    void linesItDoesNotVouchForAreLeftToTheTreeDecoding() {
        String answer = "{\"type\":\"observation\",\"id\":3,\"observation\":{\"kind\":\"failure\",\"code\":\"BUSY\"}}";
        List<String> replies = List.of("", "   ", "ready", "[]", "{\"type\":\"ready\",\"id\":3}",
                "{\"type\":\"error\",\"id\":3,\"message\":\"x\"}",
                answer.replace("BUSY", "WAT"), answer.replace("BUSY", "BUSÿ"), answer.replace("\"id\":3", "\"id\":\"3\""),
                answer.replace("\"id\":3", "\"id\":-1"), answer.replace("\"id\":3", "\"id\":3.0"),
                answer.replace("\"id\":3", "\"id\":99999999999999999999"), answer.replace("\"id\":3,", ""),
                answer.replace("\"id\":3", "\"id\":3,\"id\":3"), answer.replace("{\"kind", "{\"kind\":\"quiet\",\"kind"),
                answer + " x", answer + "{}", "\uFEFF" + answer, answer.replace("BUSY", "BU\u0000SY"),
                answer.replace("\"type\"", "type"), answer.replace("failure", "success\",\"kind\":\"quiet"),
                answer.replace("\"code\":\"BUSY\"", "\"code\":null"),
                answer.replace("observation\",", "observ\\u0061tion\","), answer.replace("}}", ",\"note\":1}}"),
                answer.replace("}}", "},\"extra\":[{}]}"), answer.replace("\"id\":3", "\"id\":03"),
                answer.replace("\"id\":3", "\"id\":3e0"),
                "{\"type\":\"observation\",\"id\":1,\"observation\":{\"kind\":\"yielded\",\"buffer\":\"\"}}",
                "{\"type\":\"observation\",\"id\":1,\"observation\":{\"kind\":\"yielded\",\"upcall\":null,\"buffer\":\"0\"}}",
                "{\"type\":\"observation\",\"id\":1,\"observation\":{\"kind\":\"yielded\",\"upcall\":5,\"buffer\":\"\"}}",
                "{\"type\":\"observation\",\"id\":1,\"observation\":{\"kind\":\"yielded\",\"upcall\":{\"number\":\"0x1\","
                        + "\"status\":0,\"arg1\":0,\"arg2\":0},\"buffer\":\"\"}}",
                "{\"type\":\"observation\",\"id\":1,\"observation\":{\"kind\":\"yielded\",\"upcall\":{\"number\":2147483648,"
                        + "\"status\":0,\"arg1\":0,\"arg2\":0},\"buffer\":\"\"}}",
                "{\"type\":\"observation\",\"id\":1,\"observation\":\"success\"}",
                "{\"type\":\"observation\",\"id\":1,\"observation\":{\"kind\":\"success\",\"buffer\":7}}");
        for (String text : replies) {
            assertNull(LineDecoder.answer(text.getBytes(StandardCharsets.UTF_8)), text);
        }
        String command = "{\"type\":\"input\",\"id\":3,\"input\":{\"kind\":\"command\",\"app\":0,\"number\":1,\"arg1\":0,\"arg2\":0}}";
        List<String> requests = List.of(command.replace("\"arg1\":0", "\"arg1\":4294967296"),
                command.replace("\"arg1\":0", "\"arg1\":-1"), command.replace("\"arg1\":0", "\"arg1\":\"0x10\""),
                command.replace("\"app\":0", "\"app\":-1"), command.replace("\"app\":0", "\"app\":2147483648"),
                command.replace("\"number\":1", "\"number\":2147483648"), command.replace(",\"arg2\":0", ""),
                command.replace("command", "teleport"), command.replace("\"type\":\"input\"", "\"type\":\"hello\""),
                command.replace("\"app\":0", "\"app\":0,\"app\":0"), command.replace("\"app\":0", "\"app\":null"),
                "{\"type\":\"input\",\"id\":1,\"input\":{\"kind\":\"allow-ro\",\"app\":0,\"number\":0,\"data\":\"abc\"}}",
                "{\"type\":\"input\",\"id\":1,\"input\":{\"kind\":\"allow-rw\",\"app\":0,\"number\":0,\"length\":-4}}",
                "{\"type\":\"input\",\"id\":1,\"input\":{\"kind\":\"reboot\"}}",
                command.replace("\"arg2\":0", "\"arg2\":0,\"note\":\"x\""), command.replace("command", "comm\\u0061nd"), "{\"type\":\"input\",\"id\":1,\"input\":[]}",
                "{\"type\":\"bye\",\"id\":1}");
        for (String text : requests) {
            assertNull(LineDecoder.apply(text.getBytes(StandardCharsets.UTF_8)), text);
        }
    }

    @Test
    void mangledRepliesDecodeOrFailTheSameFromTheirBytesAsFromTheirText() {
        List<byte[]> seeds = replyLines(30);
        int vouched = agreeOnMangledLines(seeds, line -> outcome(() -> Reply.decode(line)),
                line -> outcome(() -> Reply.decode(Utf8Text.decode(line))), line -> LineDecoder.answer(line) != null);
        assertTrue(vouched > 500, "the mangled lines include valid observations: " + vouched);
    }

    @Test
    void mangledRequestsReadStraightAreWhatTheirTextHolds() {
        List<byte[]> seeds = new ArrayList<>();
        long id = 1;
        for (Input input : ProtocolSamples.inputs(30)) {
            seeds.add(withoutLineFeed(LineEncoder.line(new Request.Apply(id++, input))));
        }
        int vouched = agreeOnMangledLines(seeds, line -> {
            Request fast = LineDecoder.apply(line);
            return fast == null ? "not vouched for" : fast;
        }, line -> {
            if (LineDecoder.apply(line) == null) {
                return "not vouched for";
            }
            return outcome(() -> Request.decode(Utf8Text.decode(line)));
        }, line -> LineDecoder.apply(line) != null);
        assertTrue(vouched > 500, "the mangled lines include valid requests: " + vouched);
    }

    /**
     * Mangles each seed line many times (bytes and snippets replaced, deleted, repeated) and checks that
     * {@code fast} and {@code slow} agree on every mangled line; returns how many were vouched for.
     */
    static int agreeOnMangledLines(List<byte[]> seeds, Function<byte[], Object> fast, Function<byte[], Object> slow,
                                           Predicate<byte[]> isVouched) {
        Random draw = new Random(0x50004);
        int vouched = 0;
        int mangled = 0;
        for (int round = 0; round < 12_000; round++) {
            byte[] seed = seeds.get(draw.nextInt(seeds.size()));
            int changes = 1 + draw.nextInt(3);
            for (int change = 0; change < changes; change++) {
                seed = mangle(seed, draw);
            }
            byte[] line = seed;
            Object expected = slow.apply(line);
            Object actual = fast.apply(line);
            assertEquals(expected, actual, () -> new String(line, StandardCharsets.UTF_8));
            if (isVouched.test(line)) {
                vouched++;
            } else {
                mangled++;
            }
        }
        assertTrue(mangled > 500, "the mangled lines include lines not vouched for: " + mangled);
        return vouched;
    }

    private static byte[] mangle(byte[] line, Random draw) {
        int at = draw.nextInt(line.length + 1);
        int span = Math.min(line.length - at, draw.nextInt(5));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(line, 0, at);
        int rest = at + span;
        switch (draw.nextInt(4)) {
            case 0 -> out.writeBytes(SNIPPETS[draw.nextInt(SNIPPETS.length)].getBytes(StandardCharsets.UTF_8));
            case 1 -> out.write(draw.nextInt(256));
            case 2 -> rest = at - span; // the span before the place, twice
            default -> {
                // the span is deleted
            }
        }
        rest = Math.max(0, rest);
        out.write(line, rest, line.length - rest);
        return out.toByteArray();
    }

    /** What {@code decode} returns, or the class and message of what it throws. */
    static Object outcome(Supplier<Object> decode) {
        try {
            return decode.get();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** The lines, without their line feeds, of replies answering {@code count} sample observations. */
    static List<byte[]> replyLines(int count) {
        List<byte[]> lines = new ArrayList<>();
        long id = 1;
        for (Observation observation : ProtocolSamples.observations(count)) {
            lines.add(withoutLineFeed(LineEncoder.line(new Reply.Answer(id++, observation))));
        }
        return lines;
    }

    static byte[] withoutLineFeed(byte[] line) {
        assertEquals('\n', line[line.length - 1]);
        return Arrays.copyOf(line, line.length - 1);
    }
}
