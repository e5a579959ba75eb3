package invs.spec;

/**
 * The subscribe system call with a non-null upcall: the app wants upcalls of this number.
 *
 * @param app    the calling app
 * @param number the subscribe number (0 size, 1 read done, 2 write done)
 */
public record Subscribe(AppId app, int number) implements Syscall {
    @Override
    public String toString() {
        return app + " subscribe " + number;
    }
}
