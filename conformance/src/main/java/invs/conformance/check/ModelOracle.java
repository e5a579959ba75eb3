package invs.conformance.check;

import invs.conformance.board.MadeLately;
import invs.conformance.explain.Explanation;
import invs.conformance.trace.TraceStep;
import invs.spec.Clause;
import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.model.Divergence;
import invs.spec.model.FactoredFrontier;
import invs.spec.model.Specification;
import invs.spec.model.TooManyStates;
import io.vavr.control.Either;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link Property#LOCKSTEP}: the specification's frontier ({@link FactoredFrontier}: what
 * {@link invs.spec.model.Frontier} holds, a wide one held as products of each app's states) advanced by
 * every observation; a divergence when no consistent state allows what was observed.
 */
final class ModelOracle implements Oracle {
    /**
     * The frontier at first power-on of the configurations checked lately (and so their specifications),
     * shared by every session: a frontier and a specification are immutable values of their configuration.
     */
    private static final MadeLately<FactoredFrontier> STARTING = new MadeLately<>(16,
            configuration -> FactoredFrontier.start(new Specification(configuration)));

    /** The inputs answered so far, in order, and their observations (for filing a divergence). */
    private final List<Input> inputs = new ArrayList<>();
    private final List<Observation> observations = new ArrayList<>();
    private FactoredFrontier frontier;
    /** Where and why the frontier could not follow a step, null while it follows every step. */
    private String undecided;

    /** The frontier of a board at power-on, whose specification follows at most {@code stepBound} states a step. */
    ModelOracle(Configuration configuration, int stepBound) {
        this.frontier = stepBound == TooManyStates.STEP_BOUND ? STARTING.of(configuration)
                : FactoredFrontier.start(new Specification(configuration, stepBound));
    }

    /**
     * Advances the frontier by the observation; a divergence is filed under the clause that governs the
     * field that differs from the closest allowed answer ({@link Explanation#governing}), not under the
     * first allowed answer's. A step that leaves more states open than the specification follows
     * ({@link TooManyStates}) is no violation: the frontier stays where it was and {@link #undecided} says
     * why; judging ends there.
     */
    @Override
    public Option<Violation> check(int step, Input input, Observation observation) {
        if (undecided != null) {
            throw new IllegalStateException("the frontier stopped following at an earlier step");
        }
        inputs.add(input);
        observations.add(observation);
        Either<Divergence, FactoredFrontier> next;
        try {
            next = frontier.advance(input, observation);
        } catch (TooManyStates tooMany) {
            undecided = "step " + (step + 1) + " (" + input + "): " + tooMany.getMessage();
            return Option.none();
        }
        if (next.isLeft()) {
            Divergence divergence = next.getLeft();
            Clause clause = Explanation.governing(seen(), divergence);
            return Option.some(new Violation(Property.LOCKSTEP, Option.some(clause), step, input,
                    Option.some(observation), divergence.describe(clause), Option.some(divergence)));
        }
        frontier = next.get();
        return Option.none();
    }

    /** The steps answered so far, with their observations. */
    private Vector<TraceStep> seen() {
        List<TraceStep> seen = new ArrayList<>(inputs.size());
        for (int at = 0; at < inputs.size(); at++) {
            seen.add(TraceStep.of(inputs.get(at), observations.get(at)));
        }
        return Vector.ofAll(seen);
    }

    /** Where (the step, counted from 1, and its input) and why the frontier could not follow a step, if so. */
    Option<String> undecided() {
        return Option.of(undecided);
    }

    /** The states consistent with everything observed so far (before the step it could not follow, if any). */
    FactoredFrontier frontier() {
        return frontier;
    }
}
