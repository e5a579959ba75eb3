package invs.spec;

/**
 * The subscribe system call with the null upcall: the app no longer wants upcalls of this number.
 *
 * @param app    the calling app
 * @param number the subscribe number
 */
public record Unsubscribe(AppId app, int number) implements Syscall {
    @Override
    public String toString() {
        return app + " unsubscribe " + number;
    }
}
