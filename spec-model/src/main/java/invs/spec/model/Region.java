package invs.spec.model;

import invs.spec.ShortId;

/**
 * An allocated storage region: its owner and its contents. Where a region lies on flash is not
 * observable, so the model keeps regions in the order of their owners ({@link SystemState#regions}).
 *
 * @param owner    the ShortId (write id) the region belongs to
 * @param contents the region's usable bytes
 * @param epoch    how many times the contents changed; lets a read's observation teach the model
 *                 unknown bytes only while they have not changed since the read
 */
public record Region(ShortId owner, Cells contents, long epoch) {
    /** A fresh region of {@code length} bytes of 0xFF ({@link invs.spec.Clause#CLARIFIED_FRESH_REGION}). */
    public static Region fresh(ShortId owner, int length) {
        return new Region(owner, Cells.filled(length, 0xFF), 0);
    }

    /** The region's length in bytes. */
    public int length() {
        return contents.length();
    }

    /** This region with other contents (a change, so the epoch advances). */
    public Region withContents(Cells changed) {
        return new Region(owner, changed, epoch + 1);
    }

    /** This region with its epoch renumbered (see {@link SystemState#withEpochsRenumbered}). */
    public Region withEpoch(long renumbered) {
        return renumbered == epoch ? this : new Region(owner, contents, renumbered);
    }

    /** This region with unknown bytes learned from an observation (not a change: the epoch stays). */
    public Region learned(Cells learned) {
        return new Region(owner, learned, epoch);
    }
}
