package invs.conformance.engine;

import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
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

import java.util.Arrays;

/**
 * Recognises the {@link Corner}s and {@link DocumentedOutcome}s of each step of one sequence, from the
 * inputs and observations, and counts them in a {@link Statistics}.
 */
final class CornerDetector {
    private static final long NEAR_2_32 = 0xFFFF_0000L;

    private final Configuration configuration;
    private final Statistics statistics;
    /** The pending operation's subscribe number per app, or -1. */
    private final int[] pending;
    /** The allowed buffer lengths per app, -1 for never allowed. */
    private final int[] readOnly;
    private final int[] readWrite;
    private final boolean[][] subscribed;

    CornerDetector(Configuration configuration, Statistics statistics) {
        this.configuration = configuration;
        this.statistics = statistics;
        int apps = configuration.apps().size();
        pending = new int[apps];
        readOnly = new int[apps];
        readWrite = new int[apps];
        subscribed = new boolean[apps][3];
        Arrays.fill(pending, -1);
        Arrays.fill(readOnly, -1);
        Arrays.fill(readWrite, -1);
    }

    void record(Input input, Observation observation) {
        statistics.input(input instanceof Syscall);
        DocumentedOutcome.of(input, observation).forEach(statistics::outcome);
        switch (input) {
            case Command command -> command(command, observation);
            case AllowReadOnly allow -> {
                allowed(allow.app().slot(), allow.number());
                if (allow.number() == 0) {
                    readOnly[allow.app().slot()] = allow.data().length();
                }
            }
            case AllowReadWrite allow -> {
                allowed(allow.app().slot(), allow.number());
                if (allow.number() == 0) {
                    readWrite[allow.app().slot()] = allow.length();
                }
            }
            case Subscribe(var app, int number) -> subscription(app.slot(), number, true);
            case Unsubscribe(var app, int number) -> subscription(app.slot(), number, false);
            case Yield(var app) -> yielded(app.slot(), observation);
            case Drain drain -> {
                for (int app = 0; app < pending.length; app++) {
                    if (pending[app] >= 0 && !subscribed[app][pending[app]]) {
                        statistics.corner(Corner.COMPLETED_WHILE_UNSUBSCRIBED);
                    }
                }
                Arrays.fill(pending, -1);
            }
            case Reboot reboot -> {
                boolean any = Arrays.stream(pending).anyMatch(number -> number >= 0);
                boolean write = Arrays.stream(pending).anyMatch(number -> number == 2);
                if (any) {
                    statistics.corner(Corner.REBOOT_MID_OPERATION);
                }
                if (write && reboot.tornBytes() > 0) {
                    statistics.corner(Corner.TORN_WRITE);
                }
                for (int app = 0; app < pending.length; app++) {
                    restarted(app);
                }
            }
            case Restart(var app) -> {
                if (pending[app.slot()] >= 0) {
                    statistics.corner(Corner.RESTART_MID_OPERATION);
                }
                restarted(app.slot());
            }
            default -> {
            }
        }
    }

    private void command(Command command, Observation observation) {
        int app = command.app().slot();
        int number = command.number();
        if (number < 0 || number > 3) {
            statistics.corner(Corner.UNKNOWN_NUMBER);
            return;
        }
        if (observation instanceof Observation.Failure(ErrorCode code) && code == ErrorCode.BUSY) {
            statistics.corner(Corner.BUSY_SAME_APP);
        }
        if (number == 0 || !(observation instanceof Observation.Success)) {
            return;
        }
        for (int other = 0; other < pending.length; other++) {
            if (other != app && pending[other] >= 0) {
                statistics.corner(Corner.ACCEPTED_WHILE_OTHER_APP_PENDING);
                break;
            }
        }
        pending[app] = number - 1;
        if (number == 1) {
            return;
        }
        int length = number == 2 ? readWrite[app] : readOnly[app];
        if (length < 0) {
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
        if (number != 0) {
            statistics.corner(Corner.UNKNOWN_NUMBER);
        } else if (pending[app] >= 0) {
            statistics.corner(Corner.REALLOW_WHILE_PENDING);
        }
    }

    private void subscription(int app, int number, boolean on) {
        if (number < 0 || number > 2) {
            statistics.corner(Corner.UNKNOWN_NUMBER);
            return;
        }
        subscribed[app][number] = on;
    }

    private void yielded(int app, Observation observation) {
        if (!subscribed[app][0] && !subscribed[app][1] && !subscribed[app][2]) {
            statistics.corner(Corner.YIELD_WITHOUT_SUBSCRIPTION);
        }
        if (observation instanceof Observation.Yielded(Option<Upcall> upcall, var buffer) && upcall.isDefined()) {
            if (upcall.get().status() == ErrorCode.NOMEM.number()) {
                statistics.corner(Corner.STORAGE_EXHAUSTED);
            } else if (upcall.get().status() == ErrorCode.FAIL.number()) {
                statistics.corner(Corner.OPERATION_FAILED);
            }
            if (pending[app] == upcall.get().subscribeNumber()) {
                pending[app] = -1;
            }
        }
    }

    private void restarted(int app) {
        pending[app] = -1;
        readOnly[app] = -1;
        readWrite[app] = -1;
        Arrays.fill(subscribed[app], false);
    }
}
