package invs.impl.storage;

/**
 * Byte-addressed, split-phase nonvolatile storage (Tock's {@code NonvolatileStorage} HIL, with an error
 * result). One request at a time; each completes later through the {@link StorageClient}, never
 * during the call that starts it. Buffers are lent until the request completes.
 */
public interface NonvolatileStorage {

    /** Sets the client. */
    void setClient(StorageClient client);

    /** Size of the storage area in bytes. */
    int length();

    /** Whether a request is in progress. */
    boolean isBusy();

    /** Starts reading {@code length} bytes at {@code address} into {@code buffer[offset..]}. */
    void read(int address, byte[] buffer, int offset, int length);

    /** Starts writing {@code buffer[offset..offset+length)} at {@code address}. */
    void write(int address, byte[] buffer, int offset, int length);

    /** Starts setting {@code length} bytes at {@code address} to 0xFF (the erased value). */
    void fill(int address, int length);
}
