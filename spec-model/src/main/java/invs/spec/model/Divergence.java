package invs.spec.model;

import invs.spec.Clause;
import invs.spec.Input;
import invs.spec.Observation;
import io.vavr.collection.Vector;

/**
 * An implementation showed something the specification does not allow: the input, what was observed,
 * and every outcome the model allowed instead, each with its clause.
 *
 * @param input    the input that diverged
 * @param observed what the implementation showed
 * @param allowed  the outcomes the model allowed
 */
public record Divergence(Input input, Observation observed, Vector<Outcome> allowed) {

    /** The distinct expectations the model allowed, each with the clause behind it, one per line. */
    public Vector<String> allowedLines() {
        return allowed.map(outcome -> outcome.expected() + "   <- " + outcome.clause().citation()).distinct();
    }

    /**
     * The clause most likely broken: TRD104_GRANT_NOMEM for a synchronous NOMEM the kernel may not give
     * (the app's grant exists, D21); else the clause of an allowed outcome whose kind of observation matches
     * the one seen (for example another upcall status), else the first allowed outcome's.
     */
    public Clause clause() {
        if (Specification.isGrantRefusal(input, observed)) {
            return Clause.TRD104_GRANT_NOMEM;
        }
        return allowed.find(outcome -> sameShape(outcome.expected(), observed))
                .orElse(allowed.headOption())
                .map(Outcome::clause)
                .getOrElse(Clause.CLARIFIED_ENVIRONMENT);
    }

    private static boolean sameShape(Expectation expected, Observation observed) {
        if (expected instanceof Expectation.YieldedAs yielded && observed instanceof Observation.Yielded seen) {
            return yielded.upcall().isDefined() == seen.upcall().isDefined();
        }
        return expected instanceof Expectation.Exactly exactly && exactly.observation().getClass() == observed.getClass();
    }

    /** A multi-line description for reports, naming {@link #clause()}. */
    public String describe() {
        return describe(clause());
    }

    /**
     * A multi-line description for reports, naming {@code filedUnder} as the clause: the clause the
     * divergence is filed under when the caller knows better than {@link #clause()} (the conformance engine
     * names the clause that governs the field that differs).
     */
    public String describe(Clause filedUnder) {
        StringBuilder text = new StringBuilder()
                .append("input:    ").append(input).append('\n')
                .append("observed: ").append(observed).append('\n')
                .append("allowed:\n");
        for (String line : allowedLines()) {
            text.append("  ").append(line).append('\n');
        }
        text.append("clause:   ").append(filedUnder.citation());
        return text.toString();
    }
}
