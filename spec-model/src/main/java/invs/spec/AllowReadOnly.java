package invs.spec;

/**
 * The read-only allow system call: the app shares {@code data} with the driver. An empty buffer takes
 * back whatever was shared (Tock treats a zero-length allow as no buffer).
 *
 * @param app    the calling app
 * @param number the allow number (0 is the buffer for writes)
 * @param data   the app's buffer contents
 */
public record AllowReadOnly(AppId app, int number, Bytes data) implements Syscall {
    @Override
    public String toString() {
        return app + " allow-ro " + number + " " + data;
    }
}
