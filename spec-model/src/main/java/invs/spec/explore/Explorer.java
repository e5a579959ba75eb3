package invs.spec.explore;

import invs.spec.Clause;
import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.model.Outcome;
import invs.spec.model.Specification;
import invs.spec.model.SystemState;
import io.vavr.collection.Vector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

/**
 * Breadth-first exploration of the specification as a lockstep checker sees it: a node is the set of
 * model states consistent with the observations so far (a {@link invs.spec.model.Frontier}), and from
 * every node, every move of the alphabet and every observation the specification allows for each of its
 * inputs lead to the next node. Nodes are deduplicated up to the abstractions of {@link CanonicalForm}.
 * Every transition of every state in a node is checked against {@link SafetyProperties}; a violation
 * comes with a shortest path, since exploration is breadth-first. Exploring sets rather than single
 * states keeps apart sequences that an implementation can tell apart, such as an operation completed by
 * a drain and one still in flight.
 *
 * <p>Moves are applied by {@link MoveRun}, which keeps what the rest of a move does from each canonical
 * state. The nodes of a level are expanded in parallel, in chunks, and merged in order, so
 * the nodes found, their numbers and the paths kept do not depend on the number of threads.
 */
public final class Explorer {
    private static final int CHUNK = 512;

    private final Specification specification;
    private final InputAlphabet alphabet;
    private final SafetyProperties properties;
    private final int threads;

    /** An explorer of the specification of {@code config} over {@code alphabet}, on every processor. */
    public Explorer(Configuration config, InputAlphabet alphabet) {
        this(config, alphabet, Runtime.getRuntime().availableProcessors());
    }

    /** An explorer of the specification of {@code config} over {@code alphabet} on {@code threads} threads. */
    public Explorer(Configuration config, InputAlphabet alphabet, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("an exploration needs at least one thread");
        }
        this.specification = new Specification(config);
        this.alphabet = alphabet;
        this.properties = new SafetyProperties(config);
        this.threads = threads;
    }

    /** A node to expand: where it was first reached from (none for the root), and its canonical states. */
    private record Node(int id, Node parent, int move, Vector<Step> steps, int depth, int[] states) {
        Vector<Step> path() {
            Vector<Step> path = Vector.empty();
            for (Node node = this; node.parent != null; node = node.parent) {
                path = node.steps.appendAll(path);
            }
            return path;
        }

        Vector<Integer> moves() {
            Vector<Integer> moves = Vector.empty();
            for (Node node = this; node.parent != null; node = node.parent) {
                moves = moves.prepend(node.move);
            }
            return moves;
        }
    }

    /** A node reached from an expanded one by a move: its observations, states and key. */
    private record Successor(int move, Vector<Observation> observations, int[] states, CanonicalForm.NodeKey key) {
    }

    /** What expanding one node found. */
    private record Expansion(List<Successor> successors, long transitions, Vector<Violation> violations) {
    }

    /** What an exploration shares between its threads. */
    private record Context(CanonicalForm canonical, MoveRun run, long deadline) {
    }

    /**
     * Explores up to {@code maxDepth} moves deep, or until {@code maxStates} nodes or {@code maxSeconds}
     * seconds are reached (whichever comes first), and stops at the first {@code maxViolations}
     * violations. With {@code recordPaths} the result holds every node shallower than
     * {@code maxDepth}, with its path, states and edges, for replaying against an implementation.
     */
    public ExplorationResult explore(int maxDepth, long maxStates, double maxSeconds, int maxViolations,
                                     boolean recordPaths) {
        long start = System.nanoTime();
        SystemState setup = setupState();
        CanonicalForm canonical = new CanonicalForm(specification.configuration(), alphabet, setup);
        Context context = new Context(canonical, new MoveRun(specification, properties, canonical, alphabet),
                deadline(start, maxSeconds));
        int[] rootStates = canonical.numbers(Vector.of(setup));
        Node root = new Node(0, null, -1, Vector.empty(), 0, rootStates);
        Map<CanonicalForm.NodeKey, Integer> seen = new HashMap<>();
        seen.put(canonical.key(rootStates), 0);
        List<Node> level = List.of(root);
        List<ExploredNode> kept = new ArrayList<>();
        List<Long> perDepth = new ArrayList<>(List.of(1L));
        Vector<Violation> violations = Vector.empty();
        long transitions = 0;
        int depthCompleted = 0;
        long lastReached = 1;
        boolean stopped = false;
        ForkJoinPool pool = threads > 1 ? new ForkJoinPool(threads) : null;
        try {
            while (!level.isEmpty() && depthCompleted < maxDepth && !stopped) {
                List<Node> next = new ArrayList<>();
                long reached = 0;
                int from = 0;
                for (; from < level.size() && !stopped; from += CHUNK) {
                    List<Node> chunk = level.subList(from, Math.min(level.size(), from + CHUNK));
                    List<Expansion> expansions = expandAll(pool, chunk, context);
                    for (int i = 0; i < chunk.size(); i++) {
                        Node parent = chunk.get(i);
                        Expansion expansion = expansions.get(i);
                        if (expansion == null) {
                            stopped = true;
                            if (recordPaths) {
                                kept.add(explored(parent, canonical, Vector.empty()));
                            }
                            continue;
                        }
                        transitions += expansion.transitions();
                        violations = violations.appendAll(expansion.violations());
                        Vector<Vector<ExploredNode.Edge>> edges = Vector.fill(alphabet.moves().size(), Vector::empty);
                        for (Successor successor : expansion.successors()) {
                            Integer id = seen.get(successor.key());
                            if (id == null && seen.size() >= maxStates) {
                                // --max-states bounds the distinct states: the move's edge to a state not
                                // kept is left out (a replay judges what follows from the node's states).
                                stopped = true;
                                continue;
                            }
                            if (id == null) {
                                id = seen.size();
                                seen.put(successor.key(), id);
                                reached++;
                                // Nodes at the last depth are counted, not kept: nothing expands them.
                                if (parent.depth() + 1 < maxDepth) {
                                    Vector<Step> steps = alphabet.moves().get(successor.move()).inputs()
                                            .zipWith(successor.observations(), Step::new);
                                    next.add(new Node(id, parent, successor.move(), steps, parent.depth() + 1,
                                            successor.states()));
                                }
                            }
                            int move = successor.move();
                            edges = edges.update(move, edges.get(move).append(new ExploredNode.Edge(successor.observations(), id)));
                        }
                        if (recordPaths) {
                            // Under app symmetry a node stands for its images, whose moves differ: no edges.
                            kept.add(explored(parent, canonical, canonical.symmetries() == 1 ? edges : Vector.empty()));
                        }
                    }
                    stopped = stopped || violations.size() >= maxViolations || seen.size() >= maxStates
                            || System.nanoTime() - context.deadline() > 0;
                }
                if (recordPaths) {
                    for (Node node : level.subList(Math.min(from, level.size()), level.size())) {
                        kept.add(explored(node, canonical, Vector.empty()));
                    }
                }
                if (!stopped) {
                    depthCompleted++;
                    perDepth.add(reached);
                }
                lastReached = reached;
                level = next;
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        boolean exhausted = !stopped && lastReached == 0;
        double seconds = (System.nanoTime() - start) / 1e9;
        return new ExplorationResult(seen.size(), transitions, depthCompleted, exhausted, seconds,
                violations.take(Math.max(maxViolations, 0)), Vector.ofAll(perDepth), Vector.ofAll(kept));
    }

    /**
     * The time {@code seconds} after {@code start}, in {@link System#nanoTime} terms: at most about 30
     * years on, so that a huge or infinite budget cannot overflow (and NaN is no time at all).
     */
    static long deadline(long start, double seconds) {
        double nanos = seconds * 1e9;
        return start + (nanos > 1e18 ? (long) 1e18 : nanos > 0 ? (long) nanos : 0);
    }

    private static ExploredNode explored(Node node, CanonicalForm canonical, Vector<Vector<ExploredNode.Edge>> edges) {
        return new ExploredNode(node.id(), node.parent() == null ? -1 : node.parent().id(), node.moves(), node.path(),
                canonical.states(node.states()), edges);
    }

    /** The expansions of {@code chunk}, in order; null for the nodes left when the deadline passed. */
    private List<Expansion> expandAll(ForkJoinPool pool, List<Node> chunk, Context context) {
        if (pool == null) {
            return chunk.stream().map(node -> expand(node, context)).toList();
        }
        return pool.submit(() -> chunk.parallelStream().map(node -> expand(node, context)).toList()).join();
    }

    /** Every successor of {@code node} by every move and every allowed sequence of observations. */
    private Expansion expand(Node node, Context context) {
        if (System.nanoTime() - context.deadline() > 0) {
            return null;
        }
        List<Successor> successors = new ArrayList<>();
        long transitions = 0;
        Vector<Violation> violations = Vector.empty();
        Vector<Step> path = null;
        for (int move = 0; move < alphabet.moves().size(); move++) {
            MoveRun.Result result = context.run().run(node.states(), move);
            transitions += result.transitions();
            if (!result.broken().isEmpty()) {
                path = path == null ? node.path() : path;
                for (MoveRun.Broken broken : result.broken()) {
                    violations = violations.append(new Violation(broken.property(), path.appendAll(broken.steps())));
                }
            }
            for (MoveRun.Branch branch : result.branches()) {
                successors.add(new Successor(move, branch.observations(), branch.states(),
                        context.canonical().key(branch.states())));
            }
        }
        return new Expansion(successors, transitions, violations);
    }

    /**
     * The state after the setup inputs, each of which must have exactly one outcome besides the kernel
     * refusing the app's grant (clause TRD104_GRANT_NOMEM), which the setup assumes does not happen.
     */
    private SystemState setupState() {
        SystemState state = specification.initial();
        for (Input input : alphabet.setup()) {
            Vector<Outcome> outcomes = specification.step(state, input)
                    .filter(outcome -> outcome.clause() != Clause.TRD104_GRANT_NOMEM);
            if (outcomes.size() != 1) {
                throw new IllegalArgumentException("setup input " + input + " has " + outcomes.size() + " outcomes");
            }
            Observation observation = outcomes.head().expected().example(0);
            state = outcomes.head().after(observation);
        }
        return state;
    }
}
