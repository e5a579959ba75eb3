package invs.spec;

/**
 * The command system call: {@code command(0x50004, number, arg1, arg2)}.
 *
 * @param app    the calling app
 * @param number the command number
 * @param arg1   the first argument, an unsigned 32-bit value
 * @param arg2   the second argument, an unsigned 32-bit value
 */
public record Command(AppId app, int number, long arg1, long arg2) implements Syscall {
    /** Checks that both arguments are 32-bit words. */
    public Command {
        if (arg1 < 0 || arg1 > 0xFFFF_FFFFL || arg2 < 0 || arg2 > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("command arguments are unsigned 32-bit words");
        }
    }

    /** Command 0: does the driver exist? */
    public static Command exists(AppId app) {
        return new Command(app, 0, 0, 0);
    }

    /** Command 1: get the size of the app's region. */
    public static Command size(AppId app) {
        return new Command(app, 1, 0, 0);
    }

    /** Command 2: read at a 64-bit offset (split into low and high words). */
    public static Command read(AppId app, long offset) {
        return new Command(app, 2, offset & 0xFFFF_FFFFL, offset >>> 32);
    }

    /** Command 3: write at a 64-bit offset (split into low and high words). */
    public static Command write(AppId app, long offset) {
        return new Command(app, 3, offset & 0xFFFF_FFFFL, offset >>> 32);
    }

    @Override
    public String toString() {
        return String.format("%s command %d (0x%x, 0x%x)", app, number, arg1, arg2);
    }
}
