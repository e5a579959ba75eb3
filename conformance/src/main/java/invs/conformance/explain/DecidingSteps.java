package invs.conformance.explain;

import invs.conformance.trace.TraceStep;
import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.model.Frontier;
import invs.spec.model.Outcome;
import invs.spec.model.Specification;
import invs.spec.model.TooManyStates;
import io.vavr.collection.Vector;
import io.vavr.control.Either;

/**
 * Why the specification expected what it did at a diverging step, when earlier observations narrowed it:
 * the earlier steps whose observation set aside an outcome under which the diverging observation would
 * have been allowed, or taught the specification bytes it did not know (reads are stable). For each such step the report names the clause the observation was allowed by, the
 * alternative it ruled out and that alternative's clause ("step 5: app0's read showed ff…, allowed by
 * SUBSCRIBE_1_SUCCESS; that set aside CLARIFIED_CRASH (upcall 1 FAIL …), under which step 8 would have
 * been allowed").
 */
public final class DecidingSteps {
    /** Steps further back than this from the divergence are not examined. */
    static final int HORIZON = 64;

    private DecidingSteps() {
    }

    /**
     * The deciding steps of a trace whose last step diverged on {@code configuration}, one sentence each,
     * oldest first; none when no earlier observation changed what the last step could show, or when the
     * steps leave more states open than the specification follows ({@link TooManyStates}).
     */
    public static Vector<String> of(Configuration configuration, Vector<TraceStep> steps) {
        if (steps.isEmpty() || steps.exists(step -> step.observation().isEmpty())) {
            return Vector.empty();
        }
        try {
            return decide(configuration, steps);
        } catch (TooManyStates tooMany) {
            return Vector.empty();
        }
    }

    private static Vector<String> decide(Configuration configuration, Vector<TraceStep> steps) {
        Specification specification = new Specification(configuration);
        Vector<Frontier> before = Vector.empty();
        Frontier frontier = Frontier.start(specification);
        int last = steps.size() - 1;
        for (int index = 0; index < last; index++) {
            before = before.append(frontier);
            Either<?, Frontier> next = frontier.advance(steps.get(index).input(), steps.get(index).observation().get());
            if (next.isLeft()) {
                return Vector.empty();
            }
            frontier = next.get();
        }
        Vector<String> sentences = Vector.empty();
        for (int index = Math.max(0, last - HORIZON); index < last; index++) {
            int at = index;
            TraceStep step = steps.get(index);
            Observation seen = step.observation().get();
            Vector<Outcome> outcomes = before.get(index).allowed(step.input());
            Vector<Outcome> setAside = outcomes.filter(outcome -> !outcome.admits(seen));
            Vector<Outcome> explaining = setAside.filter(outcome ->
                    allows(Frontier.of(specification, Vector.of(outcome.next())), steps, at + 1, last));
            Outcome kept = outcomes.find(outcome -> outcome.admits(seen)).getOrElse(outcomes.head());
            if (!explaining.isEmpty()) {
                Outcome alternative = explaining.head();
                sentences = sentences.append(String.format("step %d (%s) showed %s, allowed by %s; that set aside %s (%s),"
                                + " under which step %d would have been allowed", index + 1, step.input(), seen,
                        kept.clause().name(), alternative.clause().name(), alternative.expected(), last + 1));
            } else if (outcomes.filter(outcome -> outcome.admits(seen)).exists(outcome -> !outcome.after(seen).equals(outcome.next())
                    && allows(Frontier.of(specification, Vector.of(outcome.next())), steps, at + 1, last))) {
                // Nothing was set aside, but the observation taught the specification bytes it did not know.
                sentences = sentences.append(String.format("step %d (%s) showed %s, allowed by %s; the specification then"
                                + " knew those bytes (reads are stable, docs/spec.md #crash), without which step %d would"
                                + " have been allowed", index + 1, step.input(), seen, kept.clause().name(), last + 1));
            }
        }
        return sentences;
    }

    /** Whether {@code frontier}, advanced by steps {@code from} to {@code last} - 1, allows step {@code last}. */
    private static boolean allows(Frontier frontier, Vector<TraceStep> steps, int from, int last) {
        Frontier current = frontier;
        for (int index = from; index <= last; index++) {
            Input input = steps.get(index).input();
            Either<?, Frontier> next = current.advance(input, steps.get(index).observation().get());
            if (next.isLeft()) {
                return false;
            }
            current = next.get();
        }
        return true;
    }
}
