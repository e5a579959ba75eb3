package invs.impl.driver;

/** The three storage operations, with their command and subscribe numbers. */
public enum OperationKind {
    /** Command 1: the size of the app's region; upcall 0. */
    SIZE(1, 0),
    /** Command 2: read into read-write allow 0; upcall 1. */
    READ(2, 1),
    /** Command 3: write from read-only allow 0; upcall 2. */
    WRITE(3, 2);

    private final int command;
    private final int subscribeNumber;

    OperationKind(int command, int subscribeNumber) {
        this.command = command;
        this.subscribeNumber = subscribeNumber;
    }

    /** The command number. */
    public int command() {
        return command;
    }

    /** The subscribe number its upcall goes to. */
    public int subscribeNumber() {
        return subscribeNumber;
    }
}
