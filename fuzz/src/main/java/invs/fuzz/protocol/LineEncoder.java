package invs.fuzz.protocol;

import invs.conformance.trace.ConfigurationCodec;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.ErrorCode;
import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Subscribe;
import invs.spec.Tick;
import invs.spec.Unsubscribe;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.control.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Protocol messages as the bytes of their lines, gathered in a buffer kept from one batch of lines to the
 * next. The two messages sent once per input, {@code input} requests and {@code observation} replies, and
 * the {@code ready} reply sent once per sequence, are written straight from their values: numbers and
 * buffers go to bytes without a JSON tree or intermediate strings. A {@code reset} request reuses the
 * bytes of its board's configuration object when the board is one of the last few sent. Every other
 * message goes through its JSON object ({@link Request#encode()}, {@link Reply#encode()}). Either way the bytes are exactly those of the JSON object written by Jackson:
 * fields in the same order, no spaces. Not thread-safe: each thread that writes lines has its own.
 */
final class LineEncoder {
    /** The largest buffer kept after {@link #clear()}; a larger one (a long batch, a huge buffer) is dropped. */
    private static final int KEPT_BYTES = 256 * 1024;
    private static final byte[] LONG_MIN = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    /** How many boards' configuration objects are kept, most recently sent first. */
    private static final int KEPT_CONFIGURATIONS = 16;

    private byte[] bytes = new byte[1024];
    private int length;
    /** The bytes of the configuration objects of the last boards reset to: a reset per sequence, few boards. */
    private final Map<Configuration, byte[]> configurations = new RecentlyUsed<>(KEPT_CONFIGURATIONS);

    /** The bytes of {@code request}'s line, with its line feed. */
    static byte[] line(Request request) {
        LineEncoder encoder = new LineEncoder();
        encoder.add(request);
        return encoder.toByteArray();
    }

    /** The bytes of {@code reply}'s line, with its line feed. */
    static byte[] line(Reply reply) {
        LineEncoder encoder = new LineEncoder();
        encoder.add(reply);
        return encoder.toByteArray();
    }

    /** Appends {@code request} as one line, with its line feed. */
    void add(Request request) {
        if (request instanceof Request.Apply(long id, Input input)) {
            header("input", id);
            comma();
            key("input");
            input(input);
            put('}');
        } else if (request instanceof Request.Reset(long id, Configuration configuration)) {
            header("reset", id);
            comma();
            key("configuration");
            raw(configurations.computeIfAbsent(configuration,
                    board -> JsonFields.line(ConfigurationCodec.encode(board)).getBytes(StandardCharsets.UTF_8)));
            put('}');
        } else {
            text(JsonFields.line(request.encode()));
        }
        put('\n');
    }

    /** Appends {@code reply} as one line, with its line feed. */
    void add(Reply reply) {
        if (reply instanceof Reply.Answer(long id, Observation observation)) {
            header("observation", id);
            comma();
            key("observation");
            observation(observation);
            put('}');
        } else if (reply instanceof Reply.SameBuffer(long id, Option<Upcall> upcall)) {
            header("observation", id);
            comma();
            key("observation");
            put('{');
            yielded(upcall);
            ascii("null}}");
        } else if (reply instanceof Reply.Ready(long id)) {
            header("ready", id);
            put('}');
        } else {
            text(JsonFields.line(reply.encode()));
        }
        put('\n');
    }

    /** How many bytes have been added since the last {@link #clear()}. */
    int size() {
        return length;
    }

    /** Writes the bytes added so far to {@code out}. */
    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    /** A copy of the bytes added so far. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** Forgets the bytes added so far. */
    void clear() {
        length = 0;
        if (bytes.length > KEPT_BYTES) {
            bytes = new byte[1024];
        }
    }

    /** The start of a message: its type and id, without the closing brace. */
    private void header(String type, long id) {
        put('{');
        name("type", type);
        comma();
        number("id", id);
    }

    /** The object of {@code input}, as {@code invs.conformance.trace.InputCodec} encodes it. */
    private void input(Input input) {
        put('{');
        switch (input) {
            case Command(AppId app, int number, long arg1, long arg2) -> {
                kind("command", app, number);
                comma();
                number("arg1", arg1);
                comma();
                number("arg2", arg2);
            }
            case AllowReadOnly(AppId app, int number, Bytes data) -> {
                kind("allow-ro", app, number);
                comma();
                hex("data", data);
            }
            case AllowReadWrite(AppId app, int number, int bufferLength) -> {
                kind("allow-rw", app, number);
                comma();
                number("length", bufferLength);
            }
            case Subscribe(AppId app, int number) -> kind("subscribe", app, number);
            case Unsubscribe(AppId app, int number) -> kind("unsubscribe", app, number);
            case Yield(AppId app) -> kind("yield", app);
            case Tick tick -> name("kind", "tick");
            case Drain drain -> name("kind", "drain");
            case Reboot(int tornBytes) -> {
                name("kind", "reboot");
                comma();
                number("tornBytes", tornBytes);
            }
            case Restart(AppId app) -> kind("restart", app);
            case FlashFault fault -> name("kind", "flash-fault");
        }
        put('}');
    }

    /** The object of {@code observation}, as {@code invs.conformance.trace.ObservationCodec} encodes it. */
    private void observation(Observation observation) {
        put('{');
        switch (observation) {
            case Observation.Success success -> name("kind", "success");
            case Observation.Failure(ErrorCode code) -> {
                name("kind", "failure");
                comma();
                name("code", code.name());
            }
            case Observation.Quiet quiet -> name("kind", "quiet");
            case Observation.Yielded(Option<Upcall> upcall, Bytes buffer) -> {
                yielded(upcall);
                hexDigits(buffer);
            }
        }
        put('}');
    }

    /** The fields of a yield's observation up to its buffer's value: {@code "kind":"yielded","upcall":…,"buffer":}. */
    private void yielded(Option<Upcall> upcall) {
        name("kind", "yielded");
        comma();
        key("upcall");
        if (upcall.isDefined()) {
            upcall(upcall.get());
        } else {
            ascii("null");
        }
        comma();
        key("buffer");
    }

    private void upcall(Upcall upcall) {
        put('{');
        number("number", upcall.subscribeNumber());
        comma();
        number("status", upcall.status());
        comma();
        number("arg1", upcall.arg1());
        comma();
        number("arg2", upcall.arg2());
        put('}');
    }

    private void kind(String kind, AppId app) {
        name("kind", kind);
        comma();
        number("app", app.slot());
    }

    private void kind(String kind, AppId app, int number) {
        kind(kind, app);
        comma();
        number("number", number);
    }

    /** {@code "key":"value"} for a value of the protocol's own names: ASCII letters, digits and dashes. */
    private void name(String key, String value) {
        key(key);
        put('"');
        ascii(value);
        put('"');
    }

    private void number(String key, long value) {
        key(key);
        if (value == Long.MIN_VALUE) {
            ensure(LONG_MIN.length);
            System.arraycopy(LONG_MIN, 0, bytes, length, LONG_MIN.length);
            length += LONG_MIN.length;
            return;
        }
        ensure(20);
        byte[] out = bytes;
        int at = length;
        if (value < 0) {
            out[at++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long power = 10; digits < 19 && value >= power; power *= 10) {
            digits++;
        }
        int end = at + digits;
        int digit = end - 1;
        for (; value > Integer.MAX_VALUE; value /= 10) {
            out[digit--] = (byte) ('0' + value % 10);
        }
        for (int rest = (int) value; digit >= at; rest /= 10) { // the last digits in int arithmetic, cheaper
            out[digit--] = (byte) ('0' + rest % 10);
        }
        length = end;
    }

    /** {@code "key":"…"}: {@code data} in lower-case hexadecimal, two digits a byte. */
    private void hex(String key, Bytes data) {
        key(key);
        hexDigits(data);
    }

    /** {@code "…"}: {@code data} in lower-case hexadecimal, two digits a byte. */
    private void hexDigits(Bytes data) {
        int count = data.length();
        ensure(2 * count + 2);
        byte[] out = bytes;
        out[length] = '"';
        int at = HexDigits.encode(data, out, length + 1);
        out[at++] = '"';
        length = at;
    }

    private void key(String key) {
        put('"');
        ascii(key);
        put('"');
        put(':');
    }

    private void comma() {
        put(',');
    }

    /** {@code text}, all of whose characters are ASCII and need no escaping in JSON. */
    private void ascii(String text) {
        int count = text.length();
        ensure(count);
        for (int index = 0; index < count; index++) {
            bytes[length++] = (byte) text.charAt(index);
        }
    }

    /** Any text, in UTF-8. */
    private void text(String text) {
        raw(text.getBytes(StandardCharsets.UTF_8));
    }

    private void raw(byte[] encoded) {
        ensure(encoded.length);
        System.arraycopy(encoded, 0, bytes, length, encoded.length);
        length += encoded.length;
    }

    private void put(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(2L * bytes.length, (long) length + more)));
        }
    }
}
