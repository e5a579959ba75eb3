package invs.conformance.zoo;

import invs.conformance.shadow.AccessOffset;
import invs.conformance.shadow.KernelShadow;

import invs.conformance.sut.Capability;
import invs.conformance.reference.ReferenceSystem;
import invs.conformance.sut.SystemUnderTest;
import invs.impl.board.Board;
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
    private final KernelShadow shadow;
    private final List<ArrayDeque<Upcall>> injected = new ArrayList<>();

    ReferenceVariant(Configuration configuration) {
        this.configuration = configuration;
        this.inner = new ReferenceSystem(configuration);
        this.shadow = new KernelShadow(configuration);
        for (int app = 0; app < configuration.apps().size(); app++) {
            injected.add(new ArrayDeque<>());
        }
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
        return shadow.readOnly(app).getOrElse(Bytes.empty());
    }

    /** The length of {@code app}'s read-write allow 0. */
    protected final int readWrite(int app) {
        return shadow.readWrite(app).getOrElse(0);
    }

    /** Whether {@code app} is subscribed to {@code number}. */
    protected final boolean subscribed(int app, int number) {
        return shadow.subscribed(app, number);
    }

    /** The command {@code app} has outstanding (accepted, not yet answered or drained), or null. */
    protected final Command outstanding(int app) {
        return shadow.outstanding(app).getOrNull();
    }

    /** The last command {@code app} had accepted (since it started), or null. */
    protected final Command lastAccepted(int app) {
        return shadow.lastAccepted(app).getOrNull();
    }

    /** Whether an app other than {@code app} has an operation outstanding. */
    protected final boolean otherOutstanding(int app) {
        return shadow.otherOutstanding(app);
    }

    /** The offset of a read or write command as the document defines it, or -1 when it is INVAL regardless. */
    protected final long offset(Command command) {
        return AccessOffset.of(configuration, command).getOrElse(-1L);
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
        return shadow.bufferLength(command.app().slot(), command.number());
    }

    private void track(Input input, Observation observation) {
        shadow.observe(input, observation);
        switch (input) {
            case Subscribe(var app, int number) -> injected.get(app.slot()).removeIf(upcall -> upcall.subscribeNumber() == number);
            case Unsubscribe(var app, int number) -> injected.get(app.slot()).removeIf(upcall -> upcall.subscribeNumber() == number);
            case Restart(var app) -> injected.get(app.slot()).clear();
            case Reboot reboot -> injected.forEach(ArrayDeque::clear);
            default -> {
            }
        }
    }

    @Override
    public Set<Capability> capabilities() {
        return inner.capabilities();
    }
}
