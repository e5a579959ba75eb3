package invs.conformance.reference;

import invs.conformance.sut.SystemUnderTest;
import invs.conformance.sut.Capability;

import invs.impl.board.Board;
import invs.impl.board.BoardConfiguration;
import invs.impl.kernel.SyscallResult;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.ErrorCode;
import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Subscribe;
import invs.spec.Tick;
import invs.spec.Unsubscribe;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.control.Option;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The reference implementation as a {@link SystemUnderTest}: a {@link Board} built by
 * {@link BoardMapping}, every input mapped onto the board's facade. It supports every capability.
 */
public final class ReferenceSystem implements SystemUnderTest {
    private static final Set<Capability> ALL = Collections.unmodifiableSet(EnumSet.allOf(Capability.class));
    private static final Observation SUCCESS = Observation.success();
    private static final Observation QUIET = Observation.quiet();

    private final Board board;

    /** A fresh board for {@code configuration}. */
    public ReferenceSystem(Configuration configuration) {
        this(BoardMapping.of(configuration));
    }

    /** A fresh board built from {@code board} (for variations of the mapping). */
    public ReferenceSystem(BoardConfiguration board) {
        this(new Board(board));
    }

    /** A system over an existing board (in whatever state it is). */
    public ReferenceSystem(Board board) {
        this.board = board;
    }

    /** The board, for inspection (flash image, statistics). */
    public Board board() {
        return board;
    }

    @Override
    public Observation apply(Input input) {
        return switch (input) {
            case Command(var app, int number, long arg1, long arg2) -> result(board.command(app.slot(), number, arg1, arg2));
            case AllowReadOnly(var app, int number, Bytes data) -> result(board.allowReadOnly(app.slot(), number, data.toArray()));
            case AllowReadWrite(var app, int number, int length) -> result(board.allowReadWrite(app.slot(), number, length));
            case Subscribe(var app, int number) -> result(board.subscribe(app.slot(), number));
            case Unsubscribe(var app, int number) -> result(board.unsubscribe(app.slot(), number));
            case Yield(var app) -> yielded(app.slot());
            case Tick tick -> {
                board.tick();
                yield QUIET;
            }
            case Drain drain -> {
                board.drain();
                yield QUIET;
            }
            case Reboot(int tornBytes) -> {
                board.reboot(tornBytes);
                yield QUIET;
            }
            case Restart(var app) -> {
                board.restart(app.slot());
                yield QUIET;
            }
            case FlashFault fault -> {
                board.injectFault();
                yield QUIET;
            }
        };
    }

    private Observation yielded(int app) {
        Optional<invs.impl.kernel.Upcall> upcall = board.yieldNoWait(app);
        Option<Upcall> seen = upcall.isPresent()
                ? Option.some(new Upcall(upcall.get().subscribeNumber(), upcall.get().arg0(), upcall.get().arg1(),
                        upcall.get().arg2()))
                : Option.none();
        return new Observation.Yielded(seen, Bytes.of(board.readWriteBuffer(app)));
    }

    private static Observation result(SyscallResult result) {
        if (result.success()) {
            return SUCCESS;
        }
        return Observation.failure(ErrorCode.ofNumber(result.errorCode())
                .getOrElseThrow(() -> new IllegalStateException("unknown error number " + result.errorCode())));
    }

    @Override
    public Set<Capability> capabilities() {
        return ALL;
    }
}
