package invs.conformance.explain;

import invs.spec.Bytes;
import invs.spec.model.Cells;

/**
 * The bytes of a buffer that differ from what was allowed, shown in full however long the buffer: each
 * run of differing bytes with its offset and a few bytes of context, {@code ??} for a byte that may be
 * anything.
 */
final class BufferWindow {
    private BufferWindow() {
    }

    /** The difference between {@code allowed} and {@code seen} (of equal length, not admitted). */
    static Difference of(Cells allowed, Bytes seen) {
        StringBuilder expected = new StringBuilder();
        StringBuilder observed = new StringBuilder();
        int length = seen.length();
        int differing = 0;
        int index = 0;
        while (index < length) {
            if (matches(allowed, seen, index)) {
                index++;
                continue;
            }
            int end = index;
            while (end < length && (!matches(allowed, seen, end) || runContinues(allowed, seen, end, length))) {
                end++;
            }
            int from = Math.max(0, index - Differences.CONTEXT);
            int to = Math.min(length, end + Differences.CONTEXT);
            for (int at = index; at < end; at++) {
                differing += matches(allowed, seen, at) ? 0 : 1;
            }
            if (!expected.isEmpty()) {
                expected.append("; ");
                observed.append("; ");
            }
            if (end - index > UNIFORM && uniform(allowed, seen, index, end)) {
                expected.append(String.format("at %d: %d bytes of %02x", index, end - index, allowed.value(index) & 0xFF));
                observed.append(String.format("at %d: %d bytes of %02x", index, end - index, seen.get(index) & 0xFF));
                to = end;
            } else {
                expected.append(String.format("at %d: %s", from, cells(allowed, from, to)));
                observed.append(String.format("at %d: %s", from, bytes(seen, from, to)));
            }
            index = to;
        }
        return new Difference(Field.BUFFER, expected + " (" + differing + " of " + length + (length == 1 ? " byte" : " bytes")
                + (differing == 1 ? " differs)" : " differ)"),
                observed.toString());
    }

    /** A run of differing bytes longer than this, one value on each side, is shown as a count and the two values. */
    private static final int UNIFORM = 32;

    /** Whether {@code [from, to)} holds one known value in {@code allowed} and one value in {@code seen}. */
    private static boolean uniform(Cells allowed, Bytes seen, int from, int to) {
        for (int at = from; at < to; at++) {
            if (!allowed.isKnown(at) || allowed.value(at) != allowed.value(from) || seen.get(at) != seen.get(from)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Cells allowed, Bytes seen, int index) {
        return !allowed.isKnown(index) || allowed.value(index) == seen.get(index);
    }

    /** Whether a differing byte follows within the context, so that two runs are shown as one. */
    private static boolean runContinues(Cells allowed, Bytes seen, int at, int length) {
        for (int next = at; next < Math.min(length, at + 2 * Differences.CONTEXT); next++) {
            if (!matches(allowed, seen, next)) {
                return true;
            }
        }
        return false;
    }

    private static String cells(Cells cells, int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int at = from; at < to; at++) {
            text.append(at > from ? " " : "").append(cells.isKnown(at) ? String.format("%02x", cells.value(at) & 0xFF) : "??");
        }
        return text.toString();
    }

    private static String bytes(Bytes bytes, int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int at = from; at < to; at++) {
            text.append(at > from ? " " : "").append(String.format("%02x", bytes.get(at) & 0xFF));
        }
        return text.toString();
    }
}
