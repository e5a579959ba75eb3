package invs.fuzz.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import invs.conformance.trace.ConfigurationCodec;
import invs.conformance.trace.InputCodec;
import invs.conformance.trace.TraceFormatException;
import invs.conformance.trace.Utf8Text;
import invs.spec.Configuration;
import invs.spec.Input;

/**
 * A request of the out-of-process protocol ({@code docs/protocol.md}): one JSON object on one line, sent
 * by invs on the server's standard input. Every request carries an {@code id} the reply repeats.
 */
public sealed interface Request {

    /** The request's id: 1 for the first request to a server process, then increasing by one. */
    long id();

    /** The request as a JSON object. */
    ObjectNode encode();

    /** A short description for reports, for example {@code request 7 (input app0 yield)}. */
    String describe();

    /**
     * The first request: which protocol version the client speaks.
     *
     * @param id       the request id
     * @param protocol the protocol version
     * @param client   the client's name and version
     * @param sameBuffer whether the client reads a yield's buffer left out as the one its app showed last
     *                   (the {@code same-buffer} extension, asked for in the field {@code extensions})
     */
    record Hello(long id, int protocol, String client, boolean sameBuffer) implements Request {
        /** A hello that asks for no extension. */
        public Hello(long id, int protocol, String client) {
            this(id, protocol, client, false);
        }

        @Override
        public ObjectNode encode() {
            ObjectNode node = header("hello", id).put("protocol", protocol).put("client", client);
            Extensions.write(node, sameBuffer);
            return node;
        }

        @Override
        public String describe() {
            return "request " + id + " (hello)";
        }
    }

    /**
     * Start over on a fresh board of {@code configuration} in its power-on state.
     *
     * @param id            the request id
     * @param configuration the board and apps
     */
    record Reset(long id, Configuration configuration) implements Request {
        @Override
        public ObjectNode encode() {
            ObjectNode node = header("reset", id);
            node.set("configuration", ConfigurationCodec.encode(configuration));
            return node;
        }

        @Override
        public String describe() {
            return "request " + id + " (reset)";
        }
    }

    /**
     * Apply one input and answer with its observation.
     *
     * @param id    the request id
     * @param input the system call or event
     */
    record Apply(long id, Input input) implements Request {
        @Override
        public ObjectNode encode() {
            ObjectNode node = header("input", id);
            node.set("input", InputCodec.encode(input));
            return node;
        }

        @Override
        public String describe() {
            return "request " + id + " (input " + input + ")";
        }
    }

    /**
     * The client is done: the server answers and exits.
     *
     * @param id the request id
     */
    record Bye(long id) implements Request {
        @Override
        public ObjectNode encode() {
            return header("bye", id);
        }

        @Override
        public String describe() {
            return "request " + id + " (bye)";
        }
    }

    /** The request a line holds. @throws TraceFormatException naming the field that is wrong */
    static Request decode(String line) {
        JsonNode node = JsonFields.parse(line);
        long id = JsonFields.integer(node, "id", 0, Long.MAX_VALUE);
        String type = JsonFields.text(node, "type");
        return switch (type) {
            case "hello" -> new Hello(id, (int) JsonFields.integer(node, "protocol", 0, Integer.MAX_VALUE),
                    node.hasNonNull("client") ? JsonFields.text(node, "client") : "",
                    Extensions.sameBuffer(node));
            case "reset" -> {
                JsonNode configuration = JsonFields.field(node, "configuration"); // named once when missing
                yield new Reset(id, JsonFields.inside("configuration", () -> ConfigurationCodec.decode(configuration)));
            }
            case "input" -> {
                JsonNode input = JsonFields.field(node, "input");
                yield new Apply(id, JsonFields.inside("input", () -> InputCodec.decode(input)));
            }
            case "bye" -> new Bye(id);
            default -> throw new TraceFormatException("type", "unknown request type " + Utf8Text.quoted(type)
                    + " (expected hello, reset, input or bye)");
        };
    }

    private static ObjectNode header(String type, long id) {
        return JsonFields.object().put("type", type).put("id", id);
    }
}
