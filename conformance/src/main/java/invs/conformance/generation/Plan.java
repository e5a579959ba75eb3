package invs.conformance.generation;

/**
 * The short plans generation mixes, each aimed at corners of the driver document, with its weight (the
 * chance of being chosen next, in percent of all plans when every plan is enabled).
 */
public enum Plan {
    /** One random input; when an operation is pending, often a tick, yield or command of its app. */
    SINGLE(27, "single random inputs"),
    /** A read long enough to take several chunks, watched from the app while in flight. */
    WATCH_LONG_READ(3, "long reads watched while in flight"),
    /** Write a buffer, read it back, both answered. */
    WRITE_THEN_READ(10, "write, drain, read back"),
    /** A read or write at a boundary: ends at size-1, size, size+1, lengths above size, offsets at size. */
    BOUNDS(12, "accesses at the bounds"),
    /** Two commands of one app in a row. */
    BUSY(6, "a second command while the first is pending"),
    /** Commands of several apps while each other's are pending, sometimes with a restart. */
    BUSY_ACROSS_APPS(6, "commands of several apps while others are pending"),
    /** Every app asks for its size on a storage too small for all. */
    EXHAUST(3, "every app allocates (NOMEM on small storage)"),
    /** Read everything, write part of it, cut the write by a reboot or restart, read everything back. */
    INTERRUPTED_WRITE(6, "writes cut by a reboot or restart"),
    /** A flash fault met by an operation, or landing in the middle of a write. */
    FAULT(4, "flash faults"),
    /** Re-allow the buffer of a pending operation. */
    REALLOW(4, "re-allows while pending"),
    /** An operation completes while its app is not subscribed; then it subscribes and yields. */
    UNSUBSCRIBED(4, "completions while unsubscribed"),
    /** Offsets with a nonzero high word or a low word near 2^32. */
    HIGH_WORD(5, "offsets with a high word"),
    /** Subscribe an app to every upcall. */
    SUBSCRIBE_ALL(5, "subscribe to everything"),
    /** An app without full permissions tries every command. */
    PERMISSIONS(5, "commands without permission");

    private final int weight;
    private final String description;

    Plan(int weight, String description) {
        this.weight = weight;
        this.description = description;
    }

    /** Its weight among the enabled plans. */
    public int weight() {
        return weight;
    }

    /** What it does, in a few words. */
    public String description() {
        return description;
    }
}
