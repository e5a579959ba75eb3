package invs.conformance.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import invs.spec.Bytes;
import invs.spec.ErrorCode;
import invs.spec.Observation;
import invs.spec.Upcall;
import io.vavr.control.Option;

import java.util.HexFormat;

/**
 * The JSON encoding of an {@link Observation}: {@code {"kind":"success"}},
 * {@code {"kind":"failure","code":"BUSY"}}, {@code {"kind":"quiet"}}, or
 * {@code {"kind":"yielded","upcall":{"number":1,"status":0,"arg1":10,"arg2":0},"buffer":"00ff…"}} with
 * {@code "upcall":null} when no upcall ran. Shared by trace files, the command line and the
 * out-of-process protocol.
 */
public final class ObservationCodec {
    private ObservationCodec() {
    }

    /** The JSON object of {@code observation}. */
    public static ObjectNode encode(Observation observation) {
        ObjectNode node = Json.object();
        switch (observation) {
            case Observation.Success success -> node.put("kind", "success");
            case Observation.Failure(ErrorCode code) -> node.put("kind", "failure").put("code", code.name());
            case Observation.Quiet quiet -> node.put("kind", "quiet");
            case Observation.Yielded(Option<Upcall> upcall, Bytes buffer) -> {
                node.put("kind", "yielded");
                if (upcall.isDefined()) {
                    node.set("upcall", encodeUpcall(upcall.get()));
                } else {
                    node.putNull("upcall");
                }
                node.put("buffer", buffer.toHex());
            }
        }
        return node;
    }

    /** The JSON object of {@code upcall}. */
    public static ObjectNode encodeUpcall(Upcall upcall) {
        return Json.object().put("number", upcall.subscribeNumber()).put("status", upcall.status())
                .put("arg1", upcall.arg1()).put("arg2", upcall.arg2());
    }

    /** The observation {@code node} encodes. @throws TraceFormatException naming the field that is wrong */
    public static Observation decode(JsonNode node) {
        String kind = Json.text(node, "kind");
        return switch (kind) {
            case "success" -> Observation.success(); // one instance shared by every step: a long trace holds many
            case "quiet" -> Observation.quiet();
            case "failure" -> Observation.failure(code(Json.text(node, "code")));
            case "yielded" -> new Observation.Yielded(
                    Json.has(node, "upcall") ? Option.some(Json.inside("upcall", () -> decodeUpcall(node.get("upcall"))))
                            : checkedNone(node),
                    buffer(node));
            default -> throw new TraceFormatException("kind", "unknown observation kind " + Utf8Text.quoted(kind));
        };
    }

    /** The upcall {@code node} encodes. */
    public static Upcall decodeUpcall(JsonNode node) {
        return new Upcall(Json.strictInteger(node, "number", Integer.MIN_VALUE, Integer.MAX_VALUE, "a 32-bit integer"),
                Json.strictNumber(node, "status", Long.MIN_VALUE, Long.MAX_VALUE, "a 64-bit integer"),
                Json.strictNumber(node, "arg1", Long.MIN_VALUE, Long.MAX_VALUE, "a 64-bit integer"),
                Json.strictNumber(node, "arg2", Long.MIN_VALUE, Long.MAX_VALUE, "a 64-bit integer"));
    }

    private static Option<Upcall> checkedNone(JsonNode node) {
        Json.field(node, "upcall");
        return Option.none();
    }

    private static ErrorCode code(String name) {
        try {
            return ErrorCode.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new TraceFormatException("code", "unknown error code " + Utf8Text.quoted(name) + " (use a TRD104 name such as BUSY)");
        }
    }

    private static Bytes buffer(JsonNode node) {
        String hex = Json.text(node, "buffer");
        try {
            return Bytes.of(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new TraceFormatException("buffer", "expected hexadecimal bytes (two digits each)");
        }
    }
}
