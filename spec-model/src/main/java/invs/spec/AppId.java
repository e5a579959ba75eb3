package invs.spec;

/**
 * An app, named by its process slot (0 for the first process). Process slots order the apps of a
 * {@link Configuration}; the {@code tock} profile serves waiting apps in this order.
 *
 * @param slot the process slot, 0 or more
 */
public record AppId(int slot) implements Comparable<AppId> {
    /** Checks the slot. */
    public AppId {
        if (slot < 0) {
            throw new IllegalArgumentException("process slot must be 0 or more, got " + slot);
        }
    }

    /** The app in process slot {@code slot}. */
    public static AppId of(int slot) {
        return new AppId(slot);
    }

    @Override
    public int compareTo(AppId other) {
        return Integer.compare(slot, other.slot);
    }

    @Override
    public String toString() {
        return "app" + slot;
    }
}
