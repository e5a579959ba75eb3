package invs.spec;

/**
 * Yield-no-wait: the app runs at most one queued upcall, then looks at its read-write buffer.
 *
 * @param app the yielding app
 */
public record Yield(AppId app) implements Syscall {
    @Override
    public String toString() {
        return app + " yield";
    }
}
