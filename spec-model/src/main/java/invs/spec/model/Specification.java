package invs.spec.model;

import invs.spec.AddressWidth;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Clause;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.ErrorCode;
import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.ShortId;
import invs.spec.StoragePermissions;
import invs.spec.Subscribe;
import invs.spec.Tick;
import invs.spec.Unsubscribe;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.collection.Array;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * The executable specification of driver 0x50004 for one {@link Configuration}: an immutable,
 * nondeterministic state machine. {@link #step} answers an input in a state with every outcome the
 * driver document allows (under the configuration's {@link Profile}); each outcome names its clause.
 */
public final class Specification {
    /** The subscribe numbers the driver defines: 0 size, 1 read done, 2 write done. */
    public static final int SUBSCRIBE_NUMBERS = 3;

    /** The observations that carry nothing, made once (every tick and most system calls show one). */
    private static final Observation SUCCESS = Observation.success();
    private static final Observation QUIET = Observation.quiet();

    private final Configuration config;
    private final Completion completion;
    private final int stepBound;

    /** The specification of a board with this configuration, which follows {@link TooManyStates#STEP_BOUND} states a step. */
    public Specification(Configuration config) {
        this(config, TooManyStates.STEP_BOUND);
    }

    /**
     * The specification of a board with this configuration, which follows at most {@code stepBound} states
     * a step ({@link TooManyStates}).
     *
     * @throws IllegalArgumentException when {@code stepBound} is less than 1
     */
    public Specification(Configuration config, int stepBound) {
        if (stepBound < 1) {
            throw new IllegalArgumentException("a step follows at least one state: " + stepBound);
        }
        this.config = config;
        this.stepBound = stepBound;
        this.completion = new Completion(config, stepBound);
    }

    /** The most states (or parts) one step makes before the specification gives up ({@link TooManyStates}). */
    public int stepBound() {
        return stepBound;
    }

    /** The configuration. */
    public Configuration configuration() {
        return config;
    }

    /** How operations end, for a frontier that steps apps apart ({@link FactoredFrontier}). */
    Completion completion() {
        return completion;
    }

    /** The state at first power-on: no region allocated, no app has done anything. */
    public SystemState initial() {
        return SystemState.initial(config.apps().size());
    }

    /**
     * Every outcome allowed for {@code input} in {@code state}, without duplicates, in a stable order.
     *
     * @throws TooManyStates when the states reached on the way (operations completed in every order and
     *                       way, allocations competing) are more than the {@linkplain #stepBound() step bound}
     */
    public Vector<Outcome> step(SystemState state, Input input) {
        return Frontier.distinct(outcomes(state, input)).toVector();
    }

    /**
     * Every outcome allowed for {@code input} in {@code state}, in a stable order, duplicates included:
     * advancing a frontier removes duplicate states once, after the observation has chosen among them.
     */
    Array<Outcome> outcomes(SystemState state, Input input) {
        return switch (input) {
            case Command command -> command(state, command);
            case AllowReadOnly allow -> allowReadOnly(state, allow);
            case AllowReadWrite allow -> allowReadWrite(state, allow);
            case Subscribe subscribe -> subscription(state, subscribe.app(), subscribe.number(), true);
            case Unsubscribe unsubscribe -> subscription(state, unsubscribe.app(), unsubscribe.number(), false);
            case Yield yield -> yielded(state, yield.app());
            case Tick tick -> Array.of(quiet(state, Clause.CLARIFIED_ENVIRONMENT));
            case Drain drain -> completion.drain(state).map(next -> quiet(next, Clause.CLARIFIED_LIVENESS));
            case Reboot reboot -> reboot(state).map(next -> quiet(next, Clause.CLARIFIED_CRASH));
            case Restart restart -> restart(state, restart.app()).map(next -> quiet(next, Clause.CLARIFIED_CRASH));
            // A fault armed now cannot have been used by an operation that completed before: where that
            // matters, the states a state with upcalls that may be FAIL stands for are told apart first.
            case FlashFault fault -> Array.ofAll(FaultAlternatives.withFaultArmed(state)
                    .map(next -> quiet(next, Clause.CLARIFIED_ENVIRONMENT)));
        };
    }

    /** Whether {@code app} may start an operation of {@code kind} (INTRO_PERMISSIONS, as Tock's capsule checks). */
    public boolean permitted(AppId app, OperationKind kind) {
        StoragePermissions permissions = config.app(app).permissions();
        Option<ShortId> writeId = permissions.writeId();
        return writeId.isDefined() && switch (kind) {
            case SIZE -> true;
            case READ -> permissions.mayRead(writeId.get());
            case WRITE -> permissions.mayModify(writeId.get());
        };
    }

    private Array<Outcome> command(SystemState state, Command command) {
        AppId app = command.app();
        if (command.number() == 0) {
            return Array.of(exactly(SUCCESS, state, Clause.COMMAND_0_EXISTS));
        }
        var kind = OperationKind.ofCommand(command.number());
        if (kind.isEmpty()) {
            return Array.of(exactly(Observation.failure(ErrorCode.NOSUPPORT), state, Clause.TRD104_UNKNOWN_COMMAND));
        }
        OperationKind operation = kind.get();
        if (permitted(app, operation)) {
            return needingGrant(state, app, granted -> started(granted, command, operation, false));
        }
        // D6, D7: the permission check comes first; doc lets the driver defer it to the upcall instead, and
        // then the command is answered as if permitted.
        Array<Outcome> refused = Array.of(exactly(Observation.failure(ErrorCode.NOSUPPORT), state, operation.noSupport()));
        return config.profile() == Profile.DOC
                ? refused.appendAll(needingGrant(state, app, granted -> started(granted, command, operation, true)))
                : refused;
    }

    /** Command 1, 2 or 3 of an app whose grant is allocated: BUSY while its operation is outstanding, else accepted. */
    private Array<Outcome> started(SystemState state, Command command, OperationKind operation, boolean permissionDenied) {
        return completion.settle(state, command.app()).map(before -> before.app(command.app()).pending().isDefined()
                ? exactly(Observation.failure(ErrorCode.BUSY), before, operation.busy())
                : exactly(SUCCESS, accept(before, command, operation, permissionDenied),
                        permissionDenied ? operation.asyncPermission() : operation.accepted()));
    }

    /**
     * The outcomes of a system call that needs {@code app}'s grant (D21): while the kernel has not
     * allocated it, it may refuse with NOMEM (TRD104_GRANT_NOMEM), and then refuses every such call until the
     * process ends; otherwise the call's own outcomes, with the grant allocated.
     */
    private Array<Outcome> needingGrant(SystemState state, AppId app, java.util.function.Function<SystemState, Array<Outcome>> call) {
        AppState current = state.app(app);
        return switch (current.grant()) {
            case ALLOCATED -> call.apply(state);
            case REFUSED -> Array.of(grantRefused(state));
            case NONE -> call.apply(state.withApp(app, current.withGrant(Grant.ALLOCATED)))
                    .append(grantRefused(state.withApp(app, current.withGrant(Grant.REFUSED))));
        };
    }

    private static Outcome grantRefused(SystemState next) {
        return exactly(Observation.failure(ErrorCode.NOMEM), next, Clause.TRD104_GRANT_NOMEM);
    }

    /** Whether {@code input} is a system call that needs its app's grant: subscribe, unsubscribe, the allows, commands 1 to 3. */
    public static boolean needsGrant(Input input) {
        return switch (input) {
            case Command command -> OperationKind.ofCommand(command.number()).isPresent();
            case Subscribe subscribe -> true;
            case Unsubscribe unsubscribe -> true;
            case AllowReadOnly allow -> true;
            case AllowReadWrite allow -> true;
            default -> false;
        };
    }

    /**
     * Whether {@code observation} answering {@code input} is the kernel refusing the app's grant: a
     * synchronous NOMEM to a call that needs it. The specification allows no other synchronous NOMEM, so
     * a checker can count these refusals from observations alone (clause TRD104_GRANT_NOMEM, D21).
     */
    public static boolean isGrantRefusal(Input input, Observation observation) {
        return needsGrant(input) && observation instanceof Observation.Failure(ErrorCode code) && code == ErrorCode.NOMEM;
    }

    /** The state with {@code command} accepted as {@code app}'s outstanding operation. */
    private SystemState accept(SystemState state, Command command, OperationKind kind, boolean permissionDenied) {
        AppState app = state.app(command.app());
        long offset = 0;
        boolean highWordRejected = false;
        if (kind != OperationKind.SIZE) {
            // COMMAND_2_OFFSET / COMMAND_3_OFFSET with INTRO_ADDRESS_WIDTH.
            if (config.addressWidth() == AddressWidth.BITS_64) {
                offset = command.arg1() | (command.arg2() << 32);
            } else {
                offset = command.arg1();
                highWordRejected = config.profile() == Profile.DOC && command.arg2() != 0;
            }
        }
        Vector<Integer> readLengths = kind == OperationKind.READ ? Vector.of(app.readWrite().length()) : Vector.empty();
        var writeData = kind == OperationKind.WRITE ? Vector.of(app.readOnly()) : Vector.<invs.spec.Bytes>empty();
        Operation operation = new Operation(kind, offset, highWordRejected, permissionDenied, readLengths, writeData);
        return state.withApp(command.app(), app.withPending(Option.some(operation)));
    }

    private Array<Outcome> allowReadOnly(SystemState state, AllowReadOnly allow) {
        if (allow.number() != 0) {
            return unknownNumber(state, allow.app(), Clause.TRD104_UNKNOWN_ALLOW);
        }
        return needingGrant(state, allow.app(), granted -> completion.settle(granted, allow.app()).map(before -> {
            AppState app = before.app(allow.app());
            Option<Operation> pending = app.pending().map(operation -> operation.withWriteData(allow.data()));
            AppState after = app.withReadOnly(allow.data()).withPending(pending);
            Clause clause = pending.exists(Operation::reallowed) ? Clause.CLARIFIED_REALLOW : Clause.ALLOW_RO_0;
            return exactly(SUCCESS, before.withApp(allow.app(), after), clause);
        }));
    }

    private Array<Outcome> allowReadWrite(SystemState state, AllowReadWrite allow) {
        if (allow.number() != 0) {
            return unknownNumber(state, allow.app(), Clause.TRD104_UNKNOWN_ALLOW);
        }
        return needingGrant(state, allow.app(), granted -> completion.settle(granted, allow.app()).map(before -> {
            AppState app = before.app(allow.app());
            Option<Operation> pending = app.pending().map(operation -> operation.withReadLength(allow.length()));
            AppState after = app.withReadWrite(Cells.filled(allow.length(), 0), Option.none()).withPending(pending);
            Clause clause = pending.exists(Operation::reallowed) ? Clause.CLARIFIED_REALLOW : Clause.ALLOW_RW_0;
            return exactly(SUCCESS, before.withApp(allow.app(), after), clause);
        }));
    }

    private Array<Outcome> subscription(SystemState state, AppId app, int number, boolean subscribe) {
        if (number < 0 || number >= SUBSCRIBE_NUMBERS) {
            return unknownNumber(state, app, Clause.TRD104_UNKNOWN_SUBSCRIBE);
        }
        return needingGrant(state, app, granted -> completion.settle(granted, app).map(before -> {
            AppState current = before.app(app);
            Subscriptions numbers = subscribe ? current.subscriptions().with(number)
                    : current.subscriptions().without(number);
            return exactly(SUCCESS, before.withApp(app, current.withSubscriptionsDropping(numbers, number)),
                    Clause.TRD104_SUBSCRIBE);
        }));
    }

    /**
     * An allow or subscribe number the driver does not define: NOSUPPORT (TRD104 section 4, Tock's kernel);
     * for an allow, doc also allows INVAL (TRD104 4.4's text). Such a failure says nothing about the grant
     * (a kernel may check the number first), so while the grant is not allocated the kernel may also
     * refuse it (D16, D21).
     */
    private Array<Outcome> unknownNumber(SystemState state, AppId app, Clause clause) {
        Array<Outcome> outcomes = Array.of(exactly(Observation.failure(ErrorCode.NOSUPPORT), state, clause));
        if (config.profile() == Profile.DOC && clause == Clause.TRD104_UNKNOWN_ALLOW) {
            outcomes = outcomes.append(exactly(Observation.failure(ErrorCode.INVAL), state, clause));
        }
        AppState current = state.app(app);
        return current.grant() == Grant.ALLOCATED ? outcomes
                : outcomes.append(grantRefused(state.withApp(app, current.withGrant(Grant.REFUSED))));
    }

    /**
     * A yield: the oldest queued upcall is delivered, with the buffer. An upcall that may instead be FAIL
     * ({@link FaultAlternatives}) is delivered as it is, or, while a fault is armed, as FAIL using it
     * (SUBSCRIBE_n_FAIL, CLARIFIED_CRASH): the choice its operation made when it completed unseen.
     */
    private Array<Outcome> yielded(SystemState state, AppId app) {
        Array<SystemState> settled = completion.settle(state, app);
        Array<Outcome> outcomes = settled.map(before -> {
            AppState current = before.app(app);
            Cells shown = shownBuffer(current);
            if (current.upcalls().isEmpty()) {
                return new Outcome(new Expectation.YieldedAs(app, Option.none(), shown), before, Clause.TRD104_YIELD);
            }
            Upcall oldest = current.upcalls().head();
            return new Outcome(new Expectation.YieldedAs(app, Option.some(oldest), shown),
                    before.withApp(app, current.withOldestTaken()), OperationKind.clauseOf(oldest));
        });
        for (SystemState before : settled) {
            AppState current = before.app(app);
            if (current.mayFail(0) && before.armedFaults() > 0) {
                Upcall failed = Upcall.error(current.upcalls().head().subscribeNumber(), ErrorCode.FAIL);
                SystemState after = before.withApp(app, current.withOldestTaken())
                        .withArmedFaults(before.armedFaults() - 1);
                outcomes = outcomes.append(new Outcome(new Expectation.YieldedAs(app, Option.some(failed),
                        shownBuffer(current)), after, OperationKind.clauseOf(failed)));
            }
        }
        return outcomes;
    }

    /**
     * The read-write buffer as the app may see it: while a read is pending, the bytes it may copy are in
     * flight and may show anything (an implementation may copy chunk by chunk); see CLARIFIED_REALLOW.
     */
    private Cells shownBuffer(AppState app) {
        Cells buffer = app.readWrite();
        Option<Operation> read = app.pending().filter(operation -> operation.kind() == OperationKind.READ
                && !operation.permissionDenied());
        if (read.isEmpty() || buffer.length() == 0) {
            return buffer;
        }
        int longest = read.get().readLengths().max().getOrElse(0);
        int reach = config.transferLimit().map(limit -> Math.min(limit, longest)).getOrElse(longest);
        return buffer.forget(0, Math.min(buffer.length(), reach));
    }

    private Array<SystemState> restart(SystemState state, AppId app) {
        return completion.interrupt(state, app).map(after -> after.withApp(app, AppState.fresh()));
    }

    private Array<SystemState> reboot(SystemState state) {
        // A reboot disarms the faults, so a write that may have failed unseen is told apart first: whether it
        // used a fault no longer shows in the faults armed (StorageAlternatives).
        Array<SystemState> states = Array.ofAll(StorageAlternatives.concrete(state));
        for (AppId app : config.appIds()) {
            states = Frontier.distinct(states.flatMap(current -> completion.interrupt(current, app)));
        }
        return Frontier.distinct(states.map(after -> new SystemState(after.regions(),
                Array.fill(config.apps().size(), AppState::fresh), 0)));
    }

    private static Outcome exactly(Observation observation, SystemState next, Clause clause) {
        return new Outcome(new Expectation.Exactly(observation), next, clause);
    }

    private static Outcome quiet(SystemState next, Clause clause) {
        return exactly(QUIET, next, clause);
    }
}
