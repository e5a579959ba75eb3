package invs.fuzz.cli;

/**
 * A mistake of the user's (a bad option value, a missing or malformed file, a server that cannot be
 * started): the command line prints {@code invs: } and the one-line message, no stack trace, and exits
 * with the usage code 2.
 */
public final class UserError extends RuntimeException {
    /** A mistake described in one line. */
    public UserError(String message) {
        super(message);
    }
}
