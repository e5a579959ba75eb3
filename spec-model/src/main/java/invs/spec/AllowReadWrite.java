package invs.spec;

/**
 * The read-write allow system call: the app shares a fresh buffer of {@code length} zero bytes with the
 * driver; reads copy into it. Length 0 takes back whatever was shared.
 *
 * @param app    the calling app
 * @param number the allow number (0 is the buffer for reads)
 * @param length the buffer's length in bytes
 */
public record AllowReadWrite(AppId app, int number, int length) implements Syscall {
    /** Checks the length. */
    public AllowReadWrite {
        if (length < 0) {
            throw new IllegalArgumentException("a buffer length is 0 or more");
        }
    }

    @Override
    public String toString() {
        return app + " allow-rw " + number + " length " + length;
    }
}
