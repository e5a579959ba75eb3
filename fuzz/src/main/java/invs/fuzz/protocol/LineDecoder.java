package invs.fuzz.protocol;

import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
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

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the two messages sent once per input, {@code input} requests and {@code observation} replies,
 * straight from the bytes of their lines: no text of the line, no JSON tree. It vouches only for lines in
 * the plain form the messages are written in: one JSON object of the fields the message defines (in any
 * order, none twice, whitespace between tokens allowed), strings of printable ASCII without escapes,
 * numbers as JSON integers within the field's range, buffers in hexadecimal. For any other line (another
 * message, an extra field, an escape, a number in a string, anything malformed) it answers {@code null},
 * and the caller decodes the line through its JSON tree ({@link Request#decode(String)},
 * {@link Reply#decode(String)}): every line decodes to the same message either way, and every malformed
 * one fails with the same message. Thread-safe: each line gets a decoder of its own.
 */
final class LineDecoder {
    private static final long U32 = 0xFFFF_FFFFL;
    private static final byte[][] INPUT_TYPE = words("input");
    private static final byte[][] OBSERVATION_TYPE = words("observation");
    private static final byte[][] REQUEST_FIELDS = words("type", "id", "input");
    private static final byte[][] REPLY_FIELDS = words("type", "id", "observation");
    private static final byte[][] INPUT_FIELDS = words("kind", "app", "number", "arg1", "arg2", "length", "tornBytes", "data");
    private static final byte[][] INPUT_KINDS = words("command", "allow-ro", "allow-rw", "subscribe", "unsubscribe", "yield",
            "tick", "drain", "reboot", "restart", "flash-fault");
    private static final byte[][] OBSERVATION_FIELDS = words("kind", "code", "upcall", "buffer");
    private static final byte[][] OBSERVATION_KINDS = words("success", "quiet", "failure", "yielded");
    private static final byte[][] UPCALL_FIELDS = words("number", "status", "arg1", "arg2");
    /** The error codes, and their names as bytes, by ordinal (read by {@link PlainReply} too). */
    static final ErrorCode[] CODES = ErrorCode.values();
    static final byte[][] CODE_NAMES = words(Arrays.stream(CODES).map(ErrorCode::name).toArray(String[]::new));

    private final byte[] line;
    private int at;

    private LineDecoder(byte[] line) {
        this.line = line;
    }

    /** The {@code input} request on {@code line}, or null when the line is anything else or not vouched for. */
    static Request.Apply apply(byte[] line) {
        try {
            return new LineDecoder(line).request();
        } catch (NotVouched e) {
            return null;
        }
    }

    /** The {@code observation} reply on {@code line}, or null when the line is anything else or not vouched for. */
    static Reply.Answer answer(byte[] line) {
        try {
            return new LineDecoder(line).reply();
        } catch (NotVouched e) {
            return null;
        }
    }

    private Request.Apply request() throws NotVouched {
        return message(REQUEST_FIELDS, INPUT_TYPE, this::input, Request.Apply::new);
    }

    private Reply.Answer reply() throws NotVouched {
        return message(REPLY_FIELDS, OBSERVATION_TYPE, this::observation, Reply.Answer::new);
    }

    /** What a message carries besides its type and id, read at the decoder's position. */
    private interface Payload<T> {
        T read() throws NotVouched;
    }

    /**
     * A message of {@code fields} (its type, its id, its payload, in any order, each once) whose type is
     * {@code type}, made by {@code make} from its id and its {@code payload}.
     */
    private <T, M> M message(byte[][] fields, byte[][] type, Payload<T> payload,
                             java.util.function.BiFunction<Long, T, M> make) throws NotVouched {
        long id = -1;
        T value = null;
        int seen = 0;
        for (int field = first(fields); field >= 0; field = next(fields)) {
            seen = once(seen, field);
            switch (field) {
                case 0 -> word(type);
                case 1 -> id = number(0, Long.MAX_VALUE);
                default -> value = payload.read();
            }
        }
        end(seen, fields);
        return make.apply(id, value);
    }

    /** An input object, as {@code invs.conformance.trace.InputCodec} decodes it. */
    private Input input() throws NotVouched {
        int kind = -1;
        long[] numbers = new long[6]; // app, number, arg1, arg2, length, tornBytes
        Bytes data = null;
        int seen = 0;
        for (int field = first(INPUT_FIELDS); field >= 0; field = next(INPUT_FIELDS)) {
            seen = once(seen, field);
            switch (field) {
                case 0 -> kind = word(INPUT_KINDS);
                case 1 -> numbers[0] = number(0, Integer.MAX_VALUE);
                case 2 -> numbers[1] = number(Integer.MIN_VALUE, Integer.MAX_VALUE);
                case 3 -> numbers[2] = number(0, U32);
                case 4 -> numbers[3] = number(0, U32);
                case 5 -> numbers[4] = number(0, Integer.MAX_VALUE);
                case 6 -> numbers[5] = number(0, Integer.MAX_VALUE);
                default -> data = hex();
            }
        }
        // the fields each kind needs, as bits of INPUT_FIELDS: kind 1, app 2, number 4, arg1 8, arg2 16, length 32, ...
        int needs = switch (kind) {
            case 0 -> 0b11111;
            case 1 -> 0b10000111;
            case 2 -> 0b100111;
            case 3, 4 -> 0b111;
            case 5, 9 -> 0b11;
            case 8 -> 0b1000001;
            default -> 0b1;
        };
        if ((seen & needs) != needs) {
            throw NotVouched.INSTANCE;
        }
        AppId app = AppId.of((int) numbers[0]);
        int number = (int) numbers[1];
        return switch (kind) {
            case 0 -> new Command(app, number, numbers[2], numbers[3]);
            case 1 -> new AllowReadOnly(app, number, data);
            case 2 -> new AllowReadWrite(app, number, (int) numbers[4]);
            case 3 -> new Subscribe(app, number);
            case 4 -> new Unsubscribe(app, number);
            case 5 -> new Yield(app);
            case 6 -> new Tick();
            case 7 -> new Drain();
            case 8 -> new Reboot((int) numbers[5]);
            case 9 -> new Restart(app);
            default -> new FlashFault();
        };
    }

    /** An observation object, as {@code invs.conformance.trace.ObservationCodec} decodes it. */
    private Observation observation() throws NotVouched {
        int kind = -1;
        int code = -1;
        Option<Upcall> upcall = null;
        Bytes buffer = null;
        int seen = 0;
        for (int field = first(OBSERVATION_FIELDS); field >= 0; field = next(OBSERVATION_FIELDS)) {
            seen = once(seen, field);
            switch (field) {
                case 0 -> kind = word(OBSERVATION_KINDS);
                case 1 -> code = word(CODE_NAMES);
                case 2 -> upcall = isNull() ? Option.none() : Option.some(upcall());
                default -> buffer = hex();
            }
        }
        int needs = switch (kind) {
            case 2 -> 0b11; // kind, code
            case 3 -> 0b1101; // kind, upcall, buffer
            default -> 0b1;
        };
        if ((seen & needs) != needs) {
            throw NotVouched.INSTANCE;
        }
        return switch (kind) {
            case 0 -> Observation.success();
            case 1 -> Observation.quiet();
            case 2 -> Observation.failure(CODES[code]);
            default -> new Observation.Yielded(upcall, buffer);
        };
    }

    private Upcall upcall() throws NotVouched {
        long[] numbers = new long[4];
        int seen = 0;
        for (int field = first(UPCALL_FIELDS); field >= 0; field = next(UPCALL_FIELDS)) {
            seen = once(seen, field);
            numbers[field] = field == 0 ? number(Integer.MIN_VALUE, Integer.MAX_VALUE) : number(Long.MIN_VALUE, Long.MAX_VALUE);
        }
        end(seen, UPCALL_FIELDS);
        return new Upcall((int) numbers[0], numbers[1], numbers[2], numbers[3]);
    }

    /** Reads the opening brace and the first field's name and colon: the field's index, -1 for an empty object. */
    private int first(byte[][] fields) throws NotVouched {
        expect('{');
        if (peek() == '}') {
            at++;
            return -1;
        }
        return field(fields);
    }

    /** Reads a comma and the next field's name and colon (its index), or the closing brace (-1). */
    private int next(byte[][] fields) throws NotVouched {
        byte b = token();
        if (b == '}') {
            return -1;
        }
        if (b != ',') {
            throw NotVouched.INSTANCE;
        }
        return field(fields);
    }

    private int field(byte[][] fields) throws NotVouched {
        int field = word(fields);
        expect(':');
        return field;
    }

    /** Checks that every field of {@code fields} was seen, and at the outermost object, that the line ends. */
    private void end(int seen, byte[][] fields) throws NotVouched {
        if (seen != (1 << fields.length) - 1) {
            throw NotVouched.INSTANCE;
        }
        if (fields == REQUEST_FIELDS || fields == REPLY_FIELDS) {
            skipSpace();
            if (at != line.length) {
                throw NotVouched.INSTANCE;
            }
        }
    }

    /** A string that is one of {@code words}: its index. */
    private int word(byte[][] words) throws NotVouched {
        expect('"');
        int from = at;
        while (at < line.length && line[at] != '"') {
            at++;
        }
        if (at == line.length) {
            throw NotVouched.INSTANCE;
        }
        int to = at++;
        for (int index = 0; index < words.length; index++) {
            if (matches(from, to, words[index])) {
                return index;
            }
        }
        throw NotVouched.INSTANCE; // another word, or one with an escape
    }

    /** Whether the bytes of the line from {@code from} to {@code to} are {@code word}'s. */
    private boolean matches(int from, int to, byte[] word) {
        if (to - from != word.length) {
            return false;
        }
        for (int index = 0; index < word.length; index++) {
            if (line[from + index] != word[index]) {
                return false;
            }
        }
        return true;
    }

    /** A JSON integer within {@code [min, max]}. */
    private long number(long min, long max) throws NotVouched {
        skipSpace();
        boolean negative = at < line.length && line[at] == '-';
        if (negative) {
            at++;
        }
        int from = at;
        long value = 0; // accumulated negatively, so that Long.MIN_VALUE fits
        while (at < line.length && line[at] >= '0' && line[at] <= '9') {
            int digit = line[at++] - '0';
            if (value < (Long.MIN_VALUE + digit) / 10) {
                throw NotVouched.INSTANCE;
            }
            value = value * 10 - digit;
        }
        int digits = at - from;
        if (digits == 0 || digits > 1 && line[from] == '0' || !negative && value == Long.MIN_VALUE) {
            throw NotVouched.INSTANCE;
        }
        long number = negative ? value : -value;
        if (number < min || number > max) {
            throw NotVouched.INSTANCE;
        }
        return number; // a fraction or exponent after it fails as the next token
    }

    /** A string of hexadecimal digits, two a byte. */
    private Bytes hex() throws NotVouched {
        expect('"');
        byte[] bytes = HexDigits.decode(line, at, HexDigits.EITHER_CASE);
        if (bytes == null) {
            throw NotVouched.INSTANCE;
        }
        at += 2 * bytes.length + 1;
        return Bytes.of(bytes);
    }

    /** Whether the next token is {@code null}, which is then read. */
    private boolean isNull() {
        skipSpace();
        if (at + 4 <= line.length && line[at] == 'n' && line[at + 1] == 'u' && line[at + 2] == 'l' && line[at + 3] == 'l') {
            at += 4;
            return true;
        }
        return false;
    }

    private void expect(char c) throws NotVouched {
        if (token() != c) {
            throw NotVouched.INSTANCE;
        }
    }

    /** The next byte that is not JSON whitespace, read. */
    private byte token() throws NotVouched {
        skipSpace();
        if (at == line.length) {
            throw NotVouched.INSTANCE;
        }
        return line[at++];
    }

    /** The next byte that is not JSON whitespace, not read (0 at the end of the line). */
    private byte peek() {
        skipSpace();
        return at < line.length ? line[at] : 0;
    }

    private void skipSpace() {
        while (at < line.length && (line[at] == ' ' || line[at] == '\t' || line[at] == '\n' || line[at] == '\r')) {
            at++;
        }
    }

    /** {@code seen} with {@code field} added. @throws NotVouched when it was there already */
    private static int once(int seen, int field) throws NotVouched {
        if ((seen & 1 << field) != 0) {
            throw NotVouched.INSTANCE;
        }
        return seen | 1 << field;
    }

    private static byte[][] words(String... words) {
        byte[][] bytes = new byte[words.length][];
        for (int index = 0; index < words.length; index++) {
            bytes[index] = words[index].getBytes(StandardCharsets.US_ASCII);
        }
        return bytes;
    }

    /** The line is not one this decoder vouches for: the tree decoding reads it. */
    private static final class NotVouched extends Exception {
        private static final long serialVersionUID = 1L;
        static final NotVouched INSTANCE = new NotVouched();

        private NotVouched() {
            super("not vouched for", null, false, false);
        }
    }
}
