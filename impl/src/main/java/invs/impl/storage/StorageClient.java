package invs.impl.storage;

/** Receives the completion of a {@link NonvolatileStorage} request. */
public interface StorageClient {

    /** A read finished; when {@code ok} the buffer holds the bytes. */
    void readDone(boolean ok);

    /** A write (or fill) finished; when not {@code ok} its range holds unknown bytes, nothing else changed. */
    void writeDone(boolean ok);
}
