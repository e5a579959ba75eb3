package invs.conformance.explore;

import invs.conformance.coverage.Statistics;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replays every transition the explorer followed against an implementation, in lockstep with the
 * specification, so that for a bounded configuration every (node, move) pair up to the depth is checked
 * rather than a sample. The explorer keeps one shortest path per distinct node; for every node inside the
 * bound, its path extended by every move of the alphabet is replayed from power-on (sequences that are
 * themselves the path of a node inside the bound are extended later instead). Each replay runs through
 * the engine's {@link invs.conformance.check.Session}: lockstep, liveness, durability and robustness
 * are checked, and a system that throws is reported, not propagated.
 *
 * <p>Sequences are replayed on several threads (each on its own fresh system), in chunks, and the
 * divergences are reported shortest first, so results do not depend on the number of threads.
 */
public final class ExhaustiveLockstep {
    /** Most shorter sequences tried for a property broken in the middle of a walk. */
    private static final int SHORTENINGS = 16;

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
     * systems from {@code factory}, stopping after {@code maxDivergences} divergences or once
     * {@code maxSeconds} have passed since the exploration began (the replay is then cut short: a sequence
     * under way is finished, no other begins).
     */
    public LockstepExploration check(SystemUnderTestFactory factory, int maxDepth, long maxStates, double maxSeconds,
                                     int maxDivergences) {
        long deadline = System.nanoTime() + (long) Math.min(Long.MAX_VALUE / 4, maxSeconds * 1e9);
        return replay(explore(maxDepth, maxStates, maxSeconds), maxDepth, factory, maxDivergences, deadline);
    }

    /** Explores the specification within the bounds, keeping the nodes a replay extends. */
    public ExplorationResult explore(int maxDepth, long maxStates, double maxSeconds) {
        return new Explorer(config, alphabet, threads).explore(maxDepth, maxStates, maxSeconds, 10, true);
    }

    /**
     * Replays every transition of {@code exploration}'s graph inside {@code maxDepth} against fresh systems
     * from {@code factory}, stopping after {@code maxDivergences} divergences. One exploration can be
     * replayed against many systems. Expanded nodes are replayed by walks ({@link TourReplay}); the
     * others (an exploration cut short, or one over symmetric apps, which keeps no edges) by their path
     * extended by every move.
     */
    public LockstepExploration replay(ExplorationResult exploration, int maxDepth, SystemUnderTestFactory factory,
                                      int maxDivergences) {
        return replay(exploration, maxDepth, factory, maxDivergences, System.nanoTime() + Long.MAX_VALUE / 4);
    }

    /** {@link #replay(ExplorationResult, int, SystemUnderTestFactory, int)} that begins no sequence after {@code deadline} ({@link System#nanoTime}). */
    private LockstepExploration replay(ExplorationResult exploration, int maxDepth, SystemUnderTestFactory factory,
                                       int maxDivergences, long deadline) {
        long start = System.nanoTime();
        Vector<ExploredNode> nodes = exploration.nodes();
        ExtensionReplay extension = new ExtensionReplay(config, alphabet);
        TourReplay tours = new TourReplay(config, alphabet, extension.setupObservations(), nodes, maxDepth);
        Vector<Extension> extensions = extensions(nodes.filter(node -> !tours.walkable(node.id())), alphabet.moves(),
                maxDepth, nodes.filter(node -> node.depth() < maxDepth).map(ExploredNode::inputs));
        Progress progress = new Progress(maxDivergences, deadline);
        AtomicInteger nextNode = new AtomicInteger();
        AtomicInteger nextExtension = new AtomicInteger();
        Runnable worker = () -> {
            Statistics statistics = new Statistics();
            for (int id = nextNode.getAndIncrement(); id < nodes.size() && !progress.done(); id = nextNode.getAndIncrement()) {
                ExploredNode node = nodes.get(id);
                if (tours.walkable(id) && tours.pending(id) && tours.leftBefore(id)) {
                    progress.unreached();
                    continue;
                }
                TourReplay.Run run = null;
                while ((run == null || run.reachedStart()) && tours.walkable(id) && tours.pending(id) && !progress.done()) {
                    run = tours.run(node, factory, statistics, progress::done);
                    progress.ran(run.inputs(), shortest(run, extension, nodes, factory, statistics));
                }
                if (run != null && !run.reachedStart() && run.verdict().isEmpty()) {
                    progress.unreached();
                }
            }
            for (int index = nextExtension.getAndIncrement(); index < extensions.size() && !progress.done();
                 index = nextExtension.getAndIncrement()) {
                check(extension, extensions.get(index), factory, statistics, progress);
            }
        };
        runOnThreads(worker);
        double seconds = (System.nanoTime() - start) / 1e9;
        Vector<PathVerdict> shortestFirst = progress.verdicts().sortBy(verdict -> verdict.inputs().size()).take(maxDivergences);
        return new LockstepExploration(exploration, progress.runs(), progress.inputs(), tours.transitionsReplayed()
                + extensions.size(), progress.unreachedNodes(), shortestFirst, seconds, progress.timeUp());
    }

    /**
     * The verdict of {@code run}, or a shorter sequence that breaks a property too: a walk reaches a node by
     * a long way round, so the path of each node it went through, followed by the moves the walk took from
     * there, is tried, shortest first (at most {@value #SHORTENINGS} of them).
     */
    private Option<PathVerdict> shortest(TourReplay.Run run, ExtensionReplay replay, Vector<ExploredNode> nodes,
                                         SystemUnderTestFactory factory, Statistics statistics) {
        if (run.verdict().isEmpty() || run.taken().isEmpty()) {
            return run.verdict();
        }
        int found = run.verdict().get().inputs().size();
        Vector<Integer> starts = Vector.range(0, run.taken().size()).sortBy(i -> nodes.get(run.taken().get(i)[0]).path().size()
                + run.taken().drop(i).map(step -> alphabet.moves().get(step[1]).inputs().size()).sum().intValue());
        for (int start : starts.take(SHORTENINGS)) {
            ExploredNode from = nodes.get(run.taken().get(start)[0]);
            Vector<Move> then = run.taken().drop(start).map(step -> alphabet.moves().get(step[1]));
            if (replay.sequence(from, then).size() >= found) {
                break;
            }
            long[] counted = new long[1];
            Option<PathVerdict> again = replay.check(from, then, factory, statistics, counted);
            if (again.isDefined()) {
                return again;
            }
        }
        return run.verdict();
    }

    private static void check(ExtensionReplay replay, Extension extension, SystemUnderTestFactory factory,
                              Statistics statistics, Progress progress) {
        long[] counted = new long[1];
        Option<PathVerdict> verdict = replay.check(extension.node(), extension.move(), factory, statistics, counted);
        progress.ran(counted[0], verdict);
    }

    /** Runs {@code worker} on every thread of this checker and waits for all. */
    private void runOnThreads(Runnable worker) {
        if (threads == 1) {
            worker.run();
            return;
        }
        List<Thread> started = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(worker, "explore-replay-" + i);
            thread.setUncaughtExceptionHandler((t, e) -> failures.add(e));
            thread.start();
            started.add(thread);
        }
        for (Thread thread : started) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while replaying", e);
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a replay failed: " + failures.get(0), failures.get(0));
        }
    }

    /** What the replay threads have done so far: runs, inputs and verdicts, and whether to stop. */
    private static final class Progress {
        private final int maxDivergences;
        private final AtomicLong runs = new AtomicLong();
        private final AtomicLong inputs = new AtomicLong();
        private final AtomicLong unreached = new AtomicLong();
        private final Set<Vector<Input>> reported = ConcurrentHashMap.newKeySet();
        private final ConcurrentLinkedQueue<PathVerdict> verdicts = new ConcurrentLinkedQueue<>();

        private final long deadline;
        private volatile boolean timeUp;

        Progress(int maxDivergences, long deadline) {
            this.maxDivergences = maxDivergences;
            this.deadline = deadline;
        }

        void ran(long applied, Option<PathVerdict> verdict) {
            runs.incrementAndGet();
            inputs.addAndGet(applied);
            if (verdict.isDefined() && reported.add(verdict.get().inputs())) {
                verdicts.add(verdict.get());
            }
        }

        void unreached() {
            unreached.incrementAndGet();
        }

        long unreachedNodes() {
            return unreached.get();
        }

        /** Whether to begin no more sequences: enough divergences, or the time is up. */
        boolean done() {
            if (verdicts.size() >= maxDivergences) {
                return true;
            }
            if (!timeUp && System.nanoTime() - deadline >= 0) {
                timeUp = true;
            }
            return timeUp;
        }

        /** Whether the time ran out before every sequence was replayed (or enough divergences found). */
        boolean timeUp() {
            return timeUp && verdicts.size() < maxDivergences;
        }

        long runs() {
            return runs.get();
        }

        long inputs() {
            return inputs.get();
        }

        Vector<PathVerdict> verdicts() {
            return Vector.ofAll(verdicts);
        }
    }

    /** A node's path extended by one move. */
    record Extension(ExploredNode node, Move move) {
        /** The inputs after the setup. */
        Vector<Input> inputs() {
            return node.inputs().appendAll(move.inputs());
        }
    }

    /**
     * The sequences to replay from {@code nodes}: every node shallower than {@code depth} extended by every
     * move, except extensions whose inputs are those of {@code interiorPaths}, the paths of nodes inside
     * the bound (they are replayed as such).
     */
    static Vector<Extension> extensions(Vector<ExploredNode> nodes, Vector<Move> moves, int depth,
                                        Vector<Vector<Input>> interiorPaths) {
        Set<Vector<Input>> extended = new HashSet<>(interiorPaths.toJavaList());
        List<Extension> extensions = new ArrayList<>();
        for (ExploredNode node : nodes.filter(node -> node.depth() < depth)) {
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
