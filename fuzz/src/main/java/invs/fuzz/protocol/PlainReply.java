package invs.fuzz.protocol;

import invs.conformance.trace.ByteSearch;
import invs.spec.Bytes;
import invs.spec.Observation;
import invs.spec.Upcall;
import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads an {@code observation} reply, or a {@code ready} one, written exactly as {@link LineEncoder} writes
 * it (and {@code invs serve} with it), by comparing the line with that form piece by piece: fields in
 * their order, no spaces, plain integers of at most 18 digits, lower-case hexadecimal. It answers null for any other line, which
 * {@link LineDecoder} then reads (any order, spaces, any integer in range), and failing that the JSON tree:
 * a line this reads is one those read to the same reply. Most servers answer in this form, and reading it
 * costs a few comparisons of whole runs of bytes instead of a token at a time.
 */
final class PlainReply {
    private static final byte[] HEAD = ascii("{\"type\":\"observation\",\"id\":");
    private static final byte[] READY = ascii("{\"type\":\"ready\",\"id\":");
    private static final byte[] KIND = ascii(",\"observation\":{\"kind\":\"");
    private static final byte[] SUCCESS = ascii("success\"}}");
    private static final byte[] QUIET = ascii("quiet\"}}");
    private static final byte[] FAILURE = ascii("failure\",\"code\":\"");
    private static final byte[] YIELDED = ascii("yielded\",\"upcall\":");
    private static final byte[] NO_UPCALL = ascii("null");
    private static final byte[] NUMBER = ascii("{\"number\":");
    private static final byte[] STATUS = ascii(",\"status\":");
    private static final byte[] ARG1 = ascii(",\"arg1\":");
    private static final byte[] ARG2 = ascii(",\"arg2\":");
    private static final byte[] CLOSING_BRACE = ascii("}");
    private static final byte[] BUFFER = ascii(",\"buffer\":\"");
    private static final byte[] SAME_BUFFER = ascii(",\"buffer\":null}}");
    private static final byte[] END = ascii("\"}}");
    /** The most digits read here: any integer of at most 18 digits is within a {@code long}. */
    private static final int MAX_DIGITS = 18;

    private final byte[] line;
    private int at;

    private PlainReply(byte[] line) {
        this.line = line;
    }

    /**
     * The reply on {@code line} when it is written in the plain form, else null: an {@link Reply.Answer}, or a
     * {@link Reply.SameBuffer} for a yield's whose buffer is {@code null}.
     */
    static Reply answer(byte[] line) {
        return new PlainReply(line).read();
    }

    /** The {@code ready} reply on {@code line} when it is written in the plain form, else null. */
    static Reply.Ready ready(byte[] line) {
        PlainReply reply = new PlainReply(line);
        if (!reply.skip(READY)) {
            return null;
        }
        long id = reply.number(0, Long.MAX_VALUE);
        return id >= 0 && reply.skip(CLOSING_BRACE) && reply.at == line.length ? new Reply.Ready(id) : null;
    }

    private Reply read() {
        if (!skip(HEAD)) {
            return null;
        }
        long id = number(0, Long.MAX_VALUE);
        if (id < 0 || !skip(KIND)) {
            return null;
        }
        Observation observation;
        if (skip(SUCCESS)) {
            observation = Observation.success();
        } else if (skip(QUIET)) {
            observation = Observation.quiet();
        } else if (skip(FAILURE)) {
            observation = failure();
        } else if (skip(YIELDED)) {
            Option<Upcall> upcall = upcall();
            if (upcall != null && skip(SAME_BUFFER)) {
                return at == line.length ? new Reply.SameBuffer(id, upcall) : null;
            }
            observation = upcall != null ? yielded(upcall) : null;
        } else {
            return null;
        }
        return observation != null && at == line.length ? new Reply.Answer(id, observation) : null;
    }

    private Observation failure() {
        int end = ByteSearch.indexOf(line, at, line.length, (byte) '"');
        for (int code = 0; code < LineDecoder.CODES.length; code++) {
            byte[] name = LineDecoder.CODE_NAMES[code];
            if (Arrays.equals(line, at, end, name, 0, name.length)) {
                at = end;
                return skip(END) ? Observation.failure(LineDecoder.CODES[code]) : null;
            }
        }
        return null;
    }

    /** A yield's upcall, {@code null} or an object; null for anything else. */
    private Option<Upcall> upcall() {
        if (skip(NO_UPCALL)) {
            return Option.none();
        }
        if (!skip(NUMBER)) {
            return null;
        }
        long number = number(Integer.MIN_VALUE, Integer.MAX_VALUE);
        long status = skip(STATUS) ? number(Long.MIN_VALUE, Long.MAX_VALUE) : Long.MIN_VALUE;
        long arg1 = skip(ARG1) ? number(Long.MIN_VALUE, Long.MAX_VALUE) : Long.MIN_VALUE;
        long arg2 = skip(ARG2) ? number(Long.MIN_VALUE, Long.MAX_VALUE) : Long.MIN_VALUE;
        // number() answers Long.MIN_VALUE (out of its digits' reach) for anything it does not read
        if (number == Long.MIN_VALUE || status == Long.MIN_VALUE || arg1 == Long.MIN_VALUE
                || arg2 == Long.MIN_VALUE || !skip(CLOSING_BRACE)) {
            return null;
        }
        return Option.some(new Upcall((int) number, status, arg1, arg2));
    }

    private Observation yielded(Option<Upcall> upcall) {
        if (!skip(BUFFER)) {
            return null;
        }
        Bytes buffer = hex();
        return buffer != null && skip(END) ? new Observation.Yielded(upcall, buffer) : null;
    }

    /** Whether the line goes on with {@code expected}, which is then read. */
    private boolean skip(byte[] expected) {
        int end = at + expected.length;
        if (end > line.length || !Arrays.equals(line, at, end, expected, 0, expected.length)) {
            return false;
        }
        at = end;
        return true;
    }

    /**
     * A plain JSON integer of at most 18 digits within {@code [min, max]}, read; {@link Long#MIN_VALUE}
     * (which 18 digits cannot reach) for anything else, with nothing read.
     */
    private long number(long min, long max) {
        int from = at;
        boolean negative = from < line.length && line[from] == '-';
        int first = negative ? from + 1 : from;
        int end = first;
        long value = 0;
        while (end < line.length && end - first < MAX_DIGITS + 1 && line[end] >= '0' && line[end] <= '9') {
            value = value * 10 + (line[end] - '0');
            end++;
        }
        int digits = end - first;
        if (digits == 0 || digits > MAX_DIGITS || digits > 1 && line[first] == '0' || negative && value == 0) {
            return Long.MIN_VALUE;
        }
        long number = negative ? -value : value;
        if (number < min || number > max) {
            return Long.MIN_VALUE;
        }
        at = end;
        return number;
    }

    /** Lower-case hexadecimal digits up to the next quote, two a byte; null for anything else. */
    private Bytes hex() {
        byte[] bytes = HexDigits.decode(line, at, HexDigits.LOWER_CASE);
        if (bytes == null) {
            return null;
        }
        at += 2 * bytes.length;
        return Bytes.of(bytes);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
