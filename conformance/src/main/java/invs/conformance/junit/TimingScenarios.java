package invs.conformance.junit;

import invs.spec.DriverNumbers;

import invs.conformance.generation.IsolationScenario;
import invs.conformance.sut.Capability;
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
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fixed sequences that interrupt an operation after every number of ticks, instead of at random: a
 * write across several pages cut by a reboot (untorn and torn), a restart, or a flash fault, after 0, 1,
 * 2, … ticks, with the whole region read before and after; and a long read watched at every tick. They
 * check crash safety and the buffer of a read in flight at every point an implementation can be caught.
 */
public final class TimingScenarios {
    /** The most ticks an interruption waits for. */
    public static final int TICKS = 48;

    private TimingScenarios() {
    }

    /**
     * The scenarios for {@code configuration}, named, using only the events {@code capabilities} allow;
     * none when no app may read and modify its region.
     */
    public static Vector<Tuple2<String, Vector<Input>>> all(Configuration configuration, Set<Capability> capabilities) {
        Vector<AppId> subjects = IsolationScenario.subjects(configuration);
        if (subjects.isEmpty() || !capabilities.contains(Capability.TICK) || !capabilities.contains(Capability.DRAIN)) {
            return Vector.empty();
        }
        AppId app = subjects.head();
        int size = configuration.regionSize();
        List<Tuple2<String, Vector<Input>>> scenarios = new ArrayList<>();
        for (int ticks = 0; ticks <= TICKS; ticks++) {
            if (capabilities.contains(Capability.REBOOT)) {
                scenarios.add(Tuple.of("reboot after " + ticks + " ticks", interrupted(app, size, ticks, new Reboot(0))));
            }
            if (capabilities.contains(Capability.TORN_REBOOT)) {
                scenarios.add(Tuple.of("torn reboot after " + ticks + " ticks",
                        interrupted(app, size, ticks, new Reboot(1 + ticks * 37 % 300))));
            }
            if (capabilities.contains(Capability.RESTART)) {
                scenarios.add(Tuple.of("restart after " + ticks + " ticks", interrupted(app, size, ticks, new Restart(app))));
            }
            if (capabilities.contains(Capability.FLASH_FAULT)) {
                scenarios.add(Tuple.of("flash fault after " + ticks + " ticks",
                        interrupted(app, size, ticks, new FlashFault())));
            }
        }
        scenarios.add(Tuple.of("long read watched at every tick", watchedRead(app, size)));
        return Vector.ofAll(scenarios);
    }

    /** Know the region, write across pages, wait {@code ticks}, interrupt, read everything back. */
    private static Vector<Input> interrupted(AppId app, int size, int ticks, Input interruption) {
        List<Input> inputs = new ArrayList<>();
        subscribe(app, inputs);
        inputs.add(new AllowReadOnly(app, 0, pattern(size, 11)));
        inputs.add(Command.write(app, 0));
        inputs.add(new Drain());
        inputs.add(new Yield(app));
        readAll(app, size, inputs);
        int offset = size / 3;
        int length = Math.max(1, Math.min(size - offset, 700));
        inputs.add(new AllowReadOnly(app, 0, pattern(length, 53)));
        inputs.add(Command.write(app, offset));
        for (int i = 0; i < ticks; i++) {
            inputs.add(new Tick());
        }
        inputs.add(interruption);
        if (interruption instanceof FlashFault) {
            inputs.add(new Drain());
            inputs.add(new Yield(app));
        }
        subscribe(app, inputs);
        readAll(app, size, inputs);
        readAll(app, size, inputs);
        return Vector.ofAll(inputs);
    }

    private static Vector<Input> watchedRead(AppId app, int size) {
        List<Input> inputs = new ArrayList<>();
        subscribe(app, inputs);
        inputs.add(new AllowReadOnly(app, 0, pattern(size, 29)));
        inputs.add(Command.write(app, 0));
        inputs.add(new Drain());
        inputs.add(new Yield(app));
        inputs.add(new AllowReadWrite(app, 0, size));
        inputs.add(Command.read(app, 0));
        for (int i = 0; i < TICKS; i++) {
            inputs.add(new Tick());
            inputs.add(new Yield(app));
        }
        inputs.add(new Drain());
        inputs.add(new Yield(app));
        return Vector.ofAll(inputs);
    }

    private static void subscribe(AppId app, List<Input> inputs) {
        for (int number = 0; number < DriverNumbers.SUBSCRIBE_NUMBERS; number++) {
            inputs.add(new Subscribe(app, number));
        }
    }

    private static void readAll(AppId app, int size, List<Input> inputs) {
        inputs.add(new AllowReadWrite(app, 0, size));
        inputs.add(Command.read(app, 0));
        inputs.add(new Drain());
        inputs.add(new Yield(app));
        inputs.add(new Yield(app));
    }

    private static Bytes pattern(int length, int seed) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * seed + (i >> 8) + 1);
        }
        return Bytes.of(data);
    }
}
