package invs.fuzz.protocol;

import invs.spec.Profile;
import io.vavr.control.Option;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import invs.conformance.sut.Capability;
import invs.conformance.trace.ObservationCodec;
import invs.conformance.trace.TraceFormatException;
import invs.conformance.trace.Utf8Text;
import invs.spec.Bytes;
import invs.spec.Observation;
import invs.spec.Upcall;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A reply of the out-of-process protocol ({@code docs/protocol.md}): one JSON object on one line, written
 * by the server on its standard output, carrying the id of the request it answers.
 */
public sealed interface Reply {

    /** The id of the request this reply answers (0 when the request could not be read). */
    long id();

    /** The reply as a JSON object. */
    ObjectNode encode();

    /**
     * The answer to {@link Request.Hello}.
     *
     * @param id           the request id
     * @param protocol     the protocol version the server speaks
     * @param server       the server's name and version
     * @param capabilities the environment events the server supports
     * @param profile      the one reading of the driver document the server implements, if it announces one
     * @param pipelining   the most requests the server accepts before it has answered the first of them: 1
     *                     (strictly one request, then its reply) unless it announces more
     * @param sameBuffer   whether the server leaves out a yield's buffer that its app showed last
     *                     ({@link SameBuffer}), as the client asked (the {@code same-buffer} extension)
     */
    record Hello(long id, int protocol, String server, Set<Capability> capabilities, Option<Profile> profile,
                 int pipelining, boolean sameBuffer) implements Reply {
        /** Checks the window. */
        public Hello {
            if (pipelining < 1) {
                throw new IllegalArgumentException("a pipelining window is at least 1: " + pipelining);
            }
        }

        /** A hello that uses no extension. */
        public Hello(long id, int protocol, String server, Set<Capability> capabilities, Option<Profile> profile,
                     int pipelining) {
            this(id, protocol, server, capabilities, profile, pipelining, false);
        }

        /** A hello that announces no pipelining. */
        public Hello(long id, int protocol, String server, Set<Capability> capabilities, Option<Profile> profile) {
            this(id, protocol, server, capabilities, profile, 1);
        }

        /** A hello that announces no reading and no pipelining. */
        public Hello(long id, int protocol, String server, Set<Capability> capabilities) {
            this(id, protocol, server, capabilities, Option.none());
        }

        @Override
        public ObjectNode encode() {
            ObjectNode node = header("hello", id).put("protocol", protocol).put("server", server);
            ArrayNode names = node.putArray("capabilities");
            capabilities.forEach(capability -> names.add(name(capability)));
            profile.forEach(reading -> node.put("profile", reading.name().toLowerCase(Locale.ROOT)));
            if (pipelining > 1) {
                node.put("pipelining", pipelining);
            }
            Extensions.write(node, sameBuffer);
            return node;
        }
    }

    /**
     * The answer to {@link Request.Reset}: the board is fresh and ready for inputs.
     *
     * @param id the request id
     */
    record Ready(long id) implements Reply {
        @Override
        public ObjectNode encode() {
            return header("ready", id);
        }
    }

    /**
     * The answer to {@link Request.Reset} for a configuration the server cannot build.
     *
     * @param id     the request id
     * @param reason why, for people
     */
    record Unsupported(long id, String reason) implements Reply {
        @Override
        public ObjectNode encode() {
            return header("unsupported", id).put("reason", reason);
        }
    }

    /**
     * The answer to {@link Request.Apply}: what the implementation showed.
     *
     * @param id          the request id
     * @param observation the observation
     */
    record Answer(long id, Observation observation) implements Reply {
        @Override
        public ObjectNode encode() {
            ObjectNode node = header("observation", id);
            node.set("observation", ObservationCodec.encode(observation));
            return node;
        }
    }

    /**
     * The answer to a {@link Request.Apply} of a yield that shows the buffer its app showed in the last reply
     * to one of its yields since the last reset, left out: {@code "buffer":null} (the {@code same-buffer}
     * extension, {@link ShownBuffers}). Only a server and a client that both named the extension in their
     * hello messages use it; invs puts the buffer back before anything else sees the answer.
     *
     * @param id     the request id
     * @param upcall the upcall that ran, if any
     */
    record SameBuffer(long id, Option<Upcall> upcall) implements Reply {
        @Override
        public ObjectNode encode() {
            ObjectNode node = header("observation", id);
            ObjectNode observation = ObservationCodec.encode(new Observation.Yielded(upcall, Bytes.empty()));
            observation.putNull("buffer");
            node.set("observation", observation);
            return node;
        }

        /** The answer this reply stands for, {@code buffer} being what its app showed last. */
        public Answer showing(Bytes buffer) {
            return new Answer(id, new Observation.Yielded(upcall, buffer));
        }
    }

    /**
     * The answer to {@link Request.Bye}; the server exits after writing it.
     *
     * @param id the request id
     */
    record Goodbye(long id) implements Reply {
        @Override
        public ObjectNode encode() {
            return header("bye", id);
        }
    }

    /**
     * The server could not handle a request.
     *
     * @param id      the request id, 0 if the request could not be read
     * @param message what went wrong, for people
     */
    record Error(long id, String message) implements Reply {
        @Override
        public ObjectNode encode() {
            return header("error", id).put("message", message);
        }
    }

    /** The reading a hello announces in its optional {@code profile} field: {@code "doc"} or {@code "tock"}. */
    private static Option<Profile> profile(JsonNode node) {
        if (!node.hasNonNull("profile")) {
            return Option.none();
        }
        String name = JsonFields.text(node, "profile");
        return Option.some(switch (name) {
            case "doc" -> Profile.DOC;
            case "tock" -> Profile.TOCK;
            default -> throw new TraceFormatException("profile", "unknown profile " + Utf8Text.quoted(name) + " (doc or tock)");
        });
    }

    /**
     * The reply the bytes of a line hold: an observation read straight from the bytes when the line is in
     * the plain form ({@link PlainReply}) or {@link LineDecoder} vouches for it, a {@code ready} reply
     * when the line is in the plain form, any other reply through its text and JSON tree.
     *
     * @throws TraceFormatException naming the field that is wrong, or the byte that is not valid UTF-8
     */
    static Reply decode(byte[] line) {
        Reply answer = PlainReply.answer(line);
        if (answer == null) {
            answer = LineDecoder.answer(line);
        }
        if (answer == null) {
            answer = PlainReply.ready(line);
        }
        return answer != null ? answer : decode(Utf8Text.decode(line));
    }

    /** The reply a line holds. @throws TraceFormatException naming the field that is wrong */
    static Reply decode(String line) {
        JsonNode node = JsonFields.parse(line);
        String type = JsonFields.text(node, "type");
        long id = JsonFields.integer(node, "id", 0, Long.MAX_VALUE);
        return switch (type) {
            case "hello" -> new Hello(id, (int) JsonFields.integer(node, "protocol", 0, Integer.MAX_VALUE),
                    node.hasNonNull("server") ? JsonFields.text(node, "server") : "", capabilities(node), profile(node),
                    node.hasNonNull("pipelining") ? (int) JsonFields.integer(node, "pipelining", 1, Integer.MAX_VALUE) : 1,
                    Extensions.sameBuffer(node));
            case "ready" -> new Ready(id);
            case "unsupported" -> new Unsupported(id, node.hasNonNull("reason") ? JsonFields.text(node, "reason") : "");
            case "observation" -> {
                JsonNode observation = JsonFields.field(node, "observation"); // named once when missing
                yield leavesBufferOut(observation)
                        ? new SameBuffer(id, JsonFields.inside("observation", () -> upcallOf(observation)))
                        : new Answer(id, JsonFields.inside("observation", () -> ObservationCodec.decode(observation)));
            }
            case "bye" -> new Goodbye(id);
            case "error" -> new Error(id, node.hasNonNull("message") ? JsonFields.text(node, "message") : "");
            default -> throw new TraceFormatException("type", "unknown reply type " + Utf8Text.quoted(type)
                    + " (expected hello, ready, unsupported, observation, bye or error)");
        };
    }

    /** Whether {@code observation} is a yield's whose buffer is {@code null}: left out, the same as last. */
    private static boolean leavesBufferOut(JsonNode observation) {
        return observation.isObject() && "yielded".equals(observation.path("kind").textValue())
                && observation.has("buffer") && observation.get("buffer").isNull();
    }

    /** The upcall of a yield's observation whose buffer is left out, read as with any buffer. */
    private static Option<Upcall> upcallOf(JsonNode observation) {
        ObjectNode withBuffer = ((ObjectNode) observation).deepCopy().put("buffer", "");
        return ((Observation.Yielded) ObservationCodec.decode(withBuffer)).upcall();
    }

    /** The protocol name of {@code capability}, for example {@code torn-reboot}. */
    static String name(Capability capability) {
        return capability.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Set<Capability> capabilities(JsonNode node) {
        JsonNode names = JsonFields.field(node, "capabilities");
        if (!names.isArray()) {
            throw new TraceFormatException("capabilities", "expected an array of names");
        }
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        for (int index = 0; index < names.size(); index++) {
            String name = names.get(index).asText();
            Capability capability = EnumSet.allOf(Capability.class).stream()
                    .filter(candidate -> name(candidate).equals(name)).findFirst()
                    .orElseThrow(() -> new TraceFormatException("capabilities", "unknown capability " + Utf8Text.quoted(name)
                            + " (expected tick, drain, reboot, torn-reboot, restart or flash-fault)"));
            capabilities.add(capability);
        }
        return capabilities;
    }

    private static ObjectNode header(String type, long id) {
        return JsonFields.object().put("type", type).put("id", id);
    }
}
