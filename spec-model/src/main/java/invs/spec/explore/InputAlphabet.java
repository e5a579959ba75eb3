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
 * The finite set of inputs an exploration tries in every state, the setup run before it, and the byte
 * values that stand for unknown bytes in observations.
 *
 * @param setup   inputs applied once before exploring (each must have exactly one outcome besides the
 *                kernel refusing the grant, which the setup assumes does not happen)
 * @param inputs  the inputs tried in every state
 * @param values  byte values used for unknown bytes an observation may show
 */
public record InputAlphabet(Vector<Input> setup, Vector<Input> inputs, Vector<Integer> values) {

    /**
     * The standard alphabet for a small configuration. Setup: every app subscribes to all three upcalls
     * and allows a two-byte read buffer and a one-byte write buffer. Then per app: get size; reads at
     * offsets 0, size−2 (ending exactly at the end), size−1 and 2^32 (a nonzero high word); writes at 0,
     * size−1 (ending exactly at the end) and size; an empty write buffer; yield. Events: tick, drain,
     * reboot, restart of the first app, a flash fault. Unknown bytes show as 0x00 or 0xA5.
     */
    public static InputAlphabet standard(Configuration config) {
        int size = config.regionSize();
        Vector<Input> setup = Vector.empty();
        Vector<Input> inputs = Vector.empty();
        for (AppId app : config.appIds()) {
            for (int number = 0; number < 3; number++) {
                setup = setup.append(new Subscribe(app, number));
            }
            setup = setup.append(new AllowReadWrite(app, 0, 2)).append(new AllowReadOnly(app, 0, Bytes.of((byte) 0x5A)));
            inputs = inputs.appendAll(Vector.of(
                    Command.size(app),
                    Command.read(app, 0), Command.read(app, size - 2), Command.read(app, size - 1),
                    Command.read(app, 1L << 32),
                    Command.write(app, 0), Command.write(app, size - 1), Command.write(app, size),
                    new AllowReadOnly(app, 0, Bytes.empty()),
                    new Yield(app)));
        }
        inputs = inputs.appendAll(Vector.of(new Tick(), new Drain(), new Reboot(0), new Restart(AppId.of(0)), new FlashFault()));
        return new InputAlphabet(setup, inputs, Vector.of(0x00, 0xA5));
    }
}
