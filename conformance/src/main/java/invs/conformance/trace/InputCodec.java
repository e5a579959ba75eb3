package invs.conformance.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Drain;
import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Subscribe;
import invs.spec.Tick;
import invs.spec.Unsubscribe;
import invs.spec.Yield;

import java.util.HexFormat;

/**
 * The JSON encoding of an {@link Input}: an object whose {@code kind} names the input
 * ({@code command}, {@code allow-ro}, {@code allow-rw}, {@code subscribe}, {@code unsubscribe},
 * {@code yield}, {@code tick}, {@code drain}, {@code reboot}, {@code restart}, {@code flash-fault}) and
 * whose other fields are the input's (see {@code docs/trace-format.md}). Shared by trace files, the
 * command line and the out-of-process protocol.
 */
public final class InputCodec {
    private static final long U32 = 0xFFFF_FFFFL;
    // the inputs without fields, shared by every step that decodes to one: a long trace holds many
    private static final Tick TICK = new Tick();
    private static final Drain DRAIN = new Drain();
    private static final FlashFault FLASH_FAULT = new FlashFault();

    private InputCodec() {
    }

    /** The JSON object of {@code input}. */
    public static ObjectNode encode(Input input) {
        ObjectNode node = Json.object();
        switch (input) {
            case Command(AppId app, int number, long arg1, long arg2) -> {
                node.put("kind", "command").put("app", app.slot()).put("number", number);
                node.put("arg1", arg1).put("arg2", arg2);
            }
            case AllowReadOnly(AppId app, int number, Bytes data) ->
                    node.put("kind", "allow-ro").put("app", app.slot()).put("number", number).put("data", data.toHex());
            case AllowReadWrite(AppId app, int number, int length) ->
                    node.put("kind", "allow-rw").put("app", app.slot()).put("number", number).put("length", length);
            case Subscribe(AppId app, int number) ->
                    node.put("kind", "subscribe").put("app", app.slot()).put("number", number);
            case Unsubscribe(AppId app, int number) ->
                    node.put("kind", "unsubscribe").put("app", app.slot()).put("number", number);
            case Yield(AppId app) -> node.put("kind", "yield").put("app", app.slot());
            case Tick tick -> node.put("kind", "tick");
            case Drain drain -> node.put("kind", "drain");
            case Reboot(int tornBytes) -> node.put("kind", "reboot").put("tornBytes", tornBytes);
            case Restart(AppId app) -> node.put("kind", "restart").put("app", app.slot());
            case FlashFault fault -> node.put("kind", "flash-fault");
        }
        return node;
    }

    /** The input {@code node} encodes. @throws TraceFormatException naming the field that is wrong */
    public static Input decode(JsonNode node) {
        String kind = Json.text(node, "kind");
        return switch (kind) {
            case "command" -> new Command(app(node), number(node),
                    Json.strictNumber(node, "arg1", 0, U32, "an unsigned 32-bit number"),
                    Json.strictNumber(node, "arg2", 0, U32, "an unsigned 32-bit number"));
            case "allow-ro" -> new AllowReadOnly(app(node), number(node), data(node));
            case "allow-rw" -> new AllowReadWrite(app(node), number(node),
                    Json.strictInteger(node, "length", 0, Integer.MAX_VALUE, "a length of 0 or more"));
            case "subscribe" -> new Subscribe(app(node), number(node));
            case "unsubscribe" -> new Unsubscribe(app(node), number(node));
            case "yield" -> new Yield(app(node));
            case "tick" -> TICK;
            case "drain" -> DRAIN;
            case "reboot" -> new Reboot(Json.strictInteger(node, "tornBytes", 0, Integer.MAX_VALUE, "a count of 0 or more"));
            case "restart" -> new Restart(app(node));
            case "flash-fault" -> FLASH_FAULT;
            default -> throw new TraceFormatException("kind", "unknown input kind " + Utf8Text.quoted(kind));
        };
    }

    private static AppId app(JsonNode node) {
        return AppId.of(Json.strictInteger(node, "app", 0, Integer.MAX_VALUE, "a process slot of 0 or more"));
    }

    private static int number(JsonNode node) {
        return Json.strictInteger(node, "number", Integer.MIN_VALUE, Integer.MAX_VALUE, "a 32-bit number");
    }

    private static Bytes data(JsonNode node) {
        String hex = Json.text(node, "data");
        try {
            return Bytes.of(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new TraceFormatException("data", "expected hexadecimal bytes (two digits each), got \""
                    + (hex.length() > 20 ? hex.substring(0, 20) + "…" : hex) + "\"");
        }
    }
}
