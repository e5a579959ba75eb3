package invs.fuzz.protocol;

import invs.conformance.trace.TraceFormatException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.Set;

/**
 * The extensions of protocol version 1 that both sides use only once both name them in the optional field
 * {@code extensions} of their {@code hello} messages ({@code docs/protocol.md}, section 8): invs asks for
 * the ones it reads, the server answers with those it will use. A name either side does not know is ignored.
 */
final class Extensions {
    /**
     * {@code same-buffer}: a yield's reply may give its buffer as {@code null}, standing for the buffer its
     * app showed in the last reply to one of its yields since the last reset ({@link ShownBuffers}).
     */
    static final String SAME_BUFFER = "same-buffer";

    private Extensions() {
    }

    /** Adds to {@code hello} the field {@code extensions} naming {@code same-buffer}, when {@code sameBuffer}. */
    static void write(ObjectNode hello, boolean sameBuffer) {
        if (sameBuffer) {
            hello.putArray("extensions").add(SAME_BUFFER);
        }
    }

    /**
     * Whether the field {@code extensions} of a hello message names {@code same-buffer}.
     *
     * @throws TraceFormatException when the field is not an array of strings
     */
    static boolean sameBuffer(JsonNode hello) {
        return named(hello).contains(SAME_BUFFER);
    }

    /**
     * The names in the field {@code extensions} of a hello message, none when it has no such field.
     *
     * @throws TraceFormatException when the field is not an array of strings
     */
    private static Set<String> named(JsonNode hello) {
        Set<String> names = new HashSet<>();
        if (!hello.hasNonNull("extensions")) {
            return names;
        }
        JsonNode list = hello.get("extensions");
        if (!list.isArray()) {
            throw new TraceFormatException("extensions", "expected an array of names");
        }
        for (JsonNode name : list) {
            if (!name.isTextual()) {
                throw new TraceFormatException("extensions", "expected an array of names");
            }
            names.add(name.textValue());
        }
        return names;
    }
}
