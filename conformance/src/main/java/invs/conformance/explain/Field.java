package invs.conformance.explain;

/** The parts of an observation a report can point at when it differs from what was allowed. */
public enum Field {
    /** What a system call returned: SUCCESS, or FAILURE with its code. */
    RETURN("synchronous return"),
    /** Whether a yield ran an upcall at all. */
    UPCALL("upcall"),
    /** The subscribe number the upcall arrived on. */
    UPCALL_NUMBER("upcall number"),
    /** The upcall's status (its first argument). */
    STATUS("status"),
    /** The upcall's second argument: a length or a count. */
    ARG1("argument 1"),
    /** The upcall's third argument. */
    ARG2("argument 2"),
    /** The bytes of read-write allow 0 after the yield. */
    BUFFER("buffer bytes"),
    /** The length of read-write allow 0 after the yield. */
    BUFFER_LENGTH("buffer length"),
    /** The kind of answer: a return where a yield's answer or an event's was due, or the other way round. */
    KIND("kind of answer");

    private final String label;

    Field(String label) {
        this.label = label;
    }

    /** The field in words. */
    public String label() {
        return label;
    }
}
