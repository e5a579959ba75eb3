package invs.conformance.engine;

import invs.conformance.sut.Capability;
import invs.conformance.sut.SystemUnderTest;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Clause;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Subscribe;
import invs.spec.Syscall;
import invs.spec.Tick;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@link Property#ISOLATION}, checked differentially without the model: a subject app runs a program of
 * blocks (allows, one command, a drain, yields), interleaved with noise from the other apps (any system
 * call, ticks, restarts of other apps). The same program runs again with the noise left out. The
 * subject's observations must be the same in both runs.
 *
 * <p>A scenario is well formed when nothing legitimate can make the runs differ: the subject's first
 * command comes before any other app's command (so the noise cannot take the space it allocates into);
 * between each subject command and the subject's next input (or a reboot) there is a drain; the noise
 * holds no flash faults, and no reboot lies between a subject command and its drain.
 */
public final class Isolation {
    private static final Clause CLAUSE = Clause.INTRO_REGION;

    private Isolation() {
    }

    /** The apps that can be subjects: they may read and modify their own region. */
    public static Vector<AppId> subjects(Configuration configuration) {
        return configuration.appIds().filter(app -> {
            var permissions = configuration.app(app).permissions();
            return permissions.writeId().exists(id -> permissions.mayRead(id) && permissions.mayModify(id));
        });
    }

    /** A well-formed scenario of about {@code steps} inputs for {@code subject}. */
    public static Vector<Input> scenario(Configuration configuration, AppId subject, Set<Capability> capabilities,
                                         long seed, int steps) {
        SplittableRandom random = new SplittableRandom(seed);
        InputGenerator noise = new InputGenerator(configuration, capabilities, random.nextLong());
        int size = configuration.regionSize();
        List<Input> inputs = new ArrayList<>();
        for (int number = 0; number < 3; number++) {
            inputs.add(new Subscribe(subject, number));
        }
        inputs.add(Command.size(subject));
        inputs.add(new Drain());
        inputs.add(new Yield(subject));
        while (inputs.size() < steps) {
            for (int i = random.nextInt(12); i > 0; i--) {
                Input next = noise.next();
                noise.observe(next, Observation.quiet());
                if (allowedNoise(next, subject)) {
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
            for (int number = 0; number < 3; number++) {
                inputs.add(new Subscribe(subject, number));
            }
            return;
        }
        if (kind == 1 && capabilities.contains(Capability.RESTART)) {
            inputs.add(new Restart(subject));
            for (int number = 0; number < 3; number++) {
                inputs.add(new Subscribe(subject, number));
            }
            return;
        }
        int length = random.nextInt(4) == 0 ? size : 1 + random.nextInt(Math.min(size, 48));
        long offset = random.nextInt(3) == 0 ? size - length + random.nextInt(2) : random.nextInt(size - length + 1);
        if (random.nextBoolean()) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            inputs.add(new AllowReadOnly(subject, 0, Bytes.of(data)));
            inputs.add(Command.write(subject, offset));
        } else {
            inputs.add(new AllowReadWrite(subject, 0, length));
            inputs.add(Command.read(subject, offset));
        }
        inputs.add(new Drain());
        inputs.add(new Yield(subject));
    }

    private static boolean allowedNoise(Input input, AppId subject) {
        return switch (input) {
            case Syscall syscall -> !syscall.app().equals(subject);
            case Restart restart -> !restart.app().equals(subject);
            case Tick tick -> true;
            case Drain drain -> true;
            default -> false;
        };
    }

    /** Whether {@code inputs} is a well-formed scenario for {@code subject} (see the class comment). */
    public static boolean wellFormed(Vector<Input> inputs, AppId subject) {
        boolean subjectCommanded = false;
        boolean awaitingDrain = false;
        for (Input input : inputs) {
            switch (input) {
                case FlashFault fault -> {
                    return false;
                }
                case Drain drain -> awaitingDrain = false;
                case Reboot reboot -> {
                    if (awaitingDrain) {
                        return false;
                    }
                }
                case Restart restart when restart.app().equals(subject) -> {
                    if (awaitingDrain) {
                        return false;
                    }
                }
                case Syscall syscall when syscall.app().equals(subject) -> {
                    if (awaitingDrain) {
                        return false;
                    }
                    if (syscall instanceof Command command && command.number() >= 1 && command.number() <= 3) {
                        subjectCommanded = true;
                        awaitingDrain = true;
                    }
                }
                case Command command when command.number() >= 1 && command.number() <= 3 -> {
                    if (!subjectCommanded) {
                        return false;
                    }
                }
                default -> {
                }
            }
        }
        return true;
    }

    /** The subject's program: {@code inputs} without the noise. */
    public static Vector<Input> quiet(Vector<Input> inputs, AppId subject) {
        return inputs.filter(input -> switch (input) {
            case Syscall syscall -> syscall.app().equals(subject);
            case Restart restart -> restart.app().equals(subject);
            case Drain drain -> true;
            case Reboot reboot -> true;
            default -> false;
        });
    }

    /**
     * Runs {@code inputs} with and without the noise on fresh systems and compares what {@code subject}
     * observes; the violation at the first difference, or none. A scenario that is not well formed shows none.
     */
    public static Option<Violation> check(Configuration configuration, SystemUnderTestFactory factory,
                                          Vector<Input> inputs, AppId subject) {
        if (!wellFormed(inputs, subject)) {
            return Option.none();
        }
        Vector<Input> program = quiet(inputs, subject);
        List<Observation> alone = new ArrayList<>();
        try (SystemUnderTest system = factory.create(configuration)) {
            for (Input input : program) {
                Observation observation = system.apply(input);
                if (isSubject(input, subject)) {
                    alone.add(observation);
                }
            }
        } catch (RuntimeException e) {
            return Option.none();
        }
        int seen = 0;
        try (SystemUnderTest system = factory.create(configuration)) {
            for (int index = 0; index < inputs.size(); index++) {
                Input input = inputs.get(index);
                Observation observation;
                try {
                    observation = system.apply(input);
                } catch (RuntimeException e) {
                    return Option.some(new Violation(Property.ROBUSTNESS, Option.none(), index, input, Option.none(),
                            "input:    " + input + "\nthrew:    " + e));
                }
                if (!isSubject(input, subject)) {
                    continue;
                }
                Observation expected = alone.get(seen++);
                if (!expected.equals(observation)) {
                    String description = "input:    " + input + "\nobserved: " + observation
                            + "\nexpected: " + expected + " (what " + subject + " observes when the other apps do nothing)"
                            + "\nclause:   " + CLAUSE.citation();
                    return Option.some(new Violation(Property.ISOLATION, Option.some(CLAUSE), index, input,
                            Option.some(observation), description));
                }
            }
        }
        return Option.none();
    }

    private static boolean isSubject(Input input, AppId subject) {
        return input instanceof Syscall syscall && syscall.app().equals(subject);
    }
}
