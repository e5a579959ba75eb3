package invs.spec;

import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * Tock's error codes with their numbers, as TRD104 defines them. {@code SUCCESS} is not an error code;
 * an upcall's status word is 0 for success and {@link #number()} otherwise.
 */
public enum ErrorCode {
    /** Generic failure. */
    FAIL(1),
    /** The underlying system is busy; retry. */
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
    /** Operation cancelled by a call. */
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

    private static final Vector<ErrorCode> ALL = Vector.of(values());

    private final int number;

    ErrorCode(int number) {
        this.number = number;
    }

    /** The TRD104 number of this code. */
    public int number() {
        return number;
    }

    /** The code with this TRD104 number, if there is one. */
    public static Option<ErrorCode> ofNumber(long number) {
        return ALL.find(code -> code.number == number);
    }

    /** The name of a status word: {@code SUCCESS} for 0, the code's name otherwise, or the raw number. */
    public static String statusName(long status) {
        return status == 0 ? "SUCCESS" : ofNumber(status).map(Enum::name).getOrElse(() -> "status " + status);
    }
}
