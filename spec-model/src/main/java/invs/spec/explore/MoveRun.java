package invs.spec.explore;

import invs.spec.Clause;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.model.Expectation;
import invs.spec.model.Outcome;
import invs.spec.model.Specification;
import invs.spec.model.SystemState;
import io.vavr.collection.Vector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The moves of an alphabet applied to sets of canonical states, input by input: every observation the
 * specification allows for each input splits the set, every transition is checked against the
 * {@link SafetyProperties}, and the states reached are named by their {@link CanonicalForm}.
 *
 * <p>What the rest of a move does from one canonical state is computed once and kept: nodes share states,
 * and inside a move states converge (a drain or a reboot brings many states to few), so the same
 * remainders recur. The successors of a set are the union of the successors of its states, since the
 * specification steps each state on its own, as long as no observation could show unknown bytes; then an
 * observation one state allows may also match what another shows, so the set is stepped as a whole.
 * What is kept is keyed by the inputs left rather than by the move, since moves share their last inputs
 * (every call of an app ends with a drain and the app's yield). The invariants of a state are checked
 * once, when it is first reached; the properties of transitions on every transition.
 *
 * <p>The kernel refusing an app's grant (clause TRD104_GRANT_NOMEM, D21) is not followed, as the setup
 * assumes it does not happen: a refusal sticks until the process restarts, so every reboot or restart
 * would fork the exploration into copies in which some apps can no longer do anything. The refusal is
 * checked by the specification's own tests and by random campaigns.
 */
final class MoveRun {
    /** The states reached after one sequence of observations, by canonical number. */
    record Branch(Vector<Observation> observations, int[] states) {
    }

    /** A property broken inside a move: the sentence and the steps of the move up to it. */
    record Broken(String property, Vector<Step> steps) {
    }

    /**
     * What (the rest of) a move does from a set of states.
     *
     * @param branches    the states reached, one branch per sequence of observations
     * @param exact       no observation along the way could show unknown bytes, so the branches of a set
     *                    are the union of the branches of its states
     * @param transitions transitions followed
     * @param broken      properties broken
     */
    record Result(Vector<Branch> branches, boolean exact, long transitions, Vector<Broken> broken) {
    }

    private final Specification specification;
    private final SafetyProperties properties;
    private final CanonicalForm canonical;
    private final Vector<Integer> values;
    /** Per move, the suffix its inputs form: moves sharing their last inputs share what those do. */
    private final int[] moveSuffix;
    /** Per suffix of a move (at least one input), its first input. */
    private final List<Input> suffixInput = new ArrayList<>();
    /** Per suffix, the suffix after its first input, or −1 when none is left. */
    private final List<Integer> suffixRest = new ArrayList<>();
    private final Map<Long, Result> remainders = new ConcurrentHashMap<>();
    /** The canonical states whose invariants were checked. */
    private final Set<Integer> checked = ConcurrentHashMap.newKeySet();

    MoveRun(Specification specification, SafetyProperties properties, CanonicalForm canonical, InputAlphabet alphabet) {
        this.specification = specification;
        this.properties = properties;
        this.canonical = canonical;
        this.values = alphabet.values();
        Map<Vector<Input>, Integer> suffixes = new java.util.HashMap<>();
        moveSuffix = new int[alphabet.moves().size()];
        for (int move = 0; move < moveSuffix.length; move++) {
            moveSuffix[move] = suffix(alphabet.moves().get(move).inputs(), suffixes);
        }
    }

    /** The number of the suffix {@code inputs} (numbering it and its own suffixes if new); −1 when empty. */
    private int suffix(Vector<Input> inputs, Map<Vector<Input>, Integer> suffixes) {
        if (inputs.isEmpty()) {
            return -1;
        }
        Integer known = suffixes.get(inputs);
        if (known != null) {
            return known;
        }
        int rest = suffix(inputs.tail(), suffixes);
        suffixInput.add(inputs.head());
        suffixRest.add(rest);
        suffixes.put(inputs, suffixInput.size() - 1);
        return suffixInput.size() - 1;
    }

    /** Applies move {@code move} (an index into the alphabet's moves) to the canonical states {@code states}. */
    Result run(int[] states, int move) {
        return rest(states, moveSuffix[move]);
    }

    /** What the inputs of suffix {@code suffix} (none if −1) do to {@code states}. */
    private Result rest(int[] states, int suffix) {
        if (suffix < 0) {
            return new Result(Vector.of(new Branch(Vector.empty(), states)), true, 0, Vector.empty());
        }
        if (states.length == 1) {
            long key = (long) states[0] * suffixInput.size() + suffix;
            Result known = remainders.get(key);
            if (known == null) {
                known = step(states, suffix);
                remainders.putIfAbsent(key, known);
            }
            return known;
        }
        List<Result> each = new ArrayList<>();
        for (int state : states) {
            Result result = rest(new int[] {state}, suffix);
            if (!result.exact()) {
                return step(states, suffix);
            }
            each.add(result);
        }
        return union(each);
    }

    /** The union of exact results, branch by branch. */
    private static Result union(List<Result> results) {
        Map<Vector<Observation>, Set<Integer>> union = new LinkedHashMap<>();
        long transitions = 0;
        Vector<Broken> broken = Vector.empty();
        for (Result result : results) {
            transitions += result.transitions();
            broken = broken.appendAll(result.broken());
            for (Branch branch : result.branches()) {
                Set<Integer> states = union.computeIfAbsent(branch.observations(), observations -> new LinkedHashSet<>());
                for (int state : branch.states()) {
                    states.add(state);
                }
            }
        }
        Vector<Branch> branches = Vector.empty();
        for (Map.Entry<Vector<Observation>, Set<Integer>> entry : union.entrySet()) {
            branches = branches.append(new Branch(entry.getKey(), entry.getValue().stream().mapToInt(Integer::intValue).toArray()));
        }
        return new Result(branches, true, transitions, broken);
    }

    /** The first input of suffix {@code suffix} applied to {@code states} as a whole, then the rest. */
    private Result step(int[] states, int suffix) {
        Input input = suffixInput.get(suffix);
        List<SystemState> befores = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        Map<Observation, List<SystemState>> byObservation = new LinkedHashMap<>();
        boolean exact = true;
        for (int number : states) {
            SystemState state = canonical.state(number);
            for (Outcome outcome : specification.step(state, input)) {
                if (outcome.clause() == Clause.TRD104_GRANT_NOMEM) {
                    continue;
                }
                befores.add(state);
                outcomes.add(outcome);
                if (outcome.expected() instanceof Expectation.YieldedAs yielded && !yielded.buffer().allKnown()) {
                    exact = false;
                    for (int value : values) {
                        byObservation.putIfAbsent(outcome.expected().example(value), new ArrayList<>());
                    }
                } else {
                    byObservation.putIfAbsent(outcome.expected().example(0), new ArrayList<>());
                }
            }
        }
        long transitions = 0;
        Vector<Broken> broken = Vector.empty();
        Vector<Branch> branches = Vector.empty();
        for (Map.Entry<Observation, List<SystemState>> entry : byObservation.entrySet()) {
            Observation observation = entry.getKey();
            Step step = new Step(input, observation);
            for (int k = 0; k < outcomes.size(); k++) {
                Outcome outcome = outcomes.get(k);
                if (outcome.admits(observation)) {
                    transitions++;
                    SystemState after = outcome.after(observation);
                    entry.getValue().add(after);
                    for (String text : properties.transition(befores.get(k), input, after)) {
                        broken = broken.append(new Broken(text, Vector.of(step)));
                    }
                }
            }
            int[] reached = canonical.numbers(Vector.ofAll(entry.getValue()));
            for (int number : reached) {
                // A state and its canonical form break the same invariants (docs/explore.md).
                if (checked.add(number)) {
                    for (String text : properties.invariants(canonical.state(number))) {
                        broken = broken.append(new Broken(text, Vector.of(step)));
                    }
                }
            }
            Result rest = rest(reached, suffixRest.get(suffix));
            exact = exact && rest.exact();
            transitions += rest.transitions();
            broken = broken.appendAll(rest.broken().map(later -> new Broken(later.property(), later.steps().prepend(step))));
            for (Branch branch : rest.branches()) {
                branches = branches.append(new Branch(branch.observations().prepend(observation), branch.states()));
            }
        }
        return new Result(branches, exact, transitions, broken);
    }
}
