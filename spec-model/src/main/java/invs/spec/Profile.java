package invs.spec;

/**
 * Which reading of the driver document the model applies where the document leaves room.
 */
public enum Profile {
    /**
     * The clarified document ({@code docs/spec.md}): every behaviour the document allows is allowed,
     * for example NOSUPPORT synchronously or by upcall, and any order of service across apps.
     */
    DOC,
    /**
     * The real capsule's choices where the document leaves room: synchronous NOSUPPORT only, transfers
     * cut to the kernel buffer, the high word of a 32-bit offset ignored, NOSUPPORT (never INVAL) for an
     * undefined allow number. The order of errors is the same in both profiles (docs/spec.md D11).
     */
    TOCK
}
