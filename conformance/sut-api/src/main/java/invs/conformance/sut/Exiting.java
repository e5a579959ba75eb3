package invs.conformance.sut;

/**
 * Whether the process is exiting (a signal such as Ctrl-C, or {@link System#exit}): set first by whatever
 * stops systems under test at exit (invs's protocol client kills its servers), before it stops them, so
 * that a campaign takes what those stops look like (a server killed, a pipe closed) for what they are, not
 * for findings.
 */
public final class Exiting {
    private static volatile boolean begun;

    private Exiting() {
    }

    /** Marks the process as exiting, for good. */
    public static void begin() {
        begun = true;
    }

    /** Whether the process is exiting. */
    public static boolean begun() {
        return begun;
    }
}
