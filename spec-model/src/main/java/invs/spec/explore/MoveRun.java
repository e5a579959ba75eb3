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
    private final Vector<Move> moves;
    private final Vector<Integer> values;
    private final Map<Long, Result> remainders = new ConcurrentHashMap<>();

    MoveRun(Specification specification, SafetyProperties properties, CanonicalForm canonical, InputAlphabet alphabet) {
        this.specification = specification;
        this.properties = properties;
        this.canonical = canonical;
        this.moves = alphabet.moves();
        this.values = alphabet.values();
    }

    /** Applies move {@code move} (an index into the alphabet's moves) to the canonical states {@code states}. */
    Result run(int[] states, int move) {
        return rest(states, move, 0);
    }

    /** What move {@code move} does to {@code states} from its input {@code position} on. */
    private Result rest(int[] states, int move, int position) {
        if (position == moves.get(move).inputs().size()) {
            return new Result(Vector.of(new Branch(Vector.empty(), states)), true, 0, Vector.empty());
        }
        if (states.length == 1) {
            long key = ((long) states[0] * moves.size() + move) * 64 + position;
            Result known = remainders.get(key);
            if (known == null) {
                known = step(states, move, position);
                remainders.putIfAbsent(key, known);
            }
            return known;
        }
        List<Result> each = new ArrayList<>();
        for (int state : states) {
            Result result = rest(new int[] {state}, move, position);
            if (!result.exact()) {
                return step(states, move, position);
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

    /** Input {@code position} of move {@code move} applied to {@code states} as a whole, then the rest. */
    private Result step(int[] states, int move, int position) {
        Input input = moves.get(move).inputs().get(position);
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
                    for (String text : properties.violations(befores.get(k), input, after)) {
                        broken = broken.append(new Broken(text, Vector.of(step)));
                    }
                }
            }
            Result rest = rest(canonical.numbers(Vector.ofAll(entry.getValue())), move, position + 1);
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
