package invs.conformance.zoo;

import invs.conformance.sut.Capability;
import invs.conformance.sut.ReferenceSystem;
import invs.conformance.sut.SystemUnderTest;
import invs.impl.kernel.Board;
import invs.spec.AddressWidth;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Subscribe;
import invs.spec.Unsubscribe;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.control.Option;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.Set;

/**
 * The reference implementation with one behaviour changed: the base of most of the zoo's mutants. It
 * passes inputs to a {@link ReferenceSystem} and keeps track of what an app has allowed, subscribed and
 * has outstanding, so that a subclass can change one answer ({@link #answer}) in a realistic way. It can
 * also make inputs the app never made ({@link #hidden}) and queue upcalls the board never made
 * ({@link #inject}), which are delivered before the board's own.
 */
abstract class ReferenceVariant implements SystemUnderTest {
    protected final Configuration configuration;
    private ReferenceSystem inner;
    private final Bytes[] readOnly;
    private final int[] readWrite;
    private final boolean[][] subscribed;
    private final Command[] outstanding;
    private final Command[] accepted;
    private final List<ArrayDeque<Upcall>> injected = new ArrayList<>();

    ReferenceVariant(Configuration configuration) {
        this.configuration = configuration;
        this.inner = new ReferenceSystem(configuration);
        int apps = configuration.apps().size();
        readOnly = new Bytes[apps];
        readWrite = new int[apps];
        subscribed = new boolean[apps][3];
        outstanding = new Command[apps];
        accepted = new Command[apps];
        for (int app = 0; app < apps; app++) {
            injected.add(new ArrayDeque<>());
        }
        Arrays.fill(readOnly, Bytes.empty());
    }

    @Override
    public final Observation apply(Input input) {
        Observation observation = answer(input);
        track(input, observation);
        return observation;
    }

    /** What the mutant answers; the reference's answer unless overridden. */
    protected Observation answer(Input input) {
        return forward(input);
    }

    /** The reference's answer to {@code input}, with injected upcalls delivered first. */
    protected final Observation forward(Input input) {
        if (input instanceof Yield yield && !injected.get(yield.app().slot()).isEmpty()) {
            Upcall upcall = injected.get(yield.app().slot()).poll();
            return new Observation.Yielded(Option.some(upcall), Bytes.of(board().readWriteBuffer(yield.app().slot())));
        }
        return inner.apply(input);
    }

    /** Applies {@code input} to the board without the app having made it; its answer is dropped. */
    protected final void hidden(Input input) {
        inner.apply(input);
    }

    /** Queues {@code upcall} for {@code app} as if the board had, if the app is subscribed to its number. */
    protected final void inject(int app, Upcall upcall) {
        if (subscribed(app, upcall.subscribeNumber())) {
            injected.get(app).add(upcall);
        }
    }

    /** Replaces the board by a fresh one (erased flash). */
    protected final void replaceBoard() {
        inner = new ReferenceSystem(configuration);
    }

    /** The board. */
    protected final Board board() {
        return inner.board();
    }

    /** The data of {@code app}'s read-only allow 0. */
    protected final Bytes readOnly(int app) {
        return readOnly[app];
    }

    /** The length of {@code app}'s read-write allow 0. */
    protected final int readWrite(int app) {
        return readWrite[app];
    }

    /** Whether {@code app} is subscribed to {@code number}. */
    protected final boolean subscribed(int app, int number) {
        return number >= 0 && number < 3 && subscribed[app][number];
    }

    /** The command {@code app} has outstanding (accepted, not yet answered or drained), or null. */
    protected final Command outstanding(int app) {
        return outstanding[app];
    }

    /** The last command {@code app} had accepted (since it started), or null. */
    protected final Command lastAccepted(int app) {
        return accepted[app];
    }

    /** Whether an app other than {@code app} has an operation outstanding. */
    protected final boolean otherOutstanding(int app) {
        for (int other = 0; other < outstanding.length; other++) {
            if (other != app && outstanding[other] != null) {
                return true;
            }
        }
        return false;
    }

    /** The offset of a read or write command as the document defines it, or -1 when it is INVAL regardless. */
    protected final long offset(Command command) {
        if (configuration.addressWidth() == AddressWidth.BITS_64) {
            return command.arg1() | command.arg2() << 32;
        }
        if (configuration.profile() == Profile.DOC && command.arg2() != 0) {
            return -1;
        }
        return command.arg1();
    }

    /** Whether {@code app} has the storage permissions command {@code number} (1, 2 or 3) needs, as the capsule checks. */
    protected final boolean permitted(int app, int number) {
        var permissions = configuration.apps().get(app).permissions();
        var id = permissions.writeId();
        return id.isDefined() && switch (number) {
            case 2 -> permissions.mayRead(id.get());
            case 3 -> permissions.mayModify(id.get());
            default -> true;
        };
    }

    /** The length of the buffer a read or write command uses now. */
    protected final int bufferLength(Command command) {
        return command.number() == 2 ? readWrite[command.app().slot()] : readOnly[command.app().slot()].length();
    }

    private void track(Input input, Observation observation) {
        switch (input) {
            case Command command when observation instanceof Observation.Success
                    && command.number() >= 1 && command.number() <= 3 -> {
                outstanding[command.app().slot()] = command;
                accepted[command.app().slot()] = command;
            }
            case AllowReadOnly allow when allow.number() == 0 && observation instanceof Observation.Success ->
                    readOnly[allow.app().slot()] = allow.data();
            case AllowReadWrite allow when allow.number() == 0 && observation instanceof Observation.Success ->
                    readWrite[allow.app().slot()] = allow.length();
            case Subscribe(var app, int number) when number >= 0 && number < 3 -> {
                subscribed[app.slot()][number] = true;
                injected.get(app.slot()).removeIf(upcall -> upcall.subscribeNumber() == number);
            }
            case Unsubscribe(var app, int number) when number >= 0 && number < 3 -> {
                subscribed[app.slot()][number] = false;
                injected.get(app.slot()).removeIf(upcall -> upcall.subscribeNumber() == number);
            }
            case Yield(var app) when observation instanceof Observation.Yielded(Option<Upcall> upcall, var buffer)
                    && upcall.isDefined() && outstanding[app.slot()] != null
                    && outstanding[app.slot()].number() - 1 == upcall.get().subscribeNumber() ->
                    outstanding[app.slot()] = null;
            case Drain drain -> Arrays.fill(outstanding, null);
            case Restart(var app) -> forget(app.slot());
            case Reboot reboot -> {
                for (int app = 0; app < outstanding.length; app++) {
                    forget(app);
                }
            }
            default -> {
            }
        }
    }

    private void forget(int app) {
        readOnly[app] = Bytes.empty();
        readWrite[app] = 0;
        Arrays.fill(subscribed[app], false);
        outstanding[app] = null;
        accepted[app] = null;
        injected.get(app).clear();
    }

    @Override
    public Set<Capability> capabilities() {
        return inner.capabilities();
    }
}
