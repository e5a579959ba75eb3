package invs.spec.model;

import invs.spec.ShortId;

/**
 * Where the bytes at the start of a read-write buffer came from, kept while some of them are unknown:
 * when the buffer is observed, the storage bytes they were copied from become known too (reads are
 * stable), provided the region has not changed since.
 *
 * @param owner  the region read
 * @param offset the offset read from
 * @param count  how many bytes were copied to the start of the buffer
 * @param epoch  the region's epoch when the read completed
 */
public record ReadSource(ShortId owner, int offset, int count, long epoch) {
    /** This read, remembered from another epoch of the same region. */
    public ReadSource withEpoch(long renumbered) {
        return new ReadSource(owner, offset, count, renumbered);
    }
}
