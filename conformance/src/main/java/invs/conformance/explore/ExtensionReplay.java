package invs.conformance.explore;

import invs.conformance.check.Checks;
import invs.conformance.check.Property;
import invs.conformance.check.Session;
import invs.conformance.coverage.Statistics;
import invs.conformance.check.Violation;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.explore.ExploredNode;
import invs.spec.explore.InputAlphabet;
import invs.spec.explore.Move;
import invs.spec.explore.Step;
import invs.spec.model.Divergence;
import invs.spec.model.Frontier;
import invs.spec.model.Outcome;
import invs.spec.model.Specification;
import invs.spec.model.SystemState;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Replays explored sequences (the setup, a node's path, one more move) against fresh systems through the
 * engine's {@link Session}, which checks liveness, durability and robustness (an exception thrown by the
 * system becomes a robustness violation). Lockstep agreement is checked here, cheaply: while the system
 * shows exactly the observations the exploration recorded along the node's path, the specification's
 * states are known to be the node's, so the model is consulted only from the first different observation
 * on and for the last move. This is the same check as advancing a {@link Frontier} from power-on.
 */
final class ExtensionReplay {
    /** The properties the session checks; lockstep is checked by this class. */
    private static final Checks SESSION_CHECKS = Checks.of(Vector.of(Property.LIVENESS, Property.DURABILITY));

    private final Configuration config;
    private final Specification specification;
    private final Vector<Input> setup;
    private final Vector<Move> moves;
    private final Vector<Observation> setupObservations;

    ExtensionReplay(Configuration config, InputAlphabet alphabet) {
        this.config = config;
        this.specification = new Specification(config);
        this.setup = alphabet.setup();
        this.moves = alphabet.moves();
        Vector<Observation> observations = Vector.empty();
        SystemState state = specification.initial();
        for (Input input : setup) {
            Outcome outcome = specification.step(state, input).head();
            Observation observation = outcome.expected().example(0);
            observations = observations.append(observation);
            state = outcome.after(observation);
        }
        this.setupObservations = observations;
    }

    /** The alphabet's moves. */
    Vector<Move> moves() {
        return moves;
    }

    /** How many inputs the setup has. */
    int setupSize() {
        return setup.size();
    }

    /** What the specification allows each setup input to show (each has exactly one outcome). */
    Vector<Observation> setupObservations() {
        return setupObservations;
    }

    /** The whole input sequence of {@code node}'s path extended by {@code then}, the setup first. */
    Vector<Input> sequence(ExploredNode node, Vector<Move> then) {
        return setup.appendAll(node.inputs()).appendAll(then.flatMap(Move::inputs));
    }

    /**
     * Runs the setup, {@code node}'s path and {@code move} on a fresh system from {@code factory};
     * returns the first property broken, if any, and adds the inputs applied to {@code counted}.
     */
    Option<PathVerdict> check(ExploredNode node, Move move, SystemUnderTestFactory factory, Statistics statistics,
                              long[] counted) {
        return check(node, Vector.of(move), factory, statistics, counted);
    }

    /** Like {@link #check(ExploredNode, Move, SystemUnderTestFactory, Statistics, long[])}, with several moves. */
    Option<PathVerdict> check(ExploredNode node, Vector<Move> then, SystemUnderTestFactory factory, Statistics statistics,
                              long[] counted) {
        Vector<Input> sequence = sequence(node, then);
        Vector<Step> path = node.path();
        int recorded = setup.size() + path.size();
        Observation[] seen = new Observation[sequence.size()];
        Frontier frontier = null;
        try (Session session = Session.open(config, factory, SESSION_CHECKS, statistics)) {
            for (int i = 0; i < sequence.size(); i++) {
                Input input = sequence.get(i);
                counted[0]++;
                Option<Violation> broken = session.step(input);
                if (broken.isDefined()) {
                    return Option.some(new PathVerdict(sequence.take(i + 1), broken.get()));
                }
                Observation observation = session.lastObservation().get();
                seen[i] = observation;
                if (frontier == null && i < recorded) {
                    Observation expected = i < setup.size() ? setupObservations.get(i) : path.get(i - setup.size()).observation();
                    if (observation.equals(expected)) {
                        continue;
                    }
                    frontier = frontierAfter(sequence, seen, i);
                } else if (frontier == null) {
                    frontier = Frontier.of(specification, node.states());
                }
                Either<Divergence, Frontier> next = frontier.advance(input, observation);
                if (next.isLeft()) {
                    return Option.some(PathVerdict.diverged(session.steps(), next.getLeft()));
                }
                frontier = next.get();
            }
        }
        return Option.none();
    }

    /** The frontier after the first {@code count} inputs of {@code sequence} answered as {@code seen}. */
    private Frontier frontierAfter(Vector<Input> sequence, Observation[] seen, int count) {
        Frontier frontier = Frontier.start(specification);
        for (int i = 0; i < count; i++) {
            frontier = frontier.advance(sequence.get(i), seen[i]).getOrElseThrow(divergence ->
                    new IllegalStateException("a recorded observation diverged: " + divergence.describe()));
        }
        return frontier;
    }
}
