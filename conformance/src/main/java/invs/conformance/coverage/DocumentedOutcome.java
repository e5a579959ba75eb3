package invs.conformance.coverage;

import invs.spec.DriverNumbers;

import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.Command;
import invs.spec.ErrorCode;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Subscribe;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.Arrays;

/**
 * Every (operation, outcome) pair the driver document names: the synchronous returns of the commands
 * and the status codes of the three upcalls, plus the allows and subscriptions it defines and TRD104's
 * answer to an unknown command. {@link Statistics} counts how often each was observed.
 */
public enum DocumentedOutcome {
    /** Command 0 returned SUCCESS. */
    COMMAND_0_SUCCESS("command 0", "SUCCESS"),
    /** Command 1 was accepted. */
    COMMAND_1_SUCCESS("command 1", "SUCCESS"),
    /** Command 1 failed with NOSUPPORT. */
    COMMAND_1_NOSUPPORT("command 1", "NOSUPPORT"),
    /** Command 1 failed with BUSY. */
    COMMAND_1_BUSY("command 1", "BUSY"),
    /** Command 2 was accepted. */
    COMMAND_2_SUCCESS("command 2", "SUCCESS"),
    /** Command 2 failed with NOSUPPORT. */
    COMMAND_2_NOSUPPORT("command 2", "NOSUPPORT"),
    /** Command 2 failed with BUSY. */
    COMMAND_2_BUSY("command 2", "BUSY"),
    /** Command 3 was accepted. */
    COMMAND_3_SUCCESS("command 3", "SUCCESS"),
    /** Command 3 failed with NOSUPPORT. */
    COMMAND_3_NOSUPPORT("command 3", "NOSUPPORT"),
    /** Command 3 failed with BUSY. */
    COMMAND_3_BUSY("command 3", "BUSY"),
    /** An undefined command number failed with NOSUPPORT. */
    UNKNOWN_COMMAND_NOSUPPORT("unknown command", "NOSUPPORT"),
    /** Size upcall with SUCCESS. */
    UPCALL_0_SUCCESS("upcall 0", "SUCCESS"),
    /** Size upcall with NOSUPPORT. */
    UPCALL_0_NOSUPPORT("upcall 0", "NOSUPPORT"),
    /** Size upcall with NOMEM. */
    UPCALL_0_NOMEM("upcall 0", "NOMEM"),
    /** Read upcall with SUCCESS. */
    UPCALL_1_SUCCESS("upcall 1", "SUCCESS"),
    /** Read upcall with RESERVE. */
    UPCALL_1_RESERVE("upcall 1", "RESERVE"),
    /** Read upcall with NOMEM. */
    UPCALL_1_NOMEM("upcall 1", "NOMEM"),
    /** Read upcall with NOSUPPORT. */
    UPCALL_1_NOSUPPORT("upcall 1", "NOSUPPORT"),
    /** Read upcall with INVAL. */
    UPCALL_1_INVAL("upcall 1", "INVAL"),
    /** Read upcall with FAIL. */
    UPCALL_1_FAIL("upcall 1", "FAIL"),
    /** Write upcall with SUCCESS. */
    UPCALL_2_SUCCESS("upcall 2", "SUCCESS"),
    /** Write upcall with RESERVE. */
    UPCALL_2_RESERVE("upcall 2", "RESERVE"),
    /** Write upcall with NOMEM. */
    UPCALL_2_NOMEM("upcall 2", "NOMEM"),
    /** Write upcall with NOSUPPORT. */
    UPCALL_2_NOSUPPORT("upcall 2", "NOSUPPORT"),
    /** Write upcall with INVAL. */
    UPCALL_2_INVAL("upcall 2", "INVAL"),
    /** Write upcall with FAIL. */
    UPCALL_2_FAIL("upcall 2", "FAIL"),
    /** Read-only allow 0 succeeded. */
    ALLOW_RO_0_SUCCESS("read-only allow 0", "SUCCESS"),
    /** Read-write allow 0 succeeded. */
    ALLOW_RW_0_SUCCESS("read-write allow 0", "SUCCESS"),
    /** Subscribe 0, 1 or 2 succeeded. */
    SUBSCRIBE_SUCCESS("subscribe 0-2", "SUCCESS");

    private final String operation;
    private final String outcome;

    DocumentedOutcome(String operation, String outcome) {
        this.operation = operation;
        this.outcome = outcome;
    }

    /** The operation, for example {@code command 2} or {@code upcall 1}. */
    public String operation() {
        return operation;
    }

    /** The outcome: {@code SUCCESS} or an error code's name. */
    public String outcome() {
        return outcome;
    }

    /** The pair of {@code operation} and {@code outcome} as reports write them, if the document has it. */
    public static Option<DocumentedOutcome> named(String operation, String outcome) {
        for (DocumentedOutcome pair : values()) {
            if (pair.operation.equals(operation) && pair.outcome.equals(outcome)) {
                return Option.some(pair);
            }
        }
        return Option.none();
    }

    /** The named pair {@code input} answered by {@code observation} is, if the document names it. */
    public static Option<DocumentedOutcome> of(Input input, Observation observation) {
        return Option.of(find(input, observation));
    }

    /**
     * The named pair {@code input} answered by {@code observation} is, or null when the document does not
     * name it: {@link #of} without its wrapper, for counting every step of a campaign.
     */
    static DocumentedOutcome find(Input input, Observation observation) {
        return switch (input) {
            case Command command -> returned(command.number() >= DriverNumbers.EXISTS
                    && command.number() <= DriverNumbers.WRITE ? command.number() : UNKNOWN_COMMAND, observation);
            case AllowReadOnly allow -> allow.number() == DriverNumbers.BUFFER
                    ? returned(READ_ONLY_ALLOW, observation) : null;
            case AllowReadWrite allow -> allow.number() == DriverNumbers.BUFFER
                    ? returned(READ_WRITE_ALLOW, observation) : null;
            case Subscribe subscribe -> DriverNumbers.isSubscribeNumber(subscribe.number())
                    ? returned(SUBSCRIBE, observation) : null;
            case Yield yield -> observation instanceof Observation.Yielded(Option<Upcall> upcall, var buffer)
                    && upcall.isDefined() && DriverNumbers.isSubscribeNumber(upcall.get().subscribeNumber())
                    ? named(UPCALL_0 + upcall.get().subscribeNumber(), upcall.get().status()) : null;
            default -> null;
        };
    }

    /**
     * The operations the document names, by index: commands 0 to 3 first (at their numbers), and the
     * upcalls on subscribe numbers 0 to 2 last (from {@link #UPCALL_0}).
     */
    private static final String[] OPERATIONS = {"command 0", "command 1", "command 2", "command 3", "unknown command",
            "read-only allow 0", "read-write allow 0", "subscribe 0-2", "upcall 0", "upcall 1", "upcall 2"};
    private static final int UNKNOWN_COMMAND = 4;
    private static final int READ_ONLY_ALLOW = 5;
    private static final int READ_WRITE_ALLOW = 6;
    private static final int SUBSCRIBE = 7;
    private static final int UPCALL_0 = 8;
    /** The largest status of an outcome: the largest error code's number. */
    private static final int LARGEST_STATUS = Vector.of(ErrorCode.values()).map(ErrorCode::number).max().get();

    /**
     * Every pair, by the index of its operation in {@link #OPERATIONS}, then by the status of its outcome (0
     * for SUCCESS, else the error code's number); null where the document names no such pair.
     */
    private static final DocumentedOutcome[][] BY_OPERATION = byOperation();

    private static DocumentedOutcome[][] byOperation() {
        DocumentedOutcome[][] pairs = new DocumentedOutcome[OPERATIONS.length][LARGEST_STATUS + 1];
        for (DocumentedOutcome value : values()) {
            int operation = Arrays.asList(OPERATIONS).indexOf(value.operation);
            int status = value.outcome.equals("SUCCESS") ? 0 : ErrorCode.valueOf(value.outcome).number();
            pairs[operation][status] = value;
        }
        return pairs;
    }

    private static DocumentedOutcome returned(int operation, Observation observation) {
        return switch (observation) {
            case Observation.Success success -> named(operation, 0);
            case Observation.Failure(ErrorCode code) -> named(operation, code.number());
            default -> null;
        };
    }

    private static DocumentedOutcome named(int operation, long status) {
        return status >= 0 && status <= LARGEST_STATUS ? BY_OPERATION[operation][(int) status] : null;
    }

    @Override
    public String toString() {
        return operation + " → " + outcome;
    }
}
