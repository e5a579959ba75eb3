package invs.conformance.explore;

import invs.conformance.sut.SystemUnderTest;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.explore.ExplorationResult;
import invs.spec.explore.Explorer;
import invs.spec.explore.InputAlphabet;
import invs.spec.explore.Step;
import invs.spec.model.Divergence;
import invs.spec.model.Frontier;
import invs.spec.model.Specification;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import java.util.HashSet;
import java.util.Set;

/**
 * Replays every transition the explorer followed against an implementation, in lockstep with the
 * specification, so that for a bounded configuration every (state, input) pair up to the depth is
 * checked rather than a sample. The explorer keeps one shortest path per distinct model state; for every
 * state inside the bound, its path extended by every input of the alphabet is replayed (sequences that
 * are themselves the path of a state inside the bound are extended later instead).
 */
public final class ExhaustiveLockstep {
    private final Configuration config;
    private final InputAlphabet alphabet;

    /** Exhaustive lockstep checking of {@code config} over {@code alphabet}. */
    public ExhaustiveLockstep(Configuration config, InputAlphabet alphabet) {
        this.config = config;
        this.alphabet = alphabet;
    }

    /**
     * Explores the specification within the bounds, then replays the explored sequences against fresh
     * systems from {@code factory}, stopping after {@code maxDivergences} divergences.
     */
    public LockstepExploration check(SystemUnderTestFactory factory, int maxDepth, long maxStates, double maxSeconds,
                                     int maxDivergences) {
        ExplorationResult exploration = new Explorer(config, alphabet).explore(maxDepth, maxStates, maxSeconds, 10, true);
        long start = System.nanoTime();
        Vector<Vector<Input>> leaves = extensions(exploration.paths(), alphabet.inputs(), maxDepth);
        Specification specification = new Specification(config);
        Vector<PathVerdict> divergences = Vector.empty();
        Set<Vector<Input>> reported = new HashSet<>();
        long inputs = 0;
        for (Vector<Input> path : leaves) {
            Vector<Input> sequence = alphabet.setup().appendAll(path);
            Frontier frontier = Frontier.start(specification);
            try (SystemUnderTest system = factory.create(config)) {
                for (int i = 0; i < sequence.size(); i++) {
                    Input input = sequence.get(i);
                    Observation observation = system.apply(input);
                    inputs++;
                    Either<Divergence, Frontier> next = frontier.advance(input, observation);
                    if (next.isLeft()) {
                        Vector<Input> prefix = sequence.take(i + 1);
                        if (reported.add(prefix)) {
                            divergences = divergences.append(new PathVerdict(prefix, next.getLeft()));
                        }
                        break;
                    }
                    frontier = next.get();
                }
            }
            if (divergences.size() >= maxDivergences) {
                break;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Vector<PathVerdict> shortestFirst = divergences.sortBy(verdict -> verdict.inputs().size());
        return new LockstepExploration(exploration, leaves.size(), inputs, shortestFirst, seconds);
    }

    /**
     * The sequences to replay: every path shorter than {@code depth}, extended by every input, except
     * extensions that are themselves such a path (they are extended in turn).
     */
    static Vector<Vector<Input>> extensions(Vector<Vector<Step>> paths, Vector<Input> inputs, int depth) {
        Vector<Vector<Input>> interior = paths.map(path -> path.map(Step::input)).filter(path -> path.size() < depth);
        Set<Vector<Input>> extended = new HashSet<>(interior.toJavaList());
        Vector<Vector<Input>> sequences = Vector.empty();
        for (Vector<Input> path : interior) {
            for (Input input : inputs) {
                Vector<Input> next = path.append(input);
                if (!extended.contains(next)) {
                    sequences = sequences.append(next);
                }
            }
        }
        return sequences;
    }
}
