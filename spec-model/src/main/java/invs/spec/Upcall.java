package invs.spec;

/**
 * An upcall as the app receives it: the subscribe number it arrives on and its three argument words.
 * For this driver argument 0 is the status (0 for SUCCESS, else an {@link ErrorCode} number).
 *
 * @param subscribeNumber the subscribe number (0 size, 1 read done, 2 write done)
 * @param status          argument 0: the status word
 * @param arg1            argument 1
 * @param arg2            argument 2
 */
public record Upcall(int subscribeNumber, long status, long arg1, long arg2) {
    /** A successful upcall with {@code arg1}. */
    public static Upcall success(int subscribeNumber, long arg1) {
        return new Upcall(subscribeNumber, 0, arg1, 0);
    }

    /** An error upcall: {@code (code, 0, 0)}. */
    public static Upcall error(int subscribeNumber, ErrorCode code) {
        return new Upcall(subscribeNumber, code.number(), 0, 0);
    }

    @Override
    public String toString() {
        return String.format("upcall %d (%s, %d, %d)", subscribeNumber, ErrorCode.statusName(status), arg1, arg2);
    }
}
