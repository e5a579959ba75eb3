package invs.conformance.engine;

import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.model.Divergence;
import invs.spec.model.Frontier;
import invs.spec.model.Specification;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * {@link Property#LOCKSTEP}: the specification's {@link Frontier} advanced by every observation; a
 * divergence when no consistent state allows what was observed.
 */
final class ModelOracle implements Oracle {
    private Frontier frontier;
    private int widest = 1;

    ModelOracle(Configuration configuration) {
        this.frontier = Frontier.start(new Specification(configuration));
    }

    ModelOracle(Frontier frontier) {
        this.frontier = frontier;
    }

    @Override
    public Option<Violation> check(int step, Input input, Observation observation) {
        Either<Divergence, Frontier> next = frontier.advance(input, observation);
        if (next.isLeft()) {
            Divergence divergence = next.getLeft();
            return Option.some(new Violation(Property.LOCKSTEP, Option.some(divergence.clause()), step, input,
                    Option.some(observation), divergence.describe()));
        }
        frontier = next.get();
        widest = Math.max(widest, frontier.states().size());
        return Option.none();
    }

    /** The states consistent with everything observed so far. */
    Frontier frontier() {
        return frontier;
    }

    /** The most states the frontier held at once. */
    int widest() {
        return widest;
    }
}
