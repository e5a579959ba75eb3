package invs.conformance.explore;

import invs.conformance.engine.Statistics;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.explore.ExplorationResult;
import invs.spec.explore.ExploredNode;
import invs.spec.explore.Explorer;
import invs.spec.explore.InputAlphabet;
import invs.spec.explore.Move;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

/**
 * Replays every transition the explorer followed against an implementation, in lockstep with the
 * specification, so that for a bounded configuration every (node, move) pair up to the depth is checked
 * rather than a sample. The explorer keeps one shortest path per distinct node; for every node inside the
 * bound, its path extended by every move of the alphabet is replayed from power-on (sequences that are
 * themselves the path of a node inside the bound are extended later instead). Each replay runs through
 * the engine's {@link invs.conformance.engine.Session}: lockstep, liveness, durability and robustness
 * are checked, and a system that throws is reported, not propagated.
 *
 * <p>Sequences are replayed on several threads (each on its own fresh system), in chunks, and the
 * divergences are reported shortest first, so results do not depend on the number of threads.
 */
public final class ExhaustiveLockstep {
    private static final int CHUNK = 256;

    private final Configuration config;
    private final InputAlphabet alphabet;
    private final int threads;

    /** Exhaustive lockstep checking of {@code config} over {@code alphabet}, on up to four processors. */
    public ExhaustiveLockstep(Configuration config, InputAlphabet alphabet) {
        this(config, alphabet, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    /** Exhaustive lockstep checking of {@code config} over {@code alphabet} on {@code threads} threads. */
    public ExhaustiveLockstep(Configuration config, InputAlphabet alphabet, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("exhaustive lockstep needs at least one thread");
        }
        this.config = config;
        this.alphabet = alphabet;
        this.threads = threads;
    }

    /**
     * Explores the specification within the bounds, then replays the explored sequences against fresh
     * systems from {@code factory}, stopping after {@code maxDivergences} divergences.
     */
    public LockstepExploration check(SystemUnderTestFactory factory, int maxDepth, long maxStates, double maxSeconds,
                                     int maxDivergences) {
        return replay(explore(maxDepth, maxStates, maxSeconds), maxDepth, factory, maxDivergences);
    }

    /** Explores the specification within the bounds, keeping the nodes a replay extends. */
    public ExplorationResult explore(int maxDepth, long maxStates, double maxSeconds) {
        return new Explorer(config, alphabet, threads).explore(maxDepth, maxStates, maxSeconds, 10, true);
    }

    /**
     * Replays the extensions of {@code exploration}'s nodes shallower than {@code maxDepth} against fresh
     * systems from {@code factory}, stopping after {@code maxDivergences} divergences. One exploration can
     * be replayed against many systems.
     */
    public LockstepExploration replay(ExplorationResult exploration, int maxDepth, SystemUnderTestFactory factory,
                                      int maxDivergences) {
        long start = System.nanoTime();
        ExtensionReplay replay = new ExtensionReplay(config, alphabet);
        Vector<Extension> extensions = extensions(exploration.nodes(), alphabet.moves(), maxDepth);
        List<PathVerdict> divergences = new ArrayList<>();
        Set<Vector<Input>> reported = new HashSet<>();
        long[] inputs = new long[1];
        ForkJoinPool pool = threads > 1 ? new ForkJoinPool(threads) : null;
        try {
            for (int from = 0; from < extensions.size() && divergences.size() < maxDivergences; from += CHUNK) {
                List<Extension> chunk = extensions.subSequence(from, Math.min(extensions.size(), from + CHUNK)).toJavaList();
                for (Outcome outcome : run(pool, chunk, replay, factory)) {
                    inputs[0] += outcome.inputs();
                    if (outcome.verdict().isDefined() && reported.add(outcome.verdict().get().inputs())) {
                        divergences.add(outcome.verdict().get());
                    }
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Vector<PathVerdict> shortestFirst = Vector.ofAll(divergences).sortBy(verdict -> verdict.inputs().size())
                .take(maxDivergences);
        return new LockstepExploration(exploration, extensions.size(), inputs[0], shortestFirst, seconds);
    }

    /** A node's path extended by one move. */
    record Extension(ExploredNode node, Move move) {
        /** The inputs after the setup. */
        Vector<Input> inputs() {
            return node.inputs().appendAll(move.inputs());
        }
    }

    /** What replaying one extension showed, and how many inputs it took. */
    private record Outcome(Option<PathVerdict> verdict, long inputs) {
    }

    private static List<Outcome> run(ForkJoinPool pool, List<Extension> chunk, ExtensionReplay replay,
                                     SystemUnderTestFactory factory) {
        if (pool == null) {
            Statistics statistics = new Statistics();
            return chunk.stream().map(extension -> run(extension, replay, factory, statistics)).toList();
        }
        ThreadLocal<Statistics> statistics = ThreadLocal.withInitial(Statistics::new);
        return pool.submit(() -> chunk.parallelStream()
                .map(extension -> run(extension, replay, factory, statistics.get())).toList()).join();
    }

    private static Outcome run(Extension extension, ExtensionReplay replay, SystemUnderTestFactory factory,
                               Statistics statistics) {
        long[] counted = new long[1];
        Option<PathVerdict> verdict = replay.check(extension.node(), extension.move(), factory, statistics, counted);
        return new Outcome(verdict, counted[0]);
    }

    /**
     * The sequences to replay: every node shallower than {@code depth} extended by every move, except
     * extensions whose inputs are the path of such a node (they are extended in turn).
     */
    static Vector<Extension> extensions(Vector<ExploredNode> nodes, Vector<Move> moves, int depth) {
        Vector<ExploredNode> interior = nodes.filter(node -> node.depth() < depth);
        Set<Vector<Input>> extended = new HashSet<>(interior.map(ExploredNode::inputs).toJavaList());
        List<Extension> extensions = new ArrayList<>();
        for (ExploredNode node : interior) {
            for (Move move : moves) {
                Extension extension = new Extension(node, move);
                if (!extended.contains(extension.inputs())) {
                    extensions.add(extension);
                }
            }
        }
        return Vector.ofAll(extensions);
    }
}
