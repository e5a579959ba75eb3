package invs.spec.explore;

import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.model.Expectation;
import invs.spec.model.Outcome;
import invs.spec.model.Specification;
import invs.spec.model.SystemState;
import io.vavr.collection.Vector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

/**
 * Breadth-first exploration of the specification as a lockstep checker sees it: a node is the set of
 * model states consistent with the observations so far (a {@link invs.spec.model.Frontier}), and from
 * every node, every move of the alphabet and every observation the specification allows for each of its
 * inputs lead to the next node. Nodes are deduplicated level by level up to the abstractions of
 * {@link CanonicalForm}. Every transition of every state in a node is checked against
 * {@link SafetyProperties}; a violation comes with a shortest path, since exploration is breadth-first.
 * Exploring sets rather than single states keeps apart sequences that an implementation can tell apart,
 * such as an operation completed by a drain and one still in flight.
 *
 * <p>The nodes of a level are expanded in parallel, in chunks, and merged in order, so the nodes found
 * and the paths kept do not depend on the number of threads.
 */
public final class Explorer {
    private static final int CHUNK = 512;
    /** Entries the memo of outcomes and of checked transitions each holds at most. */
    private static final int MEMO_CAPACITY = 1 << 20;

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

    /** Where a node was first reached from: its parent and the steps of the move, or none for the root. */
    private record Node(Node parent, Vector<Step> steps, int depth, Vector<SystemState> states) {
        Vector<Step> path() {
            Vector<Step> path = Vector.empty();
            for (Node node = this; node.parent != null; node = node.parent) {
                path = node.steps.appendAll(path);
            }
            return path;
        }
    }

    /** A node reached from an expanded one: the steps of the move, the states and their key. */
    private record Successor(Vector<Step> steps, Vector<SystemState> states, CanonicalForm.NodeKey key) {
    }

    /** What expanding one node found. */
    private record Expansion(List<Successor> successors, long transitions, Vector<Violation> violations) {
    }

    /** The inputs of a move applied so far along one sequence of observations. */
    private record Partial(Vector<Step> steps, Vector<SystemState> states) {
    }

    /**
     * Explores up to {@code maxDepth} moves deep, or until {@code maxStates} nodes or {@code maxSeconds}
     * seconds are reached (whichever comes first), and stops at the first {@code maxViolations}
     * violations. With {@code recordPaths} the result holds every node shallower than
     * {@code maxDepth}, with its path and states, for replaying against an implementation.
     */
    public ExplorationResult explore(int maxDepth, long maxStates, double maxSeconds, int maxViolations,
                                     boolean recordPaths) {
        long start = System.nanoTime();
        long deadline = start + (long) (maxSeconds * 1e9);
        SystemState setup = setupState();
        CanonicalForm canonical = new CanonicalForm(specification.configuration(), alphabet, setup);
        StepMemo memo = new StepMemo(specification, properties, MEMO_CAPACITY);
        Node root = new Node(null, Vector.empty(), 0, Vector.of(setup));
        Set<CanonicalForm.NodeKey> seen = new HashSet<>();
        seen.add(canonical.key(root.states()));
        List<Node> level = List.of(root);
        List<ExploredNode> kept = new ArrayList<>();
        List<Long> perDepth = new ArrayList<>(List.of(1L));
        Vector<Violation> violations = Vector.empty();
        long transitions = 0;
        int depthCompleted = 0;
        boolean stopped = false;
        ForkJoinPool pool = threads > 1 ? new ForkJoinPool(threads) : null;
        try {
            while (!level.isEmpty() && depthCompleted < maxDepth && !stopped) {
                if (recordPaths) {
                    level.forEach(node -> kept.add(new ExploredNode(node.path(), node.depth(), node.states())));
                }
                List<Node> next = new ArrayList<>();
                for (int from = 0; from < level.size() && !stopped; from += CHUNK) {
                    List<Node> chunk = level.subList(from, Math.min(level.size(), from + CHUNK));
                    List<Expansion> expansions = expandAll(pool, chunk, canonical, memo, deadline);
                    for (int i = 0; i < chunk.size() && !stopped; i++) {
                        Expansion expansion = expansions.get(i);
                        if (expansion == null) {
                            stopped = true;
                            break;
                        }
                        transitions += expansion.transitions();
                        violations = violations.appendAll(expansion.violations());
                        Node parent = chunk.get(i);
                        for (Successor successor : expansion.successors()) {
                            if (seen.add(successor.key())) {
                                next.add(new Node(parent, successor.steps(), parent.depth() + 1, successor.states()));
                            }
                        }
                    }
                    stopped = stopped || violations.size() >= maxViolations || seen.size() >= maxStates
                            || System.nanoTime() > deadline;
                }
                if (!stopped) {
                    depthCompleted++;
                    perDepth.add((long) next.size());
                }
                level = next;
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        boolean exhausted = !stopped && level.isEmpty();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new ExplorationResult(seen.size(), transitions, depthCompleted, exhausted, seconds,
                violations.take(Math.max(maxViolations, 0)), Vector.ofAll(perDepth), Vector.ofAll(kept));
    }

    /** The expansions of {@code chunk}, in order; null for the nodes left when the deadline passed. */
    private List<Expansion> expandAll(ForkJoinPool pool, List<Node> chunk, CanonicalForm canonical, StepMemo memo,
                                      long deadline) {
        if (pool == null) {
            return chunk.stream().map(node -> expand(node, canonical, memo, deadline)).toList();
        }
        return pool.submit(() -> chunk.parallelStream().map(node -> expand(node, canonical, memo, deadline)).toList())
                .join();
    }

    /** Every successor of {@code node} by every move and every allowed sequence of observations. */
    private Expansion expand(Node node, CanonicalForm canonical, StepMemo memo, long deadline) {
        if (System.nanoTime() > deadline) {
            return null;
        }
        List<Successor> successors = new ArrayList<>();
        long transitions = 0;
        Vector<Violation> violations = Vector.empty();
        for (Move move : alphabet.moves()) {
            List<Partial> partials = List.of(new Partial(Vector.empty(), node.states()));
            for (Input input : move.inputs()) {
                List<Partial> advanced = new ArrayList<>();
                for (Partial partial : partials) {
                    List<SystemState> befores = new ArrayList<>();
                    List<Outcome> outcomes = new ArrayList<>();
                    Map<Observation, Set<SystemState>> byObservation = new LinkedHashMap<>();
                    for (SystemState state : partial.states()) {
                        for (Outcome outcome : memo.outcomes(state, input)) {
                            befores.add(state);
                            outcomes.add(outcome);
                            for (Observation observation : observations(outcome)) {
                                byObservation.putIfAbsent(observation, new LinkedHashSet<>());
                            }
                        }
                    }
                    for (Map.Entry<Observation, Set<SystemState>> entry : byObservation.entrySet()) {
                        Step step = new Step(input, entry.getKey());
                        Vector<Step> steps = partial.steps().append(step);
                        for (int k = 0; k < outcomes.size(); k++) {
                            Outcome outcome = outcomes.get(k);
                            if (!outcome.admits(entry.getKey())) {
                                continue;
                            }
                            transitions++;
                            SystemState after = outcome.after(entry.getKey());
                            entry.getValue().add(after);
                            Vector<String> broken = memo.violations(befores.get(k), input, after);
                            if (!broken.isEmpty()) {
                                Vector<Step> path = node.path().appendAll(steps);
                                violations = violations.appendAll(broken.map(text -> new Violation(text, path)));
                            }
                        }
                        advanced.add(new Partial(steps, Vector.ofAll(entry.getValue())));
                    }
                }
                partials = advanced;
            }
            for (Partial partial : partials) {
                successors.add(new Successor(partial.steps(), partial.states(), canonical.key(partial.states())));
            }
        }
        return new Expansion(successors, transitions, violations);
    }

    /** The state after the setup inputs, each of which must have exactly one outcome. */
    private SystemState setupState() {
        SystemState state = specification.initial();
        for (Input input : alphabet.setup()) {
            Vector<Outcome> outcomes = specification.step(state, input);
            if (outcomes.size() != 1) {
                throw new IllegalArgumentException("setup input " + input + " has " + outcomes.size() + " outcomes");
            }
            Observation observation = outcomes.head().expected().example(0);
            state = outcomes.head().after(observation);
        }
        return state;
    }

    /** The observations standing for an outcome: one, or one per representative value of unknown bytes. */
    private Vector<Observation> observations(Outcome outcome) {
        if (outcome.expected() instanceof Expectation.YieldedAs yielded && !yielded.buffer().allKnown()) {
            return alphabet.values().map(value -> outcome.expected().example(value)).distinct();
        }
        return Vector.of(outcome.expected().example(0));
    }
}
