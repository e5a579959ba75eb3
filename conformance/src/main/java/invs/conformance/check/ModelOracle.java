package invs.conformance.check;

import invs.conformance.explain.Explanation;
import invs.conformance.trace.TraceStep;
import invs.spec.Clause;
import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.model.Divergence;
import invs.spec.model.Frontier;
import invs.spec.model.Specification;
import io.vavr.control.Either;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link Property#LOCKSTEP}: the specification's {@link Frontier} advanced by every observation; a
 * divergence when no consistent state allows what was observed.
 */
final class ModelOracle implements Oracle {
    /**
     * The specification last made, kept for the sessions after it: a campaign opens thousands of sessions on
     * a few boards, and a specification is an immutable value of its configuration, so sessions (and threads)
     * can share it.
     */
    private static volatile Specification lastMade;

    private final List<TraceStep> seen = new ArrayList<>();
    private Frontier frontier;

    ModelOracle(Configuration configuration) {
        this.frontier = Frontier.start(specificationOf(configuration));
    }

    private static Specification specificationOf(Configuration configuration) {
        Specification last = lastMade;
        if (last != null && last.configuration().equals(configuration)) {
            return last;
        }
        Specification made = new Specification(configuration);
        lastMade = made;
        return made;
    }

    /**
     * Advances the frontier by the observation; a divergence is filed under the clause that governs the
     * field that differs from the closest allowed answer ({@link Explanation#governing}), not under the
     * first allowed answer's.
     */
    @Override
    public Option<Violation> check(int step, Input input, Observation observation) {
        seen.add(TraceStep.of(input, observation));
        Either<Divergence, Frontier> next = frontier.advance(input, observation);
        if (next.isLeft()) {
            Divergence divergence = next.getLeft();
            Clause clause = Explanation.governing(Vector.ofAll(seen), divergence);
            return Option.some(new Violation(Property.LOCKSTEP, Option.some(clause), step, input,
                    Option.some(observation), divergence.describe(), Option.some(divergence)));
        }
        frontier = next.get();
        return Option.none();
    }

    /** The states consistent with everything observed so far. */
    Frontier frontier() {
        return frontier;
    }
}
