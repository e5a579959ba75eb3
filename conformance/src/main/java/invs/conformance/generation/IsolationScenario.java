package invs.conformance.generation;

import invs.conformance.check.Isolation;
import invs.conformance.sut.Capability;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.DriverNumbers;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Subscribe;
import invs.spec.Yield;
import io.vavr.collection.Vector;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates well-formed isolation scenarios ({@link Isolation}): the subject's program of blocks (allows,
 * one command, a drain, a yield; sometimes a reboot or a restart of the subject), interleaved with noise
 * the {@link InputGenerator} makes for the other apps.
 */
public final class IsolationScenario {
    /** The most noise inputs offered before a block (some are dropped). */
    private static final int MOST_NOISE = 11;
    /** The inputs a scenario begins with: the subject subscribes to every upcall, asks the size, drains and yields. */
    private static final int OPENING = DriverNumbers.SUBSCRIBE_NUMBERS + 3;
    /**
     * The most inputs a block adds: a reboot or a restart and the subject's subscriptions again, or an allow,
     * a command, a drain and a yield.
     */
    private static final int LONGEST_BLOCK = Math.max(1 + DriverNumbers.SUBSCRIBE_NUMBERS, 4);

    private IsolationScenario() {
    }

    /**
     * The most inputs a scenario of about {@code steps} inputs ({@link #generate}) has: blocks are added while
     * it has fewer than {@code steps}, so the last may end past them, with the noise before it.
     */
    public static long longest(int steps) {
        return Math.max(OPENING, steps - 1L + MOST_NOISE + LONGEST_BLOCK);
    }

    /** The apps that can be subjects: they may read and modify their own region. */
    public static Vector<AppId> subjects(Configuration configuration) {
        return configuration.appIds().filter(app -> {
            var permissions = configuration.app(app).permissions();
            return permissions.writeId().exists(id -> permissions.mayRead(id) && permissions.mayModify(id));
        });
    }

    /** A well-formed scenario of about {@code steps} inputs for {@code subject}. */
    public static Vector<Input> generate(Configuration configuration, AppId subject, Set<Capability> capabilities,
                                         long seed, int steps) {
        SplittableRandom random = new SplittableRandom(seed);
        InputGenerator noise = new InputGenerator(configuration, capabilities, random.nextLong());
        int size = configuration.regionSize();
        List<Input> inputs = new ArrayList<>();
        subscribeAll(subject, inputs);
        inputs.add(Command.size(subject));
        inputs.add(new Drain());
        inputs.add(new Yield(subject));
        while (inputs.size() < steps) {
            for (int i = random.nextInt(MOST_NOISE + 1); i > 0; i--) {
                Input next = noise.next();
                noise.observe(next, Observation.quiet());
                if (noise(next, subject)) {
                    inputs.add(next);
                }
            }
            block(random, subject, size, capabilities, inputs);
        }
        return Vector.ofAll(inputs);
    }

    private static void block(SplittableRandom random, AppId subject, int size, Set<Capability> capabilities,
                              List<Input> inputs) {
        int kind = random.nextInt(10);
        if (kind == 0 && capabilities.contains(Capability.REBOOT)) {
            inputs.add(new Reboot(capabilities.contains(Capability.TORN_REBOOT) ? random.nextInt(600) : 0));
            subscribeAll(subject, inputs);
            return;
        }
        if (kind == 1 && capabilities.contains(Capability.RESTART)) {
            inputs.add(new Restart(subject));
            subscribeAll(subject, inputs);
            return;
        }
        int length = random.nextInt(4) == 0 ? size : 1 + random.nextInt(Math.min(size, 48));
        long offset = random.nextInt(3) == 0 ? size - length + random.nextInt(2) : random.nextInt(size - length + 1);
        if (random.nextBoolean()) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            inputs.add(new AllowReadOnly(subject, DriverNumbers.BUFFER, Bytes.of(data)));
            inputs.add(Command.write(subject, offset));
        } else {
            inputs.add(new AllowReadWrite(subject, DriverNumbers.BUFFER, length));
            inputs.add(Command.read(subject, offset));
        }
        inputs.add(new Drain());
        inputs.add(new Yield(subject));
    }

    private static void subscribeAll(AppId subject, List<Input> inputs) {
        for (int number = 0; number < DriverNumbers.SUBSCRIBE_NUMBERS; number++) {
            inputs.add(new Subscribe(subject, number));
        }
    }

    /** Whether {@code input} may be noise around {@code subject}: another app's system call or restart, a tick, a drain. */
    private static boolean noise(Input input, AppId subject) {
        return switch (input) {
            case invs.spec.Syscall syscall -> !syscall.app().equals(subject);
            case Restart restart -> !restart.app().equals(subject);
            case invs.spec.Tick tick -> true;
            case Drain drain -> true;
            default -> false;
        };
    }
}
