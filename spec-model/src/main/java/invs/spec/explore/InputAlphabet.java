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
 * @param setup   inputs applied once before exploring (each must have exactly one outcome)
 * @param moves   the moves tried in every node
 * @param values  byte values used for unknown bytes an observation may show
 */
public record InputAlphabet(Vector<Input> setup, Vector<Move> moves, Vector<Integer> values) {

    /** An alphabet whose moves are the single inputs {@code inputs}. */
    public static InputAlphabet ofInputs(Vector<Input> setup, Vector<Input> inputs, Vector<Integer> values) {
        return new InputAlphabet(setup, inputs.map(Move::of), values);
    }

    /** Every input some move uses, once each, in order of first use. */
    public Vector<Input> inputs() {
        return moves.flatMap(Move::inputs).distinct();
    }

    /**
     * The alphabet of single inputs for a small configuration. Setup: every app subscribes to all three
     * upcalls and allows a two-byte read buffer and a one-byte write buffer. Then per app: get size; reads
     * at offsets 0, size−2 (ending exactly at the end), size−1 and 2^32 (a nonzero high word); writes at 0,
     * size−1 (ending exactly at the end) and size; an empty write buffer; yield. Events: tick, drain,
     * reboot, restart of the first app, a flash fault. Unknown bytes show as 0x00 or 0xA5.
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

    /** The standard alphabet. */
    public static InputAlphabet standard(Configuration config) {
        String spec = System.getProperty("invs.alphabet", "macro");
        if (spec.equals("single")) {
            return singleInputs(config);
        }
        int size = config.regionSize();
        Vector<Move> moves = Vector.empty();
        for (AppId app : config.appIds()) {
            Vector<Command> commands = Vector.of(Command.size(app),
                    Command.read(app, 0), Command.read(app, size - 2), Command.read(app, size - 1),
                    Command.read(app, 1L << 32),
                    Command.write(app, 0), Command.write(app, size - 1), Command.write(app, size));
            if (app.slot() > 0 && spec.contains("narrow")) {
                commands = Vector.of(Command.size(app), Command.read(app, 0), Command.write(app, 0));
            }
            for (Command command : commands) {
                moves = moves.append(Move.of(command, new Drain(), new Yield(app)));
            }
            moves = moves.append(Move.of(Command.size(app)));
            if (app.slot() == 0 || !spec.contains("narrow")) {
                moves = moves.append(Move.of(Command.write(app, 0)));
                moves = moves.append(Move.of(new AllowReadOnly(app, 0, Bytes.empty())));
                moves = moves.append(Move.of(new AllowReadOnly(app, 0, Bytes.of((byte) 0xA5))));
            }
            moves = moves.append(Move.of(new Yield(app)));
        }
        moves = moves.appendAll(Vector.of(Move.of(new Tick()), Move.of(new Drain()), Move.of(new Reboot(0)),
                Move.of(new Reboot(0)).andThen(setup(config)), Move.of(new Restart(AppId.of(0))),
                Move.of(new Restart(AppId.of(0))).andThen(setup(AppId.of(0))), Move.of(new FlashFault())));
        return new InputAlphabet(setup(config), moves, Vector.of(0x00, 0xA5));
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
                new AllowReadWrite(app, 0, 2), new AllowReadOnly(app, 0, Bytes.of((byte) 0x5A)));
    }
}
