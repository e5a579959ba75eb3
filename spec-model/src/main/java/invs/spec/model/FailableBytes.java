package invs.spec.model;

import java.util.BitSet;

/**
 * Bytes of a region that a write completed unseen made known if it succeeded, and left unknown if it failed
 * with FAIL, using an armed flash fault ({@link StorageAlternatives}): a region holding them stands for
 * both. Positions in the region, never empty; a value (its bit set is never changed once made).
 */
public final class FailableBytes {
    private final BitSet positions;

    private FailableBytes(BitSet positions) {
        this.positions = positions;
    }

    /** The bytes at {@code positions}, not empty (the set is copied). */
    static FailableBytes of(BitSet positions) {
        if (positions.isEmpty()) {
            throw new IllegalArgumentException("failable bytes are never none");
        }
        return new FailableBytes((BitSet) positions.clone());
    }

    /** The position of the first of these bytes. */
    int first() {
        return positions.nextSetBit(0);
    }

    /** Whether any of these bytes lies in {@code [from, from + count)}. */
    boolean overlaps(int from, int count) {
        if (count <= 0) {
            return false;
        }
        int next = positions.nextSetBit(from);
        return next >= 0 && next < from + count;
    }

    /** Whether any of these bytes is one of {@code other}'s. */
    boolean overlaps(FailableBytes other) {
        return positions.intersects(other.positions);
    }

    /**
     * These bytes less {@code [from, from + count)}, which a change made the same whether the write
     * succeeded or failed; null when none is left (the two are then one state but for the fault).
     */
    FailableBytes without(int from, int count) {
        if (!overlaps(from, count)) {
            return this;
        }
        BitSet left = (BitSet) positions.clone();
        left.clear(from, from + count);
        return left.isEmpty() ? null : new FailableBytes(left);
    }

    /** {@code contents} as the failed write left them: these bytes unknown. */
    Cells failedIn(Cells contents) {
        Cells failed = contents;
        for (int run = positions.nextSetBit(0); run >= 0; ) {
            int end = positions.nextClearBit(run);
            failed = failed.forget(run, end - run);
            run = positions.nextSetBit(end);
        }
        return failed;
    }

    /** Whether every one of these bytes is known in {@code contents}. */
    boolean allKnownIn(Cells contents) {
        for (int run = positions.nextSetBit(0); run >= 0; ) {
            int end = positions.nextClearBit(run);
            if (end > contents.length() || contents.anyUnknown(run, end - run)) {
                return false;
            }
            run = positions.nextSetBit(end);
        }
        return true;
    }

    /** Whether every one of these bytes is unknown in {@code contents}. */
    boolean allUnknownIn(Cells contents) {
        for (int at = positions.nextSetBit(0); at >= 0; at = positions.nextSetBit(at + 1)) {
            if (at >= contents.length() || contents.isKnown(at)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof FailableBytes that && positions.equals(that.positions);
    }

    @Override
    public int hashCode() {
        return positions.hashCode();
    }

    /** The positions, in runs. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("failable");
        for (int run = positions.nextSetBit(0); run >= 0; ) {
            int end = positions.nextClearBit(run);
            text.append(' ').append(run).append("..").append(end);
            run = positions.nextSetBit(end);
        }
        return text.toString();
    }
}
