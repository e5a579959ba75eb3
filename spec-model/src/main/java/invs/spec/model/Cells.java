package invs.spec.model;

import invs.spec.Bytes;

import java.util.Arrays;
import java.util.BitSet;

/**
 * An immutable run of bytes, each either known or unknown. Storage holds unknown bytes where a write
 * was interrupted or failed; a read-write buffer holds them where such bytes, or a re-allowed buffer,
 * were copied in. An observation may show any value for an unknown byte.
 */
public final class Cells {
    private static final Cells EMPTY = new Cells(new byte[0], null);

    private final byte[] values;
    /** Unknown positions; null when every byte is known. */
    private final BitSet unknown;
    /** The hash, computed on first use (regions are rewritten far more often than hashed); 0 until then. */
    private int hash;

    private Cells(byte[] values, BitSet unknown) {
        this.values = values;
        this.unknown = unknown == null || unknown.isEmpty() ? null : unknown;
    }

    /** No bytes. */
    public static Cells empty() {
        return EMPTY;
    }

    /** {@code length} known bytes of value {@code value}. */
    public static Cells filled(int length, int value) {
        if (length == 0) {
            return EMPTY;
        }
        byte[] values = new byte[length];
        Arrays.fill(values, (byte) value);
        return new Cells(values, null);
    }

    /** The known bytes of {@code bytes}. */
    public static Cells known(Bytes bytes) {
        return bytes.isEmpty() ? EMPTY : new Cells(bytes.toArray(), null);
    }

    /** How many bytes. */
    public int length() {
        return values.length;
    }

    /** Whether byte {@code index} is known. */
    public boolean isKnown(int index) {
        return unknown == null || !unknown.get(index);
    }

    /** Whether every byte is known. */
    public boolean allKnown() {
        return unknown == null;
    }

    /** Whether any byte in {@code [from, from + count)} is unknown. */
    public boolean anyUnknown(int from, int count) {
        if (unknown == null || count <= 0) {
            return false;
        }
        int next = unknown.nextSetBit(from);
        return next >= 0 && next < from + count;
    }

    /** How many bytes are unknown. */
    int unknownCount() {
        return unknown == null ? 0 : unknown.cardinality();
    }

    /** Whether exactly the same bytes are unknown here as in {@code other} (of the same length). */
    boolean sameUnknownAs(Cells other) {
        return java.util.Objects.equals(unknown, other.unknown);
    }

    /**
     * The bytes unknown in {@code other} (of the same length) but known here; null when a byte unknown here
     * is known there.
     */
    BitSet unknownOnlyIn(Cells other) {
        if (other.values.length != values.length) {
            return null;
        }
        if (unknown != null) {
            BitSet beyond = (BitSet) unknown.clone();
            if (other.unknown != null) {
                beyond.andNot(other.unknown);
            }
            if (!beyond.isEmpty()) {
                return null;
            }
        }
        BitSet only = other.unknown == null ? new BitSet() : (BitSet) other.unknown.clone();
        if (unknown != null) {
            only.andNot(unknown);
        }
        return only;
    }

    /** A hash of which bytes are unknown, equal wherever {@link #sameUnknownAs} holds. */
    int unknownHash() {
        return unknown == null ? 0 : unknown.hashCode();
    }

    /** The value of known byte {@code index}. */
    public byte value(int index) {
        if (!isKnown(index)) {
            throw new IllegalStateException("byte " + index + " is unknown");
        }
        return values[index];
    }

    /** These cells with {@code [at, at + count)} set to the known bytes {@code source[from, from + count)}. */
    public Cells write(int at, Bytes source, int from, int count) {
        if (count == 0) {
            return this;
        }
        byte[] copy = values.clone();
        source.copyTo(from, copy, at, count);
        BitSet mask = copyMask();
        if (mask != null) {
            mask.clear(at, at + count);
        }
        return new Cells(copy, mask);
    }

    /** These cells with {@code [at, at + count)} set to {@code source[from, from + count)}, unknown bytes included. */
    public Cells copyFrom(int at, Cells source, int from, int count) {
        if (count == 0) {
            return this;
        }
        byte[] copy = values.clone();
        System.arraycopy(source.values, from, copy, at, count);
        BitSet mask = copyMask();
        if (mask == null) {
            mask = new BitSet(values.length);
        }
        mask.clear(at, at + count);
        if (source.unknown != null) {
            for (int i = source.unknown.nextSetBit(from); i >= 0 && i < from + count; i = source.unknown.nextSetBit(i + 1)) {
                mask.set(at + i - from);
            }
        }
        return new Cells(copy, mask);
    }

    /** These cells with {@code [from, from + count)} unknown. */
    public Cells forget(int from, int count) {
        if (count <= 0) {
            return this;
        }
        byte[] copy = values.clone();
        Arrays.fill(copy, from, from + count, (byte) 0);
        BitSet mask = copyMask();
        if (mask == null) {
            mask = new BitSet(values.length);
        }
        mask.set(from, from + count);
        return new Cells(copy, mask);
    }

    /** Whether {@code observed} could be these cells: same length, and equal wherever a byte is known. */
    public boolean admits(Bytes observed) {
        if (observed.length() != values.length) {
            return false;
        }
        if (unknown == null) {
            return observed.equalsRange(0, values, 0, values.length);
        }
        int known = 0;
        for (int next = unknown.nextSetBit(0); next >= 0; next = unknown.nextSetBit(known)) {
            if (!observed.equalsRange(known, values, known, next - known)) {
                return false;
            }
            known = unknown.nextClearBit(next);
        }
        return observed.equalsRange(known, values, known, Math.max(0, values.length - known));
    }

    /**
     * Whether these cells know no byte {@code other} does not: the same length, and wherever a byte is known
     * here, it is known in {@code other} with the same value.
     */
    public boolean knowsNoMoreThan(Cells other) {
        if (other == this) {
            return true;
        }
        if (values.length != other.values.length) {
            return false;
        }
        if (other.unknown != null) {
            if (unknown == null) {
                return false;
            }
            // Run by run of the other's unknown bytes: a cut or failed write leaves them in a few long runs.
            for (int run = other.unknown.nextSetBit(0); run >= 0; ) {
                int runEnd = other.unknown.nextClearBit(run);
                if (unknown.nextClearBit(run) < runEnd) {
                    return false;
                }
                run = other.unknown.nextSetBit(runEnd);
            }
        }
        if (unknown == null) {
            return Arrays.equals(values, other.values);
        }
        int known = 0;
        for (int next = unknown.nextSetBit(0); next >= 0; next = unknown.nextSetBit(known)) {
            if (!Arrays.equals(values, known, next, other.values, known, next)) {
                return false;
            }
            known = unknown.nextClearBit(next);
        }
        return Arrays.equals(values, known, values.length, other.values, known, values.length);
    }

    /** These cells with every unknown byte in {@code [at, at + count)} set to {@code observed[from + i]}. */
    public Cells learn(int at, Bytes observed, int from, int count) {
        if (!anyUnknown(at, count)) {
            return this;
        }
        byte[] copy = values.clone();
        BitSet mask = copyMask();
        int end = at + count;
        // Run by run of unknown bytes: a buffer shown while a read was in flight is unknown in one long run.
        int run = mask.nextSetBit(at);
        while (run >= 0 && run < end) {
            int runEnd = Math.min(end, mask.nextClearBit(run));
            observed.copyTo(from + run - at, copy, run, runEnd - run);
            mask.clear(run, runEnd);
            run = mask.nextSetBit(runEnd);
        }
        return new Cells(copy, mask);
    }

    /** Known bytes: the known values here, and {@code fill} where unknown. */
    public Bytes concretise(int fill) {
        if (unknown == null) {
            return Bytes.of(values);
        }
        byte[] copy = values.clone();
        for (int i = unknown.nextSetBit(0); i >= 0; i = unknown.nextSetBit(i + 1)) {
            copy[i] = (byte) fill;
        }
        return Bytes.of(copy);
    }

    private BitSet copyMask() {
        return unknown == null ? null : (BitSet) unknown.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof Cells that && (hash == 0 || that.hash == 0 || hash == that.hash)
                && Arrays.equals(values, that.values) && java.util.Objects.equals(unknown, that.unknown);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(values);
            h = unknown == null ? h : 31 * h + unknown.hashCode();
            hash = h;
        }
        return h;
    }

    /** The length, and the bytes in hexadecimal with {@code ??} for unknown bytes (first 16 only). */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder().append(values.length).append(':');
        int shown = Math.min(values.length, 16);
        for (int i = 0; i < shown; i++) {
            text.append(isKnown(i) ? String.format("%02x", values[i]) : "??");
        }
        return values.length > shown ? text.append('…').toString() : text.toString();
    }
}
