package invs.conformance.check;

import invs.spec.Input;
import invs.spec.Observation;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * The oracles of one {@link Session}, one for each checked {@link Property} in the order of its checks,
 * asked in turn until one finds a violation; and the lockstep one among them, if lockstep is checked.
 */
final class Oracles {
    private final Oracle[] oracles;
    private final ModelOracle model;
    private final StepTimer timer;

    /**
     * The oracles of {@code checks} for the session {@code setting} describes; {@code timer} is told when
     * the lockstep oracle has judged a step.
     */
    Oracles(Checks checks, SessionSetting setting, StepTimer timer) {
        this.timer = timer;
        this.oracles = new Oracle[checks.properties().size()];
        ModelOracle lockstep = null;
        int at = 0;
        for (Property property : checks.properties()) {
            Oracle oracle = property.oracle(setting);
            oracles[at++] = oracle;
            if (oracle instanceof ModelOracle found) {
                lockstep = found;
            }
        }
        this.model = lockstep;
    }

    /** The lockstep oracle, or null when lockstep is not checked. */
    ModelOracle model() {
        return model;
    }

    /** Shows every oracle the inputs of a batch sent to a pipelining system ({@link Oracle#ahead}). */
    void ahead(Vector<? extends Input> batch) {
        for (Oracle oracle : oracles) {
            oracle.ahead(batch);
        }
    }

    /**
     * The first violation an oracle finds in step {@code step}, answered with {@code observation}; or null.
     * The timer is told when the lockstep oracle is done ({@link StepTimer#modelled}).
     */
    Violation check(int step, Input input, Observation observation) {
        for (Oracle oracle : oracles) {
            Option<Violation> found = oracle.check(step, input, observation);
            if (oracle == model) {
                timer.modelled();
            }
            if (found.isDefined()) {
                return found.get();
            }
        }
        return null;
    }

    /** The first violation an oracle finds in step {@code step}, which the system failed to answer; or null. */
    Violation unanswered(int step, Input input, RuntimeException failure) {
        for (Oracle oracle : oracles) {
            Option<Violation> found = oracle.unanswered(step, input, failure);
            if (found.isDefined()) {
                return found.get();
            }
        }
        return null;
    }

    /** Releases what every oracle holds. */
    void close() {
        for (Oracle oracle : oracles) {
            oracle.close();
        }
    }
}
