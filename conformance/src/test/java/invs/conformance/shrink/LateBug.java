package invs.conformance.shrink;

import invs.conformance.generation.InputGenerator;
import invs.conformance.reference.ReferenceSystem;
import invs.conformance.sut.Capability;
import invs.conformance.sut.SystemUnderTest;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Subscribe;
import invs.spec.Syscall;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.EnumSet;
import java.util.Set;

/**
 * A bug that shows only late in a long sequence, for shrinking tests and benchmarks: the reference, except
 * that after app 2 restarts, app 0's size upcalls report one byte more. {@link #failure} builds 1,000-step
 * sequences that show it only at their last step.
 */
public final class LateBug implements SystemUnderTest {
    static final AppId ALPHA = AppId.of(0);
    static final AppId GAMMA = AppId.of(2);
    private final ReferenceSystem inner;
    private boolean armed;

    /** The bug on a board of {@code configuration}. */
    public LateBug(Configuration configuration) {
        inner = new ReferenceSystem(configuration);
    }

    /**
     * 994 generated inputs of apps 0 and 1 drawn with {@code seed} (no reboots, reads of at most 512 bytes),
     * then the six that show the bug: 1,000 inputs that fail at the last.
     */
    public static Vector<Input> failure(Configuration configuration, long seed) {
        InputGenerator generator = new InputGenerator(configuration, EnumSet.allOf(Capability.class), seed);
        Vector<Input> noise = Vector.empty();
        while (noise.size() < 994) {
            Input input = generator.next();
            generator.observe(input, Observation.quiet());
            boolean gamma = input instanceof Syscall syscall && syscall.app().equals(GAMMA)
                    || input instanceof Restart restart && restart.app().equals(GAMMA);
            // Small reads only: the noise must not meet other disagreements (see docs/conformance.md).
            boolean longRead = input instanceof AllowReadWrite allow && allow.length() > 512;
            if (!gamma && !longRead && !(input instanceof Reboot)) {
                noise = noise.append(input);
            }
        }
        return noise.appendAll(Vector.of(new Restart(ALPHA), new Restart(GAMMA), new Subscribe(ALPHA, 0),
                Command.size(ALPHA), new Drain(), new Yield(ALPHA)));
    }

    @Override
    public Observation apply(Input input) {
        Observation observation = inner.apply(input);
        if (input instanceof Restart restart && restart.app().equals(GAMMA)) {
            armed = true;
        }
        if (armed && input instanceof Yield yield && yield.app().equals(ALPHA)
                && observation instanceof Observation.Yielded(Option<Upcall> upcall, Bytes buffer)
                && upcall.isDefined() && upcall.get().subscribeNumber() == 0) {
            return new Observation.Yielded(Option.some(new Upcall(0, 0, upcall.get().arg1() + 1, 0)), buffer);
        }
        return observation;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }
}
