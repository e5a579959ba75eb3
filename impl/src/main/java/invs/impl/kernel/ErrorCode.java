package invs.impl.kernel;

/** Tock's error codes with their TRD104 numbers. */
public enum ErrorCode {
    /** Generic failure. */
    FAIL(1),
    /** Underlying system is busy; retry. */
    BUSY(2),
    /** The state requested is already set. */
    ALREADY(3),
    /** The component is powered down. */
    OFF(4),
    /** Reservation required before use. */
    RESERVE(5),
    /** An invalid parameter was passed. */
    INVAL(6),
    /** Parameter passed was too large. */
    SIZE(7),
    /** Operation canceled by a call. */
    CANCEL(8),
    /** Memory required not available. */
    NOMEM(9),
    /** Operation is not supported. */
    NOSUPPORT(10),
    /** Device is not available. */
    NODEVICE(11),
    /** Device is not physically installed. */
    UNINSTALLED(12),
    /** Packet transmission not acknowledged. */
    NOACK(13);

    private static final ErrorCode[] BY_NUMBER = new ErrorCode[14];

    static {
        for (ErrorCode code : values()) {
            BY_NUMBER[code.number] = code;
        }
    }

    private final int number;

    ErrorCode(int number) {
        this.number = number;
    }

    /** The TRD104 number. */
    public int number() {
        return number;
    }

    /** The code with TRD104 number {@code number}. */
    public static ErrorCode of(int number) {
        if (number <= 0 || number >= BY_NUMBER.length) {
            throw new IllegalArgumentException("no error code " + number);
        }
        return BY_NUMBER[number];
    }
}
