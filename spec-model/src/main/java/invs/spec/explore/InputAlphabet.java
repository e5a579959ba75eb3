package invs.spec.explore;

import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Subscribe;
import invs.spec.Tick;
import invs.spec.Yield;
import io.vavr.collection.Vector;

/**
 * The finite set of moves an exploration tries in every node, the setup run before it, and the byte
 * values that stand for unknown bytes in observations.
 *
 * @param setup   inputs applied once before exploring (each must have exactly one outcome besides the
 *                kernel refusing the grant, which the setup assumes does not happen)
 * @param moves   the moves tried in every node
 * @param values  byte values used for unknown bytes an observation may show
 */
public record InputAlphabet(Vector<Input> setup, Vector<Move> moves, Vector<Integer> values) {

    /** The pattern the setup allows as every app's write buffer. */
    public static final byte PATTERN = 0x5A;
    /** The second pattern the first app writes, over the first. */
    public static final byte SECOND_PATTERN = (byte) 0xA5;

    /** An alphabet whose moves are the single inputs {@code inputs}. */
    public static InputAlphabet ofInputs(Vector<Input> setup, Vector<Input> inputs, Vector<Integer> values) {
        return new InputAlphabet(setup, inputs.map(Move::of), values);
    }

    /** Every input some move uses, once each, in order of first use. */
    public Vector<Input> inputs() {
        return moves.flatMap(Move::inputs).distinct();
    }

    /**
     * This alphabet without the moves that use an input {@code usable} refuses (for a system that does
     * not take every environment event); the setup and the values stay.
     */
    public InputAlphabet restrictedTo(java.util.function.Predicate<Input> usable) {
        return new InputAlphabet(setup, moves.filter(move -> move.inputs().forAll(usable::test)), values);
    }

    /** The alphabet called {@code name}: {@code standard} or {@code single}, if either. */
    public static io.vavr.control.Option<InputAlphabet> named(String name, Configuration config) {
        return switch (name) {
            case "standard" -> io.vavr.control.Option.some(standard(config));
            case "single" -> io.vavr.control.Option.some(singleInputs(config));
            default -> io.vavr.control.Option.none();
        };
    }

    /**
     * The standard alphabet: moves the way apps use the driver, so that a few moves reach deep (a write,
     * a reboot, the data read back). A <em>call</em> is a command, a drain and a yield of the calling
     * app: the command, its completion and its upcall. Setup: every app subscribes to all three upcalls
     * and allows a two-byte read buffer and a one-byte write buffer (0x5A).
     * <ul>
     *   <li>the first app: calls of get size, reads at offsets 0, size−2 (ending exactly at the end),
     *       size−1 and 2^32 (a nonzero high word), writes at 0, size−1 (ending exactly at the end) and
     *       size; get size and a write at 0 left outstanding; yield; a write call without a buffer
     *       (allow an empty one, call, allow 0x5A again); a write call of 0xA5 at 0 read back (allow
     *       0xA5, call, allow 0x5A again, read call at 0);</li>
     *   <li>the second app: calls of get size, read at 0 and write at 0; get size left outstanding;
     *       yield;</li>
     *   <li>every other app: a get size call (they allocate, so storage runs out);</li>
     *   <li>events: tick, drain, reboot followed by every app's setup, restart of the first app (alone,
     *       and followed by its setup), a flash fault.</li>
     * </ul>
     * Unknown bytes show as 0x00 or 0xA5.
     */
    public static InputAlphabet standard(Configuration config) {
        int size = config.regionSize();
        AppId first = AppId.of(0);
        Input restore = new AllowReadOnly(first, 0, Bytes.of(PATTERN));
        Vector<Move> moves = Vector.of(Command.size(first), Command.read(first, 0), Command.read(first, size - 2),
                Command.read(first, size - 1), Command.read(first, 1L << 32), Command.write(first, 0),
                Command.write(first, size - 1), Command.write(first, size)).map(InputAlphabet::call);
        moves = moves.appendAll(Vector.of(Move.of(Command.size(first)), Move.of(Command.write(first, 0)),
                Move.of(new Yield(first)),
                Move.of(new AllowReadOnly(first, 0, Bytes.empty())).andThen(call(Command.write(first, 0)).inputs())
                        .andThen(Vector.of(restore)),
                Move.of(new AllowReadOnly(first, 0, Bytes.of(SECOND_PATTERN))).andThen(call(Command.write(first, 0)).inputs())
                        .andThen(Vector.of(restore)).andThen(call(Command.read(first, 0)).inputs())));
        for (AppId app : config.appIds().drop(1)) {
            moves = moves.append(call(Command.size(app)));
            if (app.slot() == 1) {
                moves = moves.appendAll(Vector.of(call(Command.read(app, 0)), call(Command.write(app, 0)),
                        Move.of(Command.size(app)), Move.of(new Yield(app))));
            }
        }
        moves = moves.appendAll(Vector.of(Move.of(new Tick()), Move.of(new Drain()),
                Move.of(new Reboot(0)).andThen(setup(config)), Move.of(new Restart(first)),
                Move.of(new Restart(first)).andThen(setup(first)), Move.of(new FlashFault())));
        return new InputAlphabet(setup(config), moves, Vector.of(0x00, 0xA5));
    }

    /** A command, the drain that completes it and the yield that delivers its upcall. */
    private static Move call(Command command) {
        return Move.of(command, new Drain(), new Yield(command.app()));
    }

    /**
     * The alphabet of single inputs for a small configuration. Setup: as {@link #standard}. Then per app:
     * get size; reads at offsets 0, size−2 (ending exactly at the end), size−1 and 2^32 (a nonzero high
     * word); writes at 0, size−1 (ending exactly at the end) and size; an empty write buffer; yield.
     * Events: tick, drain, reboot, restart of the first app, a flash fault. Unknown bytes show as 0x00 or
     * 0xA5.
     */
    public static InputAlphabet singleInputs(Configuration config) {
        int size = config.regionSize();
        Vector<Input> inputs = Vector.empty();
        for (AppId app : config.appIds()) {
            inputs = inputs.appendAll(Vector.of(
                    Command.size(app),
                    Command.read(app, 0), Command.read(app, size - 2), Command.read(app, size - 1),
                    Command.read(app, 1L << 32),
                    Command.write(app, 0), Command.write(app, size - 1), Command.write(app, size),
                    new AllowReadOnly(app, 0, Bytes.empty()),
                    new Yield(app)));
        }
        inputs = inputs.appendAll(Vector.of(new Tick(), new Drain(), new Reboot(0), new Restart(AppId.of(0)), new FlashFault()));
        return ofInputs(setup(config), inputs, Vector.of(0x00, 0xA5));
    }

    /** Every app subscribes to upcalls 0, 1 and 2, allows a two-byte read buffer and a one-byte write buffer (0x5A). */
    static Vector<Input> setup(Configuration config) {
        Vector<Input> setup = Vector.empty();
        for (AppId app : config.appIds()) {
            setup = setup.appendAll(setup(app));
        }
        return setup;
    }

    /** What {@code app} does when it starts: subscribe to upcalls 0, 1 and 2, allow its buffers. */
    static Vector<Input> setup(AppId app) {
        return Vector.of(new Subscribe(app, 0), new Subscribe(app, 1), new Subscribe(app, 2),
                new AllowReadWrite(app, 0, 2), new AllowReadOnly(app, 0, Bytes.of(PATTERN)));
    }
}
