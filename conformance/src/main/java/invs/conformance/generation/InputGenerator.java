package invs.conformance.generation;

import invs.conformance.shadow.KernelShadow;
import invs.conformance.sut.Capability;
import invs.spec.AppId;
import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import io.vavr.collection.Vector;

import java.util.ArrayDeque;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A seeded, state-aware, weighted generator of inputs for one configuration. It keeps a
 * {@link KernelShadow} of what it has seen (buffers allowed, subscriptions, operations pending) and mixes
 * single random inputs with short {@link Plan}s that reach the corners on purpose: BUSY in one app and
 * across apps, accesses ending at size-1, size and size+1, offsets with a nonzero high word or near 2^32,
 * zero-length and missing buffers, storage exhaustion, reboots (torn) and restarts in the middle of an
 * operation, flash faults, re-allows while pending, completions while unsubscribed. A {@link Swarm}
 * leaves some plans and kinds of input out.
 *
 * <p>The same seed, configuration, swarm and observations give the same inputs.
 */
public final class InputGenerator {
    private final Set<Capability> capabilities;
    private final Swarm swarm;
    private final SplittableRandom random;
    private final KernelShadow shadow;
    private final Plans plans;
    private final Vector<Plan> enabled;
    private final int totalWeight;
    private final ArrayDeque<Input> planned = new ArrayDeque<>();
    private boolean started;

    /** A generator of the full mix for {@code configuration} that uses only the events {@code capabilities} allow. */
    public InputGenerator(Configuration configuration, Set<Capability> capabilities, long seed) {
        this(configuration, capabilities, seed, Swarm.everything());
    }

    /** A generator that also leaves out what {@code swarm} leaves out. */
    public InputGenerator(Configuration configuration, Set<Capability> capabilities, long seed, Swarm swarm) {
        this.capabilities = capabilities;
        this.swarm = swarm;
        this.random = new SplittableRandom(seed);
        this.shadow = new KernelShadow(configuration);
        Vector<AppId> storageApps = configuration.appIds()
                .filter(app -> configuration.app(app).permissions().writeId().isDefined());
        this.plans = new Plans(random, new Arguments(random, configuration.regionSize()), capabilities, shadow,
                this::add, configuration.regionSize(), storageApps);
        this.enabled = Vector.of(Plan.values()).filter(swarm.plans()::contains);
        this.totalWeight = enabled.map(Plan::weight).sum().intValue();
    }

    /** The next input. */
    public Input next() {
        if (!started) {
            started = true;
            plans.prelude();
        }
        while (planned.isEmpty()) {
            plans.run(choose());
        }
        return planned.poll();
    }

    /** Tells the generator what {@code input} was answered with, so that it can aim its next inputs. */
    public void observe(Input input, Observation observation) {
        shadow.observe(input, observation);
    }

    /** The swarm this generator draws from. */
    public Swarm swarm() {
        return swarm;
    }

    private Plan choose() {
        int pick = random.nextInt(totalWeight);
        for (Plan plan : enabled) {
            pick -= plan.weight();
            if (pick < 0) {
                return plan;
            }
        }
        return enabled.last();
    }

    private void add(Input input) {
        if (Capability.allows(capabilities, input) && swarm.allows(input)) {
            planned.add(input);
        }
    }
}
