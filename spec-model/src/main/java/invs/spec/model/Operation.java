package invs.spec.model;

import invs.spec.Bytes;
import io.vavr.collection.Vector;

/**
 * An accepted operation that has not completed yet.
 *
 * <p>The buffers it uses are the ones allowed when the command was issued, unless the app re-allows
 * while the operation is pending: then each buffer allowed meanwhile is a candidate, because the document
 * does not say when the driver looks at the buffer ({@link invs.spec.Clause#CLARIFIED_REALLOW}).
 *
 * @param kind              size, read or write
 * @param offset            the 64-bit offset (unsigned), 0 for size
 * @param highWordRejected  whether a nonzero high word was given on a 32-bit kernel (doc profile: INVAL)
 * @param permissionDenied  whether the app lacks permission and the error is due by upcall
 * @param readLengths       for a read: the lengths of the read-write buffers allowed since the command
 * @param writeData         for a write: the read-only buffers allowed since the command
 */
public record Operation(OperationKind kind, long offset, boolean highWordRejected, boolean permissionDenied,
                        Vector<Integer> readLengths, Vector<Bytes> writeData) {

    /** Whether a buffer was re-allowed while the operation was pending, so several buffers are candidates. */
    public boolean reallowed() {
        return readLengths.size() > 1 || writeData.size() > 1;
    }

    /** The lengths of the candidate buffers (read-write for reads, read-only for writes). */
    public Vector<Integer> candidateLengths() {
        return switch (kind) {
            case SIZE -> Vector.empty();
            case READ -> readLengths;
            case WRITE -> writeData.map(Bytes::length);
        };
    }

    /**
     * This operation after the app allowed another read-write buffer of {@code length}. Even a buffer of
     * the same length counts: part of the data may have gone to the buffer the app took back.
     */
    public Operation withReadLength(int length) {
        return kind != OperationKind.READ ? this
                : new Operation(kind, offset, highWordRejected, permissionDenied, readLengths.append(length), writeData);
    }

    /** This operation after the app allowed another read-only buffer. */
    public Operation withWriteData(Bytes data) {
        return kind != OperationKind.WRITE || writeData.contains(data) ? this
                : new Operation(kind, offset, highWordRejected, permissionDenied, readLengths, writeData.append(data));
    }
}
