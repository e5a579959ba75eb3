package invs.spec.explore;

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

/**
 * One move applied to a set of model states, input by input: every observation the specification allows
 * for each input splits the set, every transition is checked against the {@link SafetyProperties}, and
 * the states reached are named by their {@link CanonicalForm}.
 */
final class MoveRun {
    /** The states reached after one sequence of observations, by canonical number. */
    record Branch(Vector<Observation> observations, int[] states) {
    }

    /** A property broken inside a move: the sentence and the steps of the move up to it. */
    record Broken(String property, Vector<Step> steps) {
    }

    /**
     * What a move does from a set of states.
     *
     * @param branches    the states reached, one branch per sequence of observations
     * @param exact       no observation along the way could show unknown bytes, so the branches of a set
     *                    are the union of the branches of its states
     * @param transitions transitions followed
     * @param broken      properties broken
     */
    record Result(Vector<Branch> branches, boolean exact, long transitions, Vector<Broken> broken) {
    }

    /** The inputs of a move applied so far along one sequence of observations. */
    private record Partial(Vector<Observation> observations, Vector<Step> steps, Vector<SystemState> states) {
    }

    private final Specification specification;
    private final SafetyProperties properties;
    private final CanonicalForm canonical;
    private final Vector<Integer> values;

    MoveRun(Specification specification, SafetyProperties properties, CanonicalForm canonical, Vector<Integer> values) {
        this.specification = specification;
        this.properties = properties;
        this.canonical = canonical;
        this.values = values;
    }

    /** Applies {@code move} to {@code states}. */
    Result run(Vector<SystemState> states, Move move) {
        List<Partial> partials = List.of(new Partial(Vector.empty(), Vector.empty(), states));
        long transitions = 0;
        boolean exact = true;
        Vector<Broken> broken = Vector.empty();
        for (Input input : move.inputs()) {
            List<Partial> advanced = new ArrayList<>();
            for (Partial partial : partials) {
                List<SystemState> befores = new ArrayList<>();
                List<Outcome> outcomes = new ArrayList<>();
                Map<Observation, Set<SystemState>> byObservation = new LinkedHashMap<>();
                for (SystemState state : partial.states()) {
                    for (Outcome outcome : specification.step(state, input)) {
                        befores.add(state);
                        outcomes.add(outcome);
                        if (outcome.expected() instanceof Expectation.YieldedAs yielded && !yielded.buffer().allKnown()) {
                            exact = false;
                            for (int value : values) {
                                byObservation.putIfAbsent(outcome.expected().example(value), new LinkedHashSet<>());
                            }
                        } else {
                            byObservation.putIfAbsent(outcome.expected().example(0), new LinkedHashSet<>());
                        }
                    }
                }
                for (Map.Entry<Observation, Set<SystemState>> entry : byObservation.entrySet()) {
                    Observation observation = entry.getKey();
                    Vector<Step> steps = partial.steps().append(new Step(input, observation));
                    for (int k = 0; k < outcomes.size(); k++) {
                        Outcome outcome = outcomes.get(k);
                        if (!outcome.admits(observation)) {
                            continue;
                        }
                        transitions++;
                        SystemState after = outcome.after(observation);
                        entry.getValue().add(after);
                        for (String text : properties.violations(befores.get(k), input, after)) {
                            broken = broken.append(new Broken(text, steps));
                        }
                    }
                    advanced.add(new Partial(partial.observations().append(observation), steps,
                            Vector.ofAll(entry.getValue())));
                }
            }
            partials = advanced;
        }
        Vector<Branch> branches = Vector.empty();
        for (Partial partial : partials) {
            branches = branches.append(new Branch(partial.observations(), canonical.numbers(partial.states())));
        }
        return new Result(branches, exact, transitions, broken);
    }
}
