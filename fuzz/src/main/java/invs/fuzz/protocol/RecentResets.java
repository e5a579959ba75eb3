package invs.fuzz.protocol;

import invs.spec.Configuration;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The configurations of the last few {@code reset} requests a server decoded, by the bytes of their
 * configuration objects: invs resets a server once per sequence, to a few boards in turn, and writes each
 * board's configuration object with the same bytes every time ({@link LineEncoder}), so a server need not
 * parse and check the same object again. Only a line of exactly the form invs writes is looked up:
 * {@code {"type":"reset","id":N,"configuration":{…}}} with N a plain JSON integer; a line whose object is
 * not one kept, or of any other form, is decoded through its JSON tree as before, and only a configuration
 * that decoded without a problem is kept. Looking a line up therefore answers the same reset as decoding
 * it. Not thread-safe: a server reads its requests on one thread.
 */
final class RecentResets {
    /** How many configuration objects are kept, the most recently used first. */
    static final int KEPT = 16;
    private static final byte[] HEAD = "{\"type\":\"reset\",\"id\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FIELD = ",\"configuration\":".getBytes(StandardCharsets.US_ASCII);
    /** The longest configuration object kept, in bytes: a board of invs's takes a few hundred. */
    static final int MAX_OBJECT = 64 * 1024;
    /** The most digits of an id below 2^63 that cannot overflow, whatever they are. */
    private static final int SAFE_DIGITS = 18;

    private final Map<ByteBuffer, Configuration> configurations = new RecentlyUsed<>(KEPT);

    /** The reset request on {@code line} when its configuration object is one kept, else null. */
    Request.Reset recalled(byte[] line) {
        int from = objectStart(line);
        if (from < 0) {
            return null;
        }
        Configuration configuration = configurations.get(ByteBuffer.wrap(line, from, line.length - 1 - from));
        return configuration == null ? null : new Request.Reset(id(line), configuration);
    }

    /**
     * Keeps the configuration of {@code reset}, decoded from {@code line}, when the line has the form looked
     * up and its object is at most {@link #MAX_OBJECT} bytes (so that 16 kept take at most a megabyte).
     */
    void keep(byte[] line, Request.Reset reset) {
        int from = objectStart(line);
        if (from >= 0 && line.length - 1 - from <= MAX_OBJECT) {
            configurations.put(ByteBuffer.wrap(Arrays.copyOfRange(line, from, line.length - 1)), reset.configuration());
        }
    }

    /** How many configurations are kept. */
    int size() {
        return configurations.size();
    }

    /**
     * Where the configuration object starts on a line of the form looked up (it ends before the line's last
     * byte, the closing brace), or -1 for any other line.
     */
    private static int objectStart(byte[] line) {
        if (!startsWith(line, 0, HEAD)) {
            return -1;
        }
        int at = HEAD.length;
        int digits = 0;
        while (at + digits < line.length && line[at + digits] >= '0' && line[at + digits] <= '9') {
            digits++;
        }
        if (digits == 0 || digits > SAFE_DIGITS || digits > 1 && line[at] == '0') {
            return -1;
        }
        at += digits;
        if (!startsWith(line, at, FIELD)) {
            return -1;
        }
        at += FIELD.length;
        return line[line.length - 1] == '}' && closes(line, at, line.length - 1) ? at : -1;
    }

    /**
     * Whether the bytes from {@code from} to {@code to} (exclusive) are one object's braces and what they
     * hold: the first opens it and only the last closes it (a line with fields after the configuration
     * object, an {@code id} again for one, is not looked up).
     */
    private static boolean closes(byte[] line, int from, int to) {
        if (from >= to || line[from] != '{') {
            return false;
        }
        int depth = 0;
        boolean inString = false;
        for (int at = from; at < to; at++) {
            byte b = line[at];
            if (inString) {
                if (b == '\\') {
                    at++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if ((b == '}' || b == ']') && --depth == 0) {
                return at == to - 1;
            }
        }
        return false;
    }

    /** The id of a line of the form looked up. */
    private static long id(byte[] line) {
        long id = 0;
        for (int at = HEAD.length; line[at] != ','; at++) {
            id = id * 10 + (line[at] - '0');
        }
        return id;
    }

    private static boolean startsWith(byte[] line, int at, byte[] prefix) {
        return line.length - at >= prefix.length && Arrays.equals(line, at, at + prefix.length, prefix, 0, prefix.length);
    }
}
