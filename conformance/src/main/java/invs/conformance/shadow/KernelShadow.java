package invs.conformance.shadow;

import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Subscribe;
import invs.spec.Unsubscribe;
import invs.spec.Upcall;
import invs.spec.Yield;
import invs.spec.DriverNumbers;
import io.vavr.control.Option;

/**
 * What the apps' side of the kernel can know from the inputs and the observations alone, per app: the
 * buffers it has allowed, the upcalls it is subscribed to, and its outstanding operation. The one view of
 * kernel state that generators, oracles, coverage and the zoo share.
 *
 * <p>Only what the kernel accepted counts: an allow or subscribe that failed changes nothing. An operation
 * is outstanding from its accepted command until its upcall is seen, a drain completes it, or the app
 * restarts (or the board reboots).
 */
public final class KernelShadow {
    private final AppShadow[] apps;

    /** The view at power-on of the apps of {@code configuration}: nothing allowed, subscribed or outstanding. */
    public KernelShadow(Configuration configuration) {
        this(configuration.apps().size());
    }

    /** The view at power-on of {@code apps} apps. */
    public KernelShadow(int apps) {
        this.apps = new AppShadow[apps];
        for (int app = 0; app < apps; app++) {
            this.apps[app] = new AppShadow();
        }
    }

    /** How many apps there are. */
    public int apps() {
        return apps.length;
    }

    /** Learns from {@code input} and what the system answered. */
    public void observe(Input input, Observation observation) {
        boolean accepted = observation instanceof Observation.Success;
        switch (input) {
            case Command command when accepted && DriverNumbers.isOperation(command.number()) -> {
                AppShadow app = apps[command.app().slot()];
                app.outstanding = command;
                app.lastAccepted = command;
            }
            case AllowReadOnly allow when accepted && allow.number() == DriverNumbers.BUFFER -> apps[allow.app().slot()].readOnly = allow.data();
            case AllowReadWrite allow when accepted && allow.number() == DriverNumbers.BUFFER ->
                    apps[allow.app().slot()].readWrite = allow.length();
            case Subscribe(var app, int number) when accepted && DriverNumbers.isSubscribeNumber(number) ->
                    apps[app.slot()].subscribed[number] = true;
            case Unsubscribe(var app, int number) when accepted && DriverNumbers.isSubscribeNumber(number) ->
                    apps[app.slot()].subscribed[number] = false;
            case Yield(var app) when observation instanceof Observation.Yielded(Option<Upcall> upcall, var buffer)
                    && upcall.isDefined() -> apps[app.slot()].answered(upcall.get().subscribeNumber());
            case Drain drain -> {
                for (AppShadow app : apps) {
                    app.outstanding = null;
                }
            }
            case Restart(var app) -> apps[app.slot()] = new AppShadow();
            case Reboot reboot -> {
                for (int app = 0; app < apps.length; app++) {
                    apps[app] = new AppShadow();
                }
            }
            default -> {
            }
        }
    }

    /** The data of {@code app}'s read-only allow 0, none when it has allowed none since it started. */
    public Option<Bytes> readOnly(int app) {
        return Option.of(apps[app].readOnly);
    }

    /** The length of {@code app}'s read-write allow 0, none when it has allowed none since it started. */
    public Option<Integer> readWrite(int app) {
        int length = apps[app].readWrite;
        return length < 0 ? Option.none() : Option.some(length);
    }

    /** The length of the buffer a read (2) or write (3) of {@code app} would use now, 0 when there is none. */
    public int bufferLength(int app, int commandNumber) {
        AppShadow shadow = apps[app];
        if (commandNumber == DriverNumbers.READ) {
            return Math.max(shadow.readWrite, 0);
        }
        return shadow.readOnly == null ? 0 : shadow.readOnly.length();
    }

    /** Whether {@code app} has allowed the buffer a read (2) or write (3) would use, since it started. */
    public boolean hasBuffer(int app, int commandNumber) {
        return commandNumber == DriverNumbers.READ ? apps[app].readWrite >= 0 : apps[app].readOnly != null;
    }

    /** Whether {@code app} is subscribed to {@code number} (false for numbers the driver does not define). */
    public boolean subscribed(int app, int number) {
        return DriverNumbers.isSubscribeNumber(number) && apps[app].subscribed[number];
    }

    /** Whether {@code app} is subscribed to no upcall at all. */
    public boolean subscribedToNothing(int app) {
        for (boolean on : apps[app].subscribed) {
            if (on) {
                return false;
            }
        }
        return true;
    }

    /** {@code app}'s outstanding operation: accepted, its upcall not seen, not drained, not cut. */
    public Option<Command> outstanding(int app) {
        return Option.of(apps[app].outstanding);
    }

    /** Whether an app other than {@code app} has an operation outstanding. */
    public boolean otherOutstanding(int app) {
        for (int other = 0; other < apps.length; other++) {
            if (other != app && apps[other].outstanding != null) {
                return true;
            }
        }
        return false;
    }

    /** The last command {@code app} had accepted since it started, if any. */
    public Option<Command> lastAccepted(int app) {
        return Option.of(apps[app].lastAccepted);
    }

    /** One app's view. */
    private static final class AppShadow {
        private Bytes readOnly;
        /** The length of the read-write buffer, -1 before one is allowed. */
        private int readWrite = -1;
        private final boolean[] subscribed = new boolean[DriverNumbers.SUBSCRIBE_NUMBERS];
        private Command outstanding;
        private Command lastAccepted;

        void answered(int subscribeNumber) {
            if (outstanding != null && DriverNumbers.subscribeNumberOf(outstanding.number()) == subscribeNumber) {
                outstanding = null;
            }
        }
    }
}
