package invs.spec.explore;

import invs.spec.Clause;
import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.model.Expectation;
import invs.spec.model.Outcome;
import invs.spec.model.Specification;
import invs.spec.model.SystemState;
import io.vavr.collection.Vector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * Breadth-first exploration of the specification as a lockstep checker sees it: a node is the set of
 * model states consistent with the observations so far (a {@link invs.spec.model.Frontier}), and from
 * every node, every input of the alphabet and every observation the specification allows lead to the
 * next node. Nodes are deduplicated by value, level by level. Every transition of every state in a node
 * is checked against {@link SafetyProperties}; a violation comes with a shortest path, since exploration
 * is breadth-first. Exploring sets rather than single states keeps apart sequences that an
 * implementation can tell apart, such as an operation completed by a drain and one still in flight.
 */
public final class Explorer {
    private final Specification specification;
    private final InputAlphabet alphabet;
    private final SafetyProperties properties;

    /** An explorer of the specification of {@code config} over {@code alphabet}. */
    public Explorer(Configuration config, InputAlphabet alphabet) {
        this.specification = new Specification(config);
        this.alphabet = alphabet;
        this.properties = new SafetyProperties(config);
    }

    /** Where a node was first reached from: its parent and the step, or none for the root. */
    private record Node(Node parent, Step step, int depth) {
        Vector<Step> path() {
            Vector<Step> steps = Vector.empty();
            for (Node node = this; node.step != null; node = node.parent) {
                steps = steps.prepend(node.step);
            }
            return steps;
        }
    }

    /**
     * Explores up to {@code maxDepth} inputs deep, or until {@code maxStates} nodes or
     * {@code maxSeconds} seconds are reached (whichever comes first), and stops at the first
     * {@code maxViolations} violations. With {@code recordPaths} the result holds the shortest path to
     * every node, for replaying against an implementation.
     */
    public ExplorationResult explore(int maxDepth, long maxStates, double maxSeconds, int maxViolations,
                                     boolean recordPaths) {
        long start = System.nanoTime();
        long deadline = start + (long) (maxSeconds * 1e9);
        Set<SystemState> root = Set.of(setupState());
        Map<Set<SystemState>, Node> seen = new HashMap<>();
        Node rootNode = new Node(null, null, 0);
        seen.put(root, rootNode);
        List<Set<SystemState>> level = new ArrayList<>(List.of(root));
        List<Node> levelNodes = new ArrayList<>(List.of(rootNode));
        List<Vector<Step>> paths = new ArrayList<>();
        if (recordPaths) {
            paths.add(Vector.empty());
        }
        Vector<Violation> violations = Vector.empty();
        long transitions = 0;
        int depthCompleted = 0;
        boolean stopped = false;
        while (!level.isEmpty() && depthCompleted < maxDepth && !stopped) {
            List<Set<SystemState>> next = new ArrayList<>();
            List<Node> nextNodes = new ArrayList<>();
            for (int i = 0; i < level.size() && !stopped; i++) {
                Node node = levelNodes.get(i);
                for (Input input : alphabet.inputs()) {
                    Map<Observation, Set<SystemState>> successors = new LinkedHashMap<>();
                    for (SystemState state : level.get(i)) {
                        for (Outcome outcome : specification.step(state, input)) {
                            for (Observation observation : observations(outcome)) {
                                successors.putIfAbsent(observation, new HashSet<>());
                            }
                        }
                    }
                    for (Map.Entry<Observation, Set<SystemState>> entry : successors.entrySet()) {
                        Observation observation = entry.getKey();
                        Step step = new Step(input, observation);
                        for (SystemState state : level.get(i)) {
                            for (Outcome outcome : specification.step(state, input)) {
                                if (!outcome.admits(observation)) {
                                    continue;
                                }
                                transitions++;
                                SystemState after = outcome.after(observation);
                                entry.getValue().add(after);
                                Vector<String> broken = properties.violations(state, input, after);
                                if (!broken.isEmpty() && violations.size() < maxViolations) {
                                    Vector<Step> path = node.path().append(step);
                                    violations = violations.appendAll(broken.map(text -> new Violation(text, path)));
                                }
                            }
                        }
                        Set<SystemState> successor = entry.getValue();
                        if (!seen.containsKey(successor)) {
                            Node child = new Node(node, step, node.depth + 1);
                            seen.put(successor, child);
                            next.add(successor);
                            nextNodes.add(child);
                            if (recordPaths) {
                                paths.add(child.path());
                            }
                        }
                    }
                }
                if (violations.size() >= maxViolations || seen.size() >= maxStates || System.nanoTime() > deadline) {
                    stopped = true;
                }
            }
            if (!stopped) {
                depthCompleted++;
            }
            level = next;
            levelNodes = nextNodes;
        }
        boolean exhausted = !stopped && level.isEmpty();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new ExplorationResult(seen.size(), transitions, depthCompleted, exhausted, seconds, violations,
                Vector.ofAll(paths));
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

    /** The observations standing for an outcome: one, or one per representative value of unknown bytes. */
    private Vector<Observation> observations(Outcome outcome) {
        if (outcome.expected() instanceof Expectation.YieldedAs yielded && !yielded.buffer().allKnown()) {
            return alphabet.values().map(value -> outcome.expected().example(value)).distinct();
        }
        return Vector.of(outcome.expected().example(0));
    }
}
