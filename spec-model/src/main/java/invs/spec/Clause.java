package invs.spec;

import io.vavr.collection.Vector;

/**
 * The clauses the specification implements, each naming where its text stands: a section of the driver
 * document ({@code 50004_isolated_nonvolatile_storage.md}), Tock's system call document TRD104, or a
 * clarification of {@code docs/spec.md} where the document is silent or ambiguous.
 * Every outcome the model allows names the clause behind it, so a report can cite it, together with the
 * decisions of {@code docs/spec.md} that govern it ({@link #decisions()}); a test checks both against the
 * documents.
 */
public enum Clause {
    /** The driver gives each app one contiguous, fixed-size region. */
    INTRO_REGION(Source.DOCUMENT, "Introduction",
            "access to a contiguous, fixed-size region of nonvolatile storage the application can use",
            "D1, D18"),
    /** 32-bit and 64-bit address spaces. */
    INTRO_ADDRESS_WIDTH(Source.DOCUMENT, "Introduction",
            "supports both 32-bit and 64-bit address spaces for the nonvolatile storage",
            "D8"),
    /** Use is protected by storage permissions. */
    INTRO_PERMISSIONS(Source.DOCUMENT, "Introduction",
            "use of this interface is protected by StoragePermissions",
            "D1, D22"),

    /** Command 0 answers SUCCESS. */
    COMMAND_0_EXISTS(Source.DOCUMENT, "Command 0", "SUCCESS if it exists, otherwise NODEVICE",
            "D2, D23"),

    /** Command 1 is accepted and answered by upcall. */
    COMMAND_1_ACCEPTED(Source.DOCUMENT, "Command 1, Returns, Success",
            "The get size command was accepted and the response will be issued via an upcall",
            "D4, D5, D23"),
    /** Command 1 allocates a region on first use. */
    COMMAND_1_ALLOCATES(Source.DOCUMENT, "Command 1",
            "Calling this command will allocate a storage region if one was not previously allocated",
            "D12"),
    /** Command 1 fails with NOSUPPORT without permission. */
    COMMAND_1_NOSUPPORT(Source.DOCUMENT, "Command 1, Returns, Failure",
            "NOSUPPORT: The application does not have permissions to access the nonvolatile storage",
            "D1, D6, D7"),
    /** Command 1 fails with BUSY while a request is pending. */
    COMMAND_1_BUSY(Source.DOCUMENT, "Command 1, Returns, Failure", "BUSY: A prior request is pending",
            "D4, D6"),

    /** Command 2 is accepted and answered by upcall. */
    COMMAND_2_ACCEPTED(Source.DOCUMENT, "Command 2, Returns, Success",
            "The read command was accepted and a response will be issued via the upcall",
            "D4, D23"),
    /** Command 2's offset comes from two 32-bit words. */
    COMMAND_2_OFFSET(Source.DOCUMENT, "Command 2, Arguments",
            "read offset, in bytes (lower 32 bits) / read offset, in bytes (upper 32 bits)",
            "D8, D9"),
    /** Command 2's length is the allowed buffer's. */
    COMMAND_2_LENGTH(Source.DOCUMENT, "Command 2", "The length is equal to the size of the allowed read buffer",
            "D9, D10, D17"),
    /** Command 2 allocates a region on first use. */
    COMMAND_2_ALLOCATES(Source.DOCUMENT, "Command 2",
            "Calling this command will allocate a storage region if one was not previously allocated",
            "D12"),
    /** Command 2's permission error may come by upcall. */
    COMMAND_2_ASYNC_PERMISSION(Source.DOCUMENT, "Command 2",
            "The permission check may be asynchronous, and a permissions error may be returned via the upcall",
            "D7"),
    /** Command 2 fails with NOSUPPORT without permission. */
    COMMAND_2_NOSUPPORT(Source.DOCUMENT, "Command 2, Returns, Failure",
            "NOSUPPORT: The application does not have permissions to access the nonvolatile storage",
            "D1, D6, D7"),
    /** Command 2 fails with BUSY while a request is pending. */
    COMMAND_2_BUSY(Source.DOCUMENT, "Command 2, Returns, Failure", "BUSY: A prior request is pending",
            "D4, D6"),

    /** Command 3 is accepted and answered by upcall. */
    COMMAND_3_ACCEPTED(Source.DOCUMENT, "Command 3, Returns, Success",
            "The write command was accepted and a response will be issued via the upcall",
            "D4, D23"),
    /** Command 3's offset comes from two 32-bit words. */
    COMMAND_3_OFFSET(Source.DOCUMENT, "Command 3, Arguments",
            "write offset, in bytes (lower 32 bits) / write offset, in bytes (upper 32 bits)",
            "D8, D9"),
    /** Command 3's length is the allowed buffer's. */
    COMMAND_3_LENGTH(Source.DOCUMENT, "Command 3", "The length is equal to the size of the allowed buffer",
            "D9, D10, D17"),
    /** Command 3 allocates a region on first use. */
    COMMAND_3_ALLOCATES(Source.DOCUMENT, "Command 3",
            "Calling this command will allocate a storage region if one was not previously allocated",
            "D12"),
    /** Command 3's permission error may come by upcall. */
    COMMAND_3_ASYNC_PERMISSION(Source.DOCUMENT, "Command 3",
            "The permission check may be asynchronous, and a permissions error may be returned via the upcall",
            "D7"),
    /** Command 3 fails with NOSUPPORT without permission. */
    COMMAND_3_NOSUPPORT(Source.DOCUMENT, "Command 3, Returns, Failure",
            "NOSUPPORT: The application does not have permissions to access the nonvolatile storage",
            "D1, D6, D7"),
    /** Command 3 fails with BUSY while a request is pending. */
    COMMAND_3_BUSY(Source.DOCUMENT, "Command 3, Returns, Failure", "BUSY: A prior request is pending",
            "D4, D6"),

    /** Size upcall, SUCCESS with the region's length. */
    SUBSCRIBE_0_SUCCESS(Source.DOCUMENT, "Subscribe 0, Statuscode Values",
            "SUCCESS: length is set to the number of bytes in the app's nonvolatile storage region",
            "D14"),
    /** Size upcall, NOSUPPORT. */
    SUBSCRIBE_0_NOSUPPORT(Source.DOCUMENT, "Subscribe 0, Statuscode Values",
            "NOSUPPORT: The application does not have permissions to access the nonvolatile storage",
            "D7"),
    /** Size upcall, NOMEM. */
    SUBSCRIBE_0_NOMEM(Source.DOCUMENT, "Subscribe 0, Statuscode Values", "NOMEM: There is no space remaining",
            "D12, D13"),

    /** Read upcall, SUCCESS with the count. */
    SUBSCRIBE_1_SUCCESS(Source.DOCUMENT, "Subscribe 1, Statuscode Values",
            "SUCCESS: length is set to the number of bytes read into the allowed buffer",
            "D10, D14, D20"),
    /** Read upcall, RESERVE. */
    SUBSCRIBE_1_RESERVE(Source.DOCUMENT, "Subscribe 1, Statuscode Values",
            "RESERVE: No buffer was allowed for read-write allow 0 or the allowed buffer has a length of 0",
            "D11"),
    /** Read upcall, NOMEM. */
    SUBSCRIBE_1_NOMEM(Source.DOCUMENT, "Subscribe 1, Statuscode Values",
            "NOMEM: The app has no nonvolatile storage region",
            "D11, D12"),
    /** Read upcall, NOSUPPORT. */
    SUBSCRIBE_1_NOSUPPORT(Source.DOCUMENT, "Subscribe 1, Statuscode Values",
            "NOSUPPORT: The application does not have permissions to access the nonvolatile storage",
            "D7"),
    /** Read upcall, INVAL. */
    SUBSCRIBE_1_INVAL(Source.DOCUMENT, "Subscribe 1, Statuscode Values",
            "INVAL: The read was not within the app's storage region",
            "D8, D9, D11"),
    /** Read upcall, FAIL. */
    SUBSCRIBE_1_FAIL(Source.DOCUMENT, "Subscribe 1, Statuscode Values",
            "FAIL: There was an error accessing the underlying storage",
            "D15"),

    /** Write upcall, SUCCESS with the count. */
    SUBSCRIBE_2_SUCCESS(Source.DOCUMENT, "Subscribe 2, Statuscode Values",
            "SUCCESS: length is set to the number of bytes written from the allowed buffer",
            "D10, D14"),
    /** Write upcall, RESERVE. */
    SUBSCRIBE_2_RESERVE(Source.DOCUMENT, "Subscribe 2, Statuscode Values",
            "RESERVE: No buffer was allowed for read-only allow 0 or the allowed buffer has a length of 0",
            "D11"),
    /** Write upcall, NOMEM. */
    SUBSCRIBE_2_NOMEM(Source.DOCUMENT, "Subscribe 2, Statuscode Values",
            "NOMEM: The app has no nonvolatile storage region",
            "D11, D12"),
    /** Write upcall, NOSUPPORT. */
    SUBSCRIBE_2_NOSUPPORT(Source.DOCUMENT, "Subscribe 2, Statuscode Values",
            "NOSUPPORT: The application does not have permissions to access the nonvolatile storage",
            "D7"),
    /** Write upcall, INVAL. */
    SUBSCRIBE_2_INVAL(Source.DOCUMENT, "Subscribe 2, Statuscode Values",
            "INVAL: The write was not within the app's storage region",
            "D8, D9, D11"),
    /** Write upcall, FAIL. */
    SUBSCRIBE_2_FAIL(Source.DOCUMENT, "Subscribe 2, Statuscode Values",
            "FAIL: There was an error accessing the underlying storage",
            "D15"),

    /** Read-only allow 0 is the write buffer. */
    ALLOW_RO_0(Source.DOCUMENT, "Read-Only Allow 0", "This buffer to use for writes to the nonvolatile storage",
            "D14, D17, D22"),
    /** Read-write allow 0 is the read buffer. */
    ALLOW_RW_0(Source.DOCUMENT, "Read-Write Allow 0", "This buffer to use for reads from the nonvolatile storage",
            "D10, D14, D17, D20, D22"),

    /** A command number the driver does not define fails with NOSUPPORT. */
    TRD104_UNKNOWN_COMMAND(Source.TRD104, "4 System Call API",
            "If userspace invokes an unrecognized system call on a peripheral driver, the peripheral driver"
                    + " MUST return a Failure result with an error of NOSUPPORT",
            "D3, D23"),
    /** An allow number the driver does not define fails. */
    TRD104_UNKNOWN_ALLOW(Source.TRD104, "4.4 Read-Write Allow",
            "If the specified allow number is not supported by the driver, the kernel will return INVALID",
            "D16"),
    /** A subscribe number the driver does not define fails. */
    TRD104_UNKNOWN_SUBSCRIBE(Source.TRD104, "4 System Call API",
            "If userspace invokes an unrecognized system call on a peripheral driver, the peripheral driver"
                    + " MUST return a Failure result with an error of NOSUPPORT",
            "D16"),
    /** Subscribing replaces the upcall and drops its queued invocations. */
    TRD104_SUBSCRIBE(Source.TRD104, "4.2 Subscribe",
            "When a process makes a successful subscribe system call ..., the kernel MUST cancel all pending"
                    + " upcalls on that process for that driver and subscribe number",
            "D16, D22"),
    /** Yield-no-wait runs at most one pending upcall. */
    TRD104_YIELD(Source.TRD104, "4.1.1 Yield-NoWait", "Yield-NoWait, executes a single upcall if any is pending",
            "D16, D19"),
    /** The kernel may refuse a call that needs the app's grant, while the app has none, with NOMEM. */
    TRD104_GRANT_NOMEM(Source.TRD104, "3.4 Error Codes, 4.4 Read-Write Allow",
            "If the kernel cannot access the grant region for this process, NOMEM will be returned",
            "D21"),

    /** A new region reads 0xFF. */
    CLARIFIED_FRESH_REGION(Source.CLARIFICATION, "docs/spec.md#fresh-region",
            "a newly allocated region reads as 0xFF in every byte",
            "#fresh-region"),
    /** Acknowledged writes persist, and nothing else changes storage. */
    CLARIFIED_DURABILITY(Source.CLARIFICATION, "docs/spec.md#durability",
            "bytes written with a SUCCESS upcall persist across reboots and restarts until overwritten",
            "#durability"),
    /** What an interrupted or failed operation may change. */
    CLARIFIED_CRASH(Source.CLARIFICATION, "docs/spec.md#crash",
            "an interrupted or failed write leaves only its own range unknown; an interrupted allocation happened or not",
            "D14, D15, #crash"),
    /** Transfers move the whole buffer or up to the configured limit. */
    CLARIFIED_TRANSFER(Source.CLARIFICATION, "docs/spec.md#transfer",
            "a read or write moves min(length, transfer limit) bytes and reports the count",
            "D10"),
    /** Internal progress is invisible; events answer nothing. */
    CLARIFIED_ENVIRONMENT(Source.CLARIFICATION, "docs/spec.md#environment",
            "ticks, drains, reboots, restarts and faults are observed only through later system calls",
            "#environment"),
    /** Every accepted operation completes once the system is drained. */
    CLARIFIED_LIVENESS(Source.CLARIFICATION, "docs/spec.md#liveness",
            "after a drain every accepted operation has completed and queued exactly one upcall if subscribed",
            "#liveness"),
    /** A buffer re-allowed while its operation is pending makes what it touches unknown. */
    CLARIFIED_REALLOW(Source.CLARIFICATION, "docs/spec.md#reallow",
            "re-allowing a buffer while its operation is pending makes the bytes it may touch unknown",
            "D17, D20");

    /** Where a clause's text stands. */
    public enum Source {
        /** The driver document. */
        DOCUMENT,
        /** Tock's system call document, TRD104. */
        TRD104,
        /** A clarification made by this project, in {@code docs/spec.md}. */
        CLARIFICATION
    }

    private final Source source;
    private final String section;
    private final String text;
    private final Vector<String> decisions;

    Clause(Source source, String section, String text, String decisions) {
        this.source = source;
        this.section = section;
        this.text = text;
        this.decisions = Vector.of(decisions.split(", "));
    }

    /** Where the clause's text stands. */
    public Source source() {
        return source;
    }

    /** The section of its source. */
    public String section() {
        return section;
    }

    /** The clause's words: quoted from the driver document or TRD104, or the clarification's summary. */
    public String text() {
        return text;
    }

    /**
     * The sections of {@code docs/spec.md} that govern this clause, in document order: decisions by
     * number ({@code D4}) and clarifications without one by anchor ({@code #durability}). Each names
     * this clause, and no other section does.
     */
    public Vector<String> decisions() {
        return decisions;
    }

    /** Where {@code docs/spec.md} decides about this clause, for reports: {@code docs/spec.md D4, D6}. */
    public String decisionCitation() {
        return "docs/spec.md " + decisions.mkString(", ");
    }

    /** A one-line citation: the section and the text. */
    public String citation() {
        String where = switch (source) {
            case DOCUMENT -> "driver document, " + section;
            case TRD104 -> "TRD104 " + section;
            case CLARIFICATION -> section;
        };
        return name() + " [" + where + "]: \"" + text + "\"";
    }
}
