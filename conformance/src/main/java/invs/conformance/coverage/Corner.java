package invs.conformance.coverage;

/**
 * A situation the generator aims at on purpose, because implementations tend to get it wrong.
 * {@link Statistics} counts how often each was reached.
 */
public enum Corner {
    /** A command while the same app's operation is pending, answered BUSY. */
    BUSY_SAME_APP("command while the app's operation is pending"),
    /** A command accepted while another app's operation is pending. */
    ACCEPTED_WHILE_OTHER_APP_PENDING("command accepted while another app's operation is pending"),
    /** A read or write whose end (offset + length) is the region size minus 1. */
    END_AT_SIZE_MINUS_1("access ending at size - 1"),
    /** A read or write ending exactly at the region's end. */
    END_AT_SIZE("access ending at size"),
    /** A read or write ending one byte past the region. */
    END_AT_SIZE_PLUS_1("access ending at size + 1"),
    /** A read or write with a buffer longer than the region. */
    LENGTH_ABOVE_SIZE("buffer longer than the region"),
    /** A read or write at an offset of 2^32 or more (nonzero high word). */
    HIGH_WORD_NONZERO("offset with a nonzero high word"),
    /** A read or write at an offset whose low word is within 64 KiB of 2^32. */
    LOW_WORD_NEAR_2_32("offset low word near 2^32"),
    /** A read or write whose buffer was allowed with length 0. */
    ZERO_LENGTH_BUFFER("read or write with a zero-length buffer"),
    /** A read or write with no buffer allowed since the app started. */
    MISSING_BUFFER("read or write with no buffer allowed"),
    /** A NOMEM upcall: the storage is full. */
    STORAGE_EXHAUSTED("NOMEM: storage exhausted"),
    /** A FAIL upcall: a flash fault reached an operation. */
    OPERATION_FAILED("FAIL: a flash fault reached an operation"),
    /** A reboot while an operation is pending. */
    REBOOT_MID_OPERATION("reboot while an operation is pending"),
    /** A reboot that tears a flash operation (torn bytes > 0) while a write is pending. */
    TORN_WRITE("reboot with torn bytes while a write is pending"),
    /** A restart of an app whose operation is pending. */
    RESTART_MID_OPERATION("restart while the app's operation is pending"),
    /** A buffer re-allowed while the app's operation is pending. */
    REALLOW_WHILE_PENDING("buffer re-allowed while the operation is pending"),
    /** A drain completes an operation whose app is not subscribed to its upcall. */
    COMPLETED_WHILE_UNSUBSCRIBED("operation completed while its app is not subscribed"),
    /** A yield by an app that has no subscription. */
    YIELD_WITHOUT_SUBSCRIPTION("yield without any subscription"),
    /** A command, allow or subscribe number the driver does not define. */
    UNKNOWN_NUMBER("undefined command, allow or subscribe number");

    private final String description;

    Corner(String description) {
        this.description = description;
    }

    /** What the situation is, in a few words. */
    public String description() {
        return description;
    }
}
