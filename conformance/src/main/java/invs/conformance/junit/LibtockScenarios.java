package invs.conformance.junit;

import invs.spec.DriverNumbers;

import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.Input;
import invs.spec.Subscribe;
import invs.spec.Yield;
import io.vavr.collection.Vector;

import java.util.ArrayList;
import java.util.List;

/**
 * The three upstream libtock-c test apps for driver 0x50004 ({@code invs_single},
 * {@code invs_read_write}, {@code invs_no_permission}) as input sequences, each operation followed by a
 * drain and a yield so that its upcall is observed. Each uses the first app, with storage permissions,
 * except {@link #noPermission}, which uses the last app, without.
 */
public final class LibtockScenarios {
    private LibtockScenarios() {
    }

    /** {@code invs_single}: exists, size, reads at the boundaries, RESERVE without buffers, a write. */
    public static Vector<Input> single(Configuration configuration) {
        AppId app = AppId.of(0);
        int size = configuration.regionSize();
        Steps steps = new Steps(app).subscribeAll();
        steps.add(Command.exists(app));
        steps.operation(Command.size(app));
        steps.add(new AllowReadWrite(app, 0, 10)).operation(Command.read(app, 0));
        steps.add(new AllowReadWrite(app, 0, 0)).operation(Command.read(app, 0));
        steps.add(new AllowReadWrite(app, 0, 10)).operation(Command.read(app, size - 5));
        steps.operation(Command.read(app, size + 10L));
        steps.add(new AllowReadWrite(app, 0, size + 1)).operation(Command.read(app, 0));
        steps.add(new AllowReadWrite(app, 0, 2)).operation(Command.read(app, size - 1));
        steps.add(new AllowReadOnly(app, 0, pattern(10))).operation(Command.write(app, 0));
        steps.add(new AllowReadOnly(app, 0, Bytes.empty())).operation(Command.write(app, 0));
        return steps.inputs();
    }

    /** {@code invs_read_write}: writes read back at several lengths and offsets, and rejected writes. */
    public static Vector<Input> readWrite(Configuration configuration) {
        AppId app = AppId.of(0);
        int size = configuration.regionSize();
        Steps steps = new Steps(app).subscribeAll();
        int[][] cases = {{14, 256, 0}, {14, 256, 20}, {512, 512, 0}, {512, 500, size - 512}};
        for (int[] c : cases) {
            steps.add(new AllowReadOnly(app, 0, pattern(c[1]))).operation(Command.write(app, c[2]));
            steps.add(new AllowReadWrite(app, 0, c[0])).operation(Command.read(app, c[2]));
        }
        steps.add(new AllowReadOnly(app, 0, pattern(501))).operation(Command.write(app, size));
        steps.add(new AllowReadOnly(app, 0, pattern(1))).operation(Command.write(app, size + 1L));
        steps.add(new AllowReadOnly(app, 0, pattern(512))).operation(Command.write(app, 0xFFFF_FFFFL));
        return steps.inputs();
    }

    /** {@code invs_no_permission}: an app without a write id; every storage command fails with NOSUPPORT. */
    public static Vector<Input> noPermission(Configuration configuration) {
        AppId app = AppId.of(configuration.apps().size() - 1);
        Steps steps = new Steps(app).subscribeAll();
        steps.add(Command.exists(app));
        steps.operation(Command.size(app));
        steps.add(new AllowReadWrite(app, 0, 10)).operation(Command.read(app, 0));
        steps.add(new AllowReadOnly(app, 0, pattern(10))).operation(Command.write(app, 0));
        return steps.inputs();
    }

    private static Bytes pattern(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * 7 + 3);
        }
        return Bytes.of(data);
    }

    /** Builds a sequence for one app. */
    private static final class Steps {
        private final AppId app;
        private final List<Input> inputs = new ArrayList<>();

        Steps(AppId app) {
            this.app = app;
        }

        Steps subscribeAll() {
            for (int number = 0; number < DriverNumbers.SUBSCRIBE_NUMBERS; number++) {
                inputs.add(new Subscribe(app, number));
            }
            return this;
        }

        Steps add(Input input) {
            inputs.add(input);
            return this;
        }

        Steps operation(Command command) {
            inputs.add(command);
            inputs.add(new Drain());
            inputs.add(new Yield(app));
            return this;
        }

        Vector<Input> inputs() {
            return Vector.ofAll(inputs);
        }
    }
}
