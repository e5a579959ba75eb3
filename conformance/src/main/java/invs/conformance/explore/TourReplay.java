package invs.conformance.explore;

import invs.conformance.check.Checks;
import invs.conformance.check.Property;
import invs.conformance.check.Session;
import invs.conformance.coverage.Statistics;
import invs.conformance.check.Violation;
import invs.conformance.trace.TraceStep;
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
import invs.spec.model.Specification;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.BooleanSupplier;

/**
 * Replays the explored graph against fresh systems by walks: a run goes from power-on along a node's
 * shortest path, then keeps taking moves not yet replayed from the node it is in, for as long as it stays
 * among the expanded nodes. Every (node, move) transition of the graph is replayed once, most of them
 * without starting the system again. While the system shows the observations of an edge of the graph,
 * the specification's states are the edge's node's, so lockstep is checked by matching observations; an
 * observation no edge shows is checked against the specification from the node's states (the explorer
 * shows unknown bytes with a few values only, an implementation may show others).
 *
 * <p>Each run goes through the engine's {@link Session}, which also checks liveness, durability and
 * robustness; a system that throws is a robustness violation.
 */
final class TourReplay {
    /** Most moves a walk takes after reaching its start: long runs share the setup, short ones stay readable. */
    private static final int MAX_WALK = 64;

    private static final Checks SESSION_CHECKS = Checks.of(Vector.of(Property.LIVENESS, Property.DURABILITY));

    /**
     * What one run did: what it broke (if anything), the (node, move) pairs it took after the setup, the last
     * being where it broke something, the inputs it applied, and whether it reached its start.
     */
    record Run(Option<PathVerdict> verdict, Vector<int[]> taken, long inputs, boolean reachedStart) {
    }

    private final Configuration config;
    private final Specification specification;
    private final Vector<Move> moves;
    private final Vector<Input> setup;
    private final Vector<Observation> setupObservations;
    private final Vector<ExploredNode> nodes;
    private final int maxDepth;
    private final int maxWalk;
    private final AtomicIntegerArray replayed;
    /** Nodes the implementation did not enter when a run followed their path: 1 for such a node. */
    private final AtomicIntegerArray left;

    TourReplay(Configuration config, InputAlphabet alphabet, Vector<Observation> setupObservations,
               Vector<ExploredNode> nodes, int maxDepth) {
        this.config = config;
        this.specification = new Specification(config);
        this.moves = alphabet.moves();
        this.setup = alphabet.setup();
        this.setupObservations = setupObservations;
        this.nodes = nodes;
        this.maxDepth = maxDepth;
        this.maxWalk = MAX_WALK;
        this.replayed = new AtomicIntegerArray(nodes.size() * moves.size());
        this.left = new AtomicIntegerArray(nodes.size());
    }

    /** Whether node {@code id} was kept, lies inside the bound and was expanded, so that runs walk through it. */
    boolean walkable(int id) {
        return id < nodes.size() && nodes.get(id).depth() < maxDepth && nodes.get(id).expanded();
    }

    /**
     * Whether a run following the path of node {@code id} is known to leave it: the implementation did not
     * enter the node or one of its ancestors when a run followed their path (it showed other observations
     * the specification allows). Such a node is tried once.
     */
    boolean leftBefore(int id) {
        for (int node = id; node >= 0; node = nodes.get(node).parent()) {
            if (left.get(node) == 1) {
                return true;
            }
        }
        return false;
    }

    /** Whether some move from node {@code id} has not been replayed yet. */
    boolean pending(int id) {
        for (int move = 0; move < moves.size(); move++) {
            if (replayed.get(id * moves.size() + move) == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The move a walk takes next from {@code node}, claimed if it was not replayed yet; −1 to end the run.
     * A walk prefers moves not replayed yet that keep it among nodes with work left (staying in the node,
     * then going to another such node), then those that end it (at a node outside the bound, or one with
     * nothing left); when every move of the node was replayed, it takes one again if that leads to a node
     * with work left.
     */
    int next(ExploredNode node) {
        while (true) {
            int best = -1;
            int bestScore = -1;
            int again = -1;
            for (int move = 0; move < moves.size(); move++) {
                int score = score(node, move);
                if (replayed.get(node.id() * moves.size() + move) == 0) {
                    if (score > bestScore) {
                        best = move;
                        bestScore = score;
                    }
                } else if (again < 0 && score == 2) {
                    again = move;
                }
            }
            if (best < 0) {
                return again;
            }
            if (replayed.compareAndSet(node.id() * moves.size() + best, 0, 1)) {
                return best;
            }
        }
    }

    /**
     * How much taking {@code move} from {@code node} helps a walk go on: 3 if it stays in the node, 2 if it
     * leads to another node with moves not replayed yet, 1 if to a node with none, 0 outside the bound. Where
     * the move may lead to several nodes, the first the explorer followed counts.
     */
    private int score(ExploredNode node, int move) {
        Vector<ExploredNode.Edge> edges = node.edges().get(move);
        if (edges.isEmpty() || !walkable(edges.head().child())) {
            return 0;
        }
        int child = edges.head().child();
        return child == node.id() ? 3 : pending(child) ? 2 : 1;
    }

    /** How many (node, move) transitions have been replayed. */
    long transitionsReplayed() {
        long count = 0;
        for (int i = 0; i < replayed.length(); i++) {
            count += replayed.get(i);
        }
        return count;
    }

    /**
     * A run from power-on to node {@code start} along its path, then a walk over moves not replayed yet,
     * which ends early once {@code stop} says so (the time is up: a walk of {@value #MAX_WALK} moves against a
     * slow system would otherwise take minutes past it).
     */
    Run run(ExploredNode start, SystemUnderTestFactory factory, Statistics statistics, BooleanSupplier stop) {
        List<Input> inputs = new ArrayList<>();
        try (Session session = Session.open(config, factory, SESSION_CHECKS, statistics)) {
            Vector<Observation> setupSeen = Vector.empty();
            if (session.pipelines() && setup.size() > 1) { // the setup in one batch: one round trip, not one an input
                Either<PathVerdict, Vector<Observation>> batch = applyAll(session, setup, inputs);
                if (batch.isLeft()) {
                    return new Run(Option.some(batch.getLeft()), Vector.empty(), inputs.size(), false);
                }
                setupSeen = batch.get();
            }
            for (int i = 0; i < setup.size(); i++) {
                Either<PathVerdict, Observation> answer = i < setupSeen.size() ? Either.right(setupSeen.get(i))
                        : apply(session, setup.get(i), inputs);
                if (answer.isLeft()) {
                    return new Run(Option.some(answer.getLeft()), Vector.empty(), inputs.size(), false);
                }
                if (!answer.get().equals(setupObservations.get(i))) {
                    Frontier frontier = Frontier.start(specification);
                    for (int k = 0; k < i; k++) {
                        frontier = frontier.advance(setup.get(k), setupObservations.get(k)).get();
                    }
                    Option<PathVerdict> verdict = check(frontier, Vector.of(setup.get(i)), Vector.of(answer.get()),
                            session.steps().take(i + 1));
                    return new Run(verdict, Vector.empty(), inputs.size(), false);
                }
            }
            Vector<ExploredNode> ancestors = ancestors(start);
            Vector<int[]> taken = Vector.empty();
            ExploredNode current = nodes.get(0);
            int offset = 0;
            for (int k = 0; k < start.moves().size() && current.id() != start.id(); k++) {
                int move = start.moves().get(k);
                int length = moves.get(move).inputs().size();
                Vector<Observation> recorded = start.path().subSequence(offset, offset + length).map(Step::observation);
                offset += length;
                replayed.set(current.id() * moves.size() + move, 1);
                taken = taken.append(new int[] {current.id(), move});
                Arrival arrival = step(session, current, move, inputs);
                if (arrival.node() == null) {
                    if (arrival.verdict().isEmpty()) {
                        left.set(ancestors.get(k + 1).id(), 1);
                    }
                    return new Run(arrival.verdict(), taken, inputs.size(), false);
                }
                current = arrival.node();
                if (!arrival.seen().equals(recorded) || !walkable(current.id())) {
                    left.set(ancestors.get(k + 1).id(), 1);
                    break;
                }
            }
            boolean reached = current.id() == start.id();
            for (int walked = 0; walked < maxWalk && walkable(current.id()) && !stop.getAsBoolean(); walked++) {
                int move = next(current);
                if (move < 0) {
                    break;
                }
                taken = taken.append(new int[] {current.id(), move});
                Arrival arrival = step(session, current, move, inputs);
                if (arrival.node() == null) {
                    return new Run(arrival.verdict(), taken, inputs.size(), reached);
                }
                current = arrival.node();
            }
            return new Run(Option.none(), taken, inputs.size(), reached);
        }
    }

    /** The nodes along {@code node}'s path, from the node after the setup to {@code node} itself. */
    private Vector<ExploredNode> ancestors(ExploredNode node) {
        Vector<ExploredNode> chain = Vector.empty();
        for (int id = node.id(); id >= 0; id = nodes.get(id).parent()) {
            chain = chain.prepend(nodes.get(id));
        }
        return chain;
    }

    /**
     * Where a move led: the node reached (null when the run cannot go on: something broke, the node lies
     * outside what was kept, or the system showed observations the explorer did not follow but the
     * specification allows), what broke if anything, and what the system showed.
     */
    private record Arrival(ExploredNode node, Option<PathVerdict> verdict, Vector<Observation> seen) {
    }

    /**
     * Applies {@code move} from {@code node}: its inputs in one batch when the system pipelines (a move's
     * inputs do not depend on its answers, and a call with its drain and yield then costs one round trip
     * instead of three), else one by one.
     */
    private Arrival step(Session session, ExploredNode node, int move, List<Input> inputs) {
        Vector<Input> moveInputs = moves.get(move).inputs();
        Vector<Observation> seen = Vector.empty();
        if (session.pipelines() && moveInputs.size() > 1) {
            Either<PathVerdict, Vector<Observation>> batch = applyAll(session, moveInputs, inputs);
            if (batch.isLeft()) {
                return new Arrival(null, Option.some(batch.getLeft()), seen);
            }
            seen = batch.get();
        } else {
            for (Input input : moveInputs) {
                Either<PathVerdict, Observation> answer = apply(session, input, inputs);
                if (answer.isLeft()) {
                    return new Arrival(null, Option.some(answer.getLeft()), seen);
                }
                seen = seen.append(answer.get());
            }
        }
        for (ExploredNode.Edge edge : node.edges().get(move)) {
            if (edge.observations().equals(seen)) {
                return new Arrival(edge.child() < nodes.size() ? nodes.get(edge.child()) : null, Option.none(), seen);
            }
        }
        return new Arrival(null, check(Frontier.of(specification, node.states()), moveInputs, seen, session.steps()), seen);
    }

    /**
     * Applies {@code batch} in one batch, adding the inputs the system was sent to {@code inputs}: what broke,
     * or the answers to all of them (an input the system does not answer breaks robustness, always checked).
     */
    private static Either<PathVerdict, Vector<Observation>> applyAll(Session session, Vector<Input> batch,
                                                                     List<Input> inputs) {
        int first = session.stepCount();
        Option<Violation> broken = session.stepAll(batch);
        inputs.addAll(batch.take(session.stepCount() - first).asJava());
        if (broken.isDefined()) {
            return Either.left(new PathVerdict(Vector.ofAll(inputs), broken.get()));
        }
        return Either.right(Vector.range(first, session.stepCount()).map(step -> session.observation(step).get()));
    }

    /**
     * Checks the last {@code moveInputs.size()} inputs of {@code inputs}, answered as {@code seen}, against
     * {@code frontier}: the divergence, if any.
     */
    private Option<PathVerdict> check(Frontier frontier, Vector<Input> moveInputs, Vector<Observation> seen,
                                      Vector<TraceStep> steps) {
        int first = steps.size() - moveInputs.size();
        for (int i = 0; i < moveInputs.size(); i++) {
            Either<Divergence, Frontier> next = frontier.advance(moveInputs.get(i), seen.get(i));
            if (next.isLeft()) {
                return Option.some(PathVerdict.diverged(steps.take(first + i + 1), next.getLeft()));
            }
            frontier = next.get();
        }
        return Option.none();
    }

    /** Applies {@code input} through the session: its observation, or (left) the property it broke. */
    private static Either<PathVerdict, Observation> apply(Session session, Input input, List<Input> inputs) {
        inputs.add(input);
        Option<Violation> broken = session.step(input);
        if (broken.isDefined()) {
            return Either.left(new PathVerdict(Vector.ofAll(inputs), broken.get()));
        }
        return Either.right(session.lastObservation().get());
    }
}
