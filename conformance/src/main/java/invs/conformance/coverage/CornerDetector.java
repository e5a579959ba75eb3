package invs.conformance.coverage;

import invs.conformance.shadow.KernelShadow;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.DriverNumbers;
import invs.spec.ErrorCode;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Subscribe;
import invs.spec.Syscall;
import invs.spec.Unsubscribe;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.control.Option;

/**
 * Recognises the {@link Corner}s and {@link DocumentedOutcome}s of each step of one sequence, from the
 * inputs, the observations and the session's {@link KernelShadow} (as it was before the step), and counts
 * them in a {@link Statistics}.
 */
public final class CornerDetector {
    private static final long NEAR_2_32 = 0xFFFF_0000L;

    private final Configuration configuration;
    private final Statistics statistics;
    private final KernelShadow shadow;
    private boolean grantRefused;

    /** A detector for one session on {@code configuration}, reading {@code shadow}, counting into {@code statistics}. */
    public CornerDetector(Configuration configuration, Statistics statistics, KernelShadow shadow) {
        this.configuration = configuration;
        this.statistics = statistics;
        this.shadow = shadow;
    }

    /**
     * Counts {@code input}, answered with an observation a property rejected: an input checked, but no
     * outcome, corner or grant refusal reached (a wrong answer covers nothing of the driver document).
     */
    public void rejected(Input input) {
        statistics.input(input instanceof Syscall);
    }

    /** Counts what step ({@code input}, {@code observation}) reached; call it before the shadow learns the step. */
    public void record(Input input, Observation observation) {
        statistics.input(input instanceof Syscall);
        DocumentedOutcome outcome = DocumentedOutcome.find(input, observation);
        if (outcome != null) {
            statistics.outcome(outcome);
        }
        if (input instanceof Syscall && observation instanceof Observation.Failure(ErrorCode code) && code == ErrorCode.NOMEM) {
            statistics.grantRefused(!grantRefused);
            grantRefused = true;
        }
        switch (input) {
            case Command command -> command(command, observation);
            case AllowReadOnly allow -> allowed(allow.app().slot(), allow.number());
            case AllowReadWrite allow -> allowed(allow.app().slot(), allow.number());
            case Subscribe(var app, int number) -> subscription(number);
            case Unsubscribe(var app, int number) -> subscription(number);
            case Yield(var app) -> yielded(app.slot(), observation);
            case Drain drain -> {
                for (int app = 0; app < shadow.apps(); app++) {
                    int slot = app;
                    if (shadow.outstanding(app).exists(command -> !shadow.subscribed(slot,
                            DriverNumbers.subscribeNumberOf(command.number())))) {
                        statistics.corner(Corner.COMPLETED_WHILE_UNSUBSCRIBED);
                    }
                }
            }
            case Reboot reboot -> {
                boolean any = false;
                boolean write = false;
                for (int app = 0; app < shadow.apps(); app++) {
                    Option<Command> outstanding = shadow.outstanding(app);
                    any |= outstanding.isDefined();
                    write |= outstanding.exists(command -> command.number() == DriverNumbers.WRITE);
                }
                if (any) {
                    statistics.corner(Corner.REBOOT_MID_OPERATION);
                }
                if (write && reboot.tornBytes() > 0) {
                    statistics.corner(Corner.TORN_WRITE);
                }
            }
            case Restart(var app) -> {
                if (shadow.outstanding(app.slot()).isDefined()) {
                    statistics.corner(Corner.RESTART_MID_OPERATION);
                }
            }
            default -> {
            }
        }
    }

    private void command(Command command, Observation observation) {
        int app = command.app().slot();
        int number = command.number();
        if (number < DriverNumbers.EXISTS || number > DriverNumbers.WRITE) {
            statistics.corner(Corner.UNKNOWN_NUMBER);
            return;
        }
        if (observation instanceof Observation.Failure(ErrorCode code) && code == ErrorCode.BUSY) {
            statistics.corner(Corner.BUSY_SAME_APP);
        }
        if (number == DriverNumbers.EXISTS || !(observation instanceof Observation.Success)) {
            return;
        }
        if (shadow.otherOutstanding(app)) {
            statistics.corner(Corner.ACCEPTED_WHILE_OTHER_APP_PENDING);
        }
        if (number == DriverNumbers.GET_SIZE) {
            return;
        }
        int length = shadow.bufferLength(app, number);
        if (!shadow.hasBuffer(app, number)) {
            statistics.corner(Corner.MISSING_BUFFER);
        } else if (length == 0) {
            statistics.corner(Corner.ZERO_LENGTH_BUFFER);
        }
        if (command.arg2() != 0) {
            statistics.corner(Corner.HIGH_WORD_NONZERO);
        }
        if (command.arg1() >= NEAR_2_32) {
            statistics.corner(Corner.LOW_WORD_NEAR_2_32);
        }
        long size = configuration.regionSize();
        if (length > size) {
            statistics.corner(Corner.LENGTH_ABOVE_SIZE);
        }
        if (command.arg2() == 0 && length > 0) {
            long end = command.arg1() + length;
            if (end == size - 1) {
                statistics.corner(Corner.END_AT_SIZE_MINUS_1);
            } else if (end == size) {
                statistics.corner(Corner.END_AT_SIZE);
            } else if (end == size + 1) {
                statistics.corner(Corner.END_AT_SIZE_PLUS_1);
            }
        }
    }

    private void allowed(int app, int number) {
        if (number != DriverNumbers.BUFFER) {
            statistics.corner(Corner.UNKNOWN_NUMBER);
        } else if (shadow.outstanding(app).isDefined()) {
            statistics.corner(Corner.REALLOW_WHILE_PENDING);
        }
    }

    private void subscription(int number) {
        if (!DriverNumbers.isSubscribeNumber(number)) {
            statistics.corner(Corner.UNKNOWN_NUMBER);
        }
    }

    private void yielded(int app, Observation observation) {
        if (shadow.subscribedToNothing(app)) {
            statistics.corner(Corner.YIELD_WITHOUT_SUBSCRIPTION);
        }
        if (observation instanceof Observation.Yielded(Option<Upcall> upcall, var buffer) && upcall.isDefined()) {
            if (upcall.get().status() == ErrorCode.NOMEM.number()) {
                statistics.corner(Corner.STORAGE_EXHAUSTED);
            } else if (upcall.get().status() == ErrorCode.FAIL.number()) {
                statistics.corner(Corner.OPERATION_FAILED);
            }
        }
    }
}
