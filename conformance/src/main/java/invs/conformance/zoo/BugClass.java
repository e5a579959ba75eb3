package invs.conformance.zoo;

/** The kinds of bug the zoo's mutants stand for. */
public enum BugClass {
    /** Who may use storage: the permission checks. */
    PERMISSIONS,
    /** One outstanding operation per app, and only per app. */
    BUSY,
    /** Offsets, lengths and the INVAL and RESERVE checks. */
    BOUNDS,
    /** Regions: capacity, NOMEM, when they are allocated. */
    ALLOCATION,
    /** Acknowledged writes surviving reboots and restarts. */
    DURABILITY,
    /** What reboots, restarts and flash faults may and may not change. */
    CRASH,
    /** The three words of each upcall. */
    UPCALL_ARGUMENTS,
    /** Exactly one upcall for each accepted operation. */
    LIVENESS
}
