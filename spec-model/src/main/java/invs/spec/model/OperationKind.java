package invs.spec.model;

import invs.spec.Clause;
import invs.spec.ErrorCode;
import invs.spec.Upcall;

/**
 * The three storage operations, with the command that starts each, the subscribe number its upcall
 * arrives on, and the clauses that describe it.
 */
public enum OperationKind {
    /** Command 1, upcall 0. */
    SIZE(1, 0),
    /** Command 2, upcall 1. */
    READ(2, 1),
    /** Command 3, upcall 2. */
    WRITE(3, 2);

    private final int command;
    private final int subscribeNumber;

    OperationKind(int command, int subscribeNumber) {
        this.command = command;
        this.subscribeNumber = subscribeNumber;
    }

    /** The operation command {@code number} starts, if any. */
    public static java.util.Optional<OperationKind> ofCommand(int number) {
        return switch (number) {
            case 1 -> java.util.Optional.of(SIZE);
            case 2 -> java.util.Optional.of(READ);
            case 3 -> java.util.Optional.of(WRITE);
            default -> java.util.Optional.empty();
        };
    }

    /** The command number. */
    public int command() {
        return command;
    }

    /** The subscribe number of its upcall. */
    public int subscribeNumber() {
        return subscribeNumber;
    }

    /** The clause for accepting the command. */
    public Clause accepted() {
        return switch (this) {
            case SIZE -> Clause.COMMAND_1_ACCEPTED;
            case READ -> Clause.COMMAND_2_ACCEPTED;
            case WRITE -> Clause.COMMAND_3_ACCEPTED;
        };
    }

    /** The clause for a synchronous NOSUPPORT. */
    public Clause noSupport() {
        return switch (this) {
            case SIZE -> Clause.COMMAND_1_NOSUPPORT;
            case READ -> Clause.COMMAND_2_NOSUPPORT;
            case WRITE -> Clause.COMMAND_3_NOSUPPORT;
        };
    }

    /** The clause for BUSY. */
    public Clause busy() {
        return switch (this) {
            case SIZE -> Clause.COMMAND_1_BUSY;
            case READ -> Clause.COMMAND_2_BUSY;
            case WRITE -> Clause.COMMAND_3_BUSY;
        };
    }

    /**
     * The clause that lets the permission error come by upcall: commands 2 and 3 say so; for command 1
     * it follows from subscribe 0 listing NOSUPPORT among its status codes.
     */
    public Clause asyncPermission() {
        return switch (this) {
            case SIZE -> Clause.SUBSCRIBE_0_NOSUPPORT;
            case READ -> Clause.COMMAND_2_ASYNC_PERMISSION;
            case WRITE -> Clause.COMMAND_3_ASYNC_PERMISSION;
        };
    }

    /** The clause for allocating a region on first use. */
    public Clause allocates() {
        return switch (this) {
            case SIZE -> Clause.COMMAND_1_ALLOCATES;
            case READ -> Clause.COMMAND_2_ALLOCATES;
            case WRITE -> Clause.COMMAND_3_ALLOCATES;
        };
    }

    /** The clause for a successful upcall. */
    public Clause success() {
        return switch (this) {
            case SIZE -> Clause.SUBSCRIBE_0_SUCCESS;
            case READ -> Clause.SUBSCRIBE_1_SUCCESS;
            case WRITE -> Clause.SUBSCRIBE_2_SUCCESS;
        };
    }

    /** The clause for an error upcall with {@code code}. */
    public Clause upcallError(ErrorCode code) {
        return switch (this) {
            case SIZE -> switch (code) {
                case NOSUPPORT -> Clause.SUBSCRIBE_0_NOSUPPORT;
                case NOMEM -> Clause.SUBSCRIBE_0_NOMEM;
                default -> Clause.CLARIFIED_CRASH;
            };
            case READ -> switch (code) {
                case RESERVE -> Clause.SUBSCRIBE_1_RESERVE;
                case NOMEM -> Clause.SUBSCRIBE_1_NOMEM;
                case NOSUPPORT -> Clause.SUBSCRIBE_1_NOSUPPORT;
                case INVAL -> Clause.SUBSCRIBE_1_INVAL;
                default -> Clause.SUBSCRIBE_1_FAIL;
            };
            case WRITE -> switch (code) {
                case RESERVE -> Clause.SUBSCRIBE_2_RESERVE;
                case NOMEM -> Clause.SUBSCRIBE_2_NOMEM;
                case NOSUPPORT -> Clause.SUBSCRIBE_2_NOSUPPORT;
                case INVAL -> Clause.SUBSCRIBE_2_INVAL;
                default -> Clause.SUBSCRIBE_2_FAIL;
            };
        };
    }

    /** The clause behind an upcall the driver delivers, found from its subscribe number and status. */
    public static Clause clauseOf(Upcall upcall) {
        OperationKind kind = switch (upcall.subscribeNumber()) {
            case 0 -> SIZE;
            case 1 -> READ;
            default -> WRITE;
        };
        if (upcall.status() == 0) {
            return kind.success();
        }
        return ErrorCode.ofNumber(upcall.status()).map(kind::upcallError).getOrElse(Clause.TRD104_YIELD);
    }
}
