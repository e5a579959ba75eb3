package invs.conformance.check;

import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.model.FactoredFrontier;
import invs.spec.model.Outcome;
import invs.spec.model.Specification;
import invs.spec.model.TooManyStates;
import invs.spec.model.SystemState;
import io.vavr.collection.Vector;

/**
 * What the specification predicts a system will answer, for generating inputs before the system has
 * answered the ones before them (a pipelined session, {@link #from}): from one state of the
 * specification consistent with what the system showed so far, each input gets the observation of its
 * first allowed outcome (unknown bytes of a buffer as zeros), and the prediction goes on from that
 * outcome's state. A conforming system may answer otherwise where the specification allows several
 * outcomes; the forecast never learns that, so it is a guess to aim inputs with, never a check.
 */
public final class Forecast {
    private final Specification specification;
    private SystemState state;

    Forecast(Specification specification, SystemState state) {
        this.specification = specification;
        this.state = state;
    }

    /**
     * A forecast of the system's next answers, for aiming inputs that are sent before the answers to the
     * ones before them have come back: from the first state of {@code frontier}, consistent with every
     * observation so far (a session's {@link Session#frontier()}).
     */
    public static Forecast from(FactoredFrontier frontier) {
        return new Forecast(frontier.specification(), frontier.first());
    }

    /** A forecast of a fresh system of {@code configuration}, from the specification's state at power-on. */
    public static Forecast fromPowerOn(Configuration configuration) {
        Specification specification = new Specification(configuration);
        return new Forecast(specification, specification.initial());
    }

    /**
     * The observation predicted for {@code input}, after the inputs forecast before it; {@code quiet}, the
     * state kept, where the specification allows nothing or more outcomes than it follows
     * ({@link TooManyStates}: a guess either way).
     */
    public Observation next(Input input) {
        Vector<Outcome> outcomes;
        try {
            outcomes = specification.step(state, input);
        } catch (TooManyStates tooMany) {
            return Observation.quiet();
        }
        if (outcomes.isEmpty()) {
            return Observation.quiet();
        }
        Outcome first = outcomes.head();
        Observation observation = first.expected().example(0);
        state = first.after(observation);
        return observation;
    }
}
