package invs.spec.model;

import invs.spec.ShortId;
import io.vavr.collection.Array;

/**
 * An allocated storage region: its owner and its contents. Where a region lies on flash is not
 * observable, so the model keeps regions in the order of their owners ({@link SystemState#regions}).
 *
 * @param owner    the ShortId (write id) the region belongs to
 * @param contents the region's usable bytes
 * @param epoch    how many times the contents changed; lets a read's observation teach the model
 *                 unknown bytes only while they have not changed since the read
 * @param failable bytes known in {@code contents} that writes completed unseen may have left unknown
 *                 instead, each using a fault ({@link StorageAlternatives}); disjoint, in the order of
 *                 their first byte, most often none
 */
public record Region(ShortId owner, Cells contents, long epoch, Array<FailableBytes> failable) {
    /** A region whose bytes are as {@code contents} says, none failable. */
    public Region(ShortId owner, Cells contents, long epoch) {
        this(owner, contents, epoch, Array.empty());
    }

    /** A fresh region of {@code length} bytes of 0xFF ({@link invs.spec.Clause#CLARIFIED_FRESH_REGION}). */
    public static Region fresh(ShortId owner, int length) {
        return new Region(owner, Cells.filled(length, 0xFF), 0);
    }

    /** The region's length in bytes. */
    public int length() {
        return contents.length();
    }

    /** This region with other contents, all of it changed (so the epoch advances and no byte is failable). */
    public Region withContents(Cells changed) {
        return changed(changed, 0, contents.length());
    }

    /**
     * This region with {@code [from, from + count)} changed (a change, so the epoch advances): written or
     * left unknown alike whether an earlier write succeeded or failed, so those bytes are failable no more.
     */
    Region changed(Cells changed, int from, int count) {
        Array<FailableBytes> left = failable;
        boolean shrunk = false;
        for (int index = 0; index < failable.size(); index++) {
            FailableBytes each = failable.get(index);
            FailableBytes kept = each.without(from, count);
            if (kept != each) {
                left = kept == null ? left.remove(each) : left.replace(each, kept);
                shrunk = true;
            }
        }
        return new Region(owner, changed, epoch + 1, shrunk ? left.sortBy(FailableBytes::first) : left);
    }

    /** This region with its epoch renumbered (see {@link SystemState#withEpochsRenumbered}). */
    public Region withEpoch(long renumbered) {
        return renumbered == epoch ? this : new Region(owner, contents, renumbered, failable);
    }

    /** This region given to another owner, all else kept (apps told apart by their permissions only). */
    public Region withOwner(ShortId other) {
        return other.equals(owner) ? this : new Region(other, contents, epoch, failable);
    }

    /**
     * This region with unknown bytes learned from an observation (not a change: the epoch stays). Failable
     * bytes are known, so none is learned.
     */
    public Region learned(Cells learned) {
        return new Region(owner, learned, epoch, failable);
    }

    /**
     * This region with {@code bytes} failable too, kept in the order of their first byte (so that regions
     * alike but for the order their bytes were made failable in are equal).
     */
    Region withFailable(FailableBytes bytes) {
        int at = 0;
        while (at < failable.size() && failable.get(at).first() < bytes.first()) {
            at++;
        }
        return new Region(owner, contents, epoch, failable.insert(at, bytes));
    }

    /** This region with the failable bytes at {@code index} settled: kept as they are, or left unknown. */
    Region settled(int index, boolean failed) {
        FailableBytes bytes = failable.get(index);
        return new Region(owner, failed ? bytes.failedIn(contents) : contents, epoch, failable.removeAt(index));
    }

    @Override
    public String toString() {
        return "Region[owner=" + owner + ", contents=" + contents + ", epoch=" + epoch
                + (failable.isEmpty() ? "" : ", " + failable.mkString(", ")) + "]";
    }
}
