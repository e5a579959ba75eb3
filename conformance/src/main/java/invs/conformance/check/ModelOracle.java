package invs.conformance.check;

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

    ModelOracle(Configuration configuration) {
        this.frontier = Frontier.start(new Specification(configuration));
    }

    @Override
    public Option<Violation> check(int step, Input input, Observation observation) {
        Either<Divergence, Frontier> next = frontier.advance(input, observation);
        if (next.isLeft()) {
            Divergence divergence = next.getLeft();
            return Option.some(new Violation(Property.LOCKSTEP, Option.some(divergence.clause()), step, input,
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
