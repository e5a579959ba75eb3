package invs.spec;

/**
 * The numbers of driver 0x50004's system-call interface, as the driver document defines them: the
 * commands, the subscribe numbers their upcalls arrive on, and the allow numbers. Everything that needs
 * one of these numbers names it here.
 */
public final class DriverNumbers {
    /** The driver number. */
    public static final int DRIVER = 0x50004;
    /** Command 0: does the driver exist? */
    public static final int EXISTS = 0;
    /** Command 1: get the size of the app's region (upcall on subscribe number 0). */
    public static final int GET_SIZE = 1;
    /** Command 2: read (upcall on subscribe number 1). */
    public static final int READ = 2;
    /** Command 3: write (upcall on subscribe number 2). */
    public static final int WRITE = 3;
    /** How many subscribe numbers the driver defines: 0 (size), 1 (read done), 2 (write done). */
    public static final int SUBSCRIBE_NUMBERS = 3;
    /** The only allow number the driver defines, read-only (write data) and read-write (read buffer). */
    public static final int BUFFER = 0;

    private DriverNumbers() {
    }

    /** Whether command {@code number} starts an operation that answers by upcall (1, 2 or 3). */
    public static boolean isOperation(int number) {
        return number >= GET_SIZE && number <= WRITE;
    }

    /** Whether {@code number} is a subscribe number the driver defines. */
    public static boolean isSubscribeNumber(int number) {
        return number >= 0 && number < SUBSCRIBE_NUMBERS;
    }

    /** The subscribe number the upcall of operation command {@code number} arrives on. */
    public static int subscribeNumberOf(int command) {
        if (!isOperation(command)) {
            throw new IllegalArgumentException("command " + command + " answers by no upcall");
        }
        return command - GET_SIZE;
    }

    /** The operation command whose upcall arrives on subscribe number {@code number}. */
    public static int commandOf(int subscribeNumber) {
        if (!isSubscribeNumber(subscribeNumber)) {
            throw new IllegalArgumentException("subscribe number " + subscribeNumber + " is not the driver's");
        }
        return subscribeNumber + GET_SIZE;
    }
}
