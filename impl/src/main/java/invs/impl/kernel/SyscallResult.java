package invs.impl.kernel;

/**
 * The synchronous return of a syscall: success, or failure with a TRD104 error number.
 *
 * @param success   whether the call succeeded
 * @param errorCode 0 on success, else the error's TRD104 number
 */
public record SyscallResult(boolean success, int errorCode) {

    /** Success. */
    public static final SyscallResult SUCCESS = new SyscallResult(true, 0);

    private static final SyscallResult[] FAILURES = new SyscallResult[14];

    static {
        for (ErrorCode code : ErrorCode.values()) {
            FAILURES[code.number()] = new SyscallResult(false, code.number());
        }
    }

    /** Validates the pair. */
    public SyscallResult {
        if (success && errorCode != 0) {
            throw new IllegalArgumentException("a success carries no error code: " + errorCode);
        }
        if (!success) {
            ErrorCode.of(errorCode);
        }
    }

    /** Failure with the TRD104 error number {@code code}. */
    public static SyscallResult failure(int code) {
        return FAILURES[ErrorCode.of(code).number()];
    }

    /** Failure with {@code code}. */
    public static SyscallResult failure(ErrorCode code) {
        return FAILURES[code.number()];
    }

    @Override
    public String toString() {
        return success ? "SUCCESS" : "FAILURE(" + ErrorCode.of(errorCode) + ")";
    }
}
