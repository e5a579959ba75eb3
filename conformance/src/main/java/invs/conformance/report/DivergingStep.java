package invs.conformance.report;

import invs.conformance.campaign.Finding;
import invs.conformance.check.Violation;
import invs.conformance.explain.Explanation;
import invs.spec.Clause;
import invs.spec.model.Divergence;
import invs.spec.model.Outcome;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * Where a counterexample left what the specification allows, for people: the step, what was observed, what
 * was allowed instead (for a lockstep divergence: every answer with its clause, and the fields that differ from
 * the closest one, each with the clause that governs it), and the finding explained in lines of text.
 *
 * @param step           the 1-based number of the step
 * @param input          its input
 * @param observed       what the system showed there ({@code no answer} when it did not answer)
 * @param closest        for a lockstep divergence, the allowed answer closest to what was observed
 * @param allowed        the distinct answers the specification allowed instead (empty for other properties)
 * @param allowedOmitted how many further distinct answers were allowed but are not listed
 * @param differences    the fields that differ from the closest allowed answer
 * @param deciding       the earlier steps that made the specification expect what it did, one sentence each
 * @param explanation    the finding's divergence explained ({@link Finding#explained()}), line by line
 */
public record DivergingStep(int step, String input, String observed, Option<String> closest, Vector<Allowed> allowed, int allowedOmitted,
                            Vector<FieldDifference> differences, Vector<String> deciding, Vector<String> explanation) {
    /** At most this many allowed answers are listed. */
    public static final int ALLOWED_SHOWN = 40;

    /**
     * One answer the specification allowed.
     *
     * @param answer   the answer, as an observation is written
     * @param clause   the clause that allows it
     * @param citation the clause with its section and words
     */
    public record Allowed(String answer, String clause, String citation) {
    }

    /**
     * A field of the observation that differs from the closest allowed answer.
     *
     * @param field    the field, in words ({@code status}, {@code argument 1}, …)
     * @param expected what the closest allowed answer has there
     * @param observed what the system showed there
     * @param clause   the clause that governs the field
     * @param citation the clause with its section and words
     */
    public record FieldDifference(String field, String expected, String observed, String clause, String citation) {
    }

    /** The diverging step of {@code finding}: the last step of its shrunk trace. */
    public static DivergingStep of(Finding finding) {
        Violation violation = finding.violation();
        String observed = violation.observed().map(Object::toString).getOrElse("no answer");
        Vector<String> explanation = Vector.of(finding.explained().split("\n"));
        int step = violation.step() + 1;
        if (violation.divergence().isEmpty() || !finding.trace().recordsObservations()) {
            return new DivergingStep(step, violation.input().toString(), observed, Option.none(), Vector.empty(), 0, Vector.empty(),
                    Vector.empty(), explanation);
        }
        Divergence divergence = violation.divergence().get();
        Vector<Allowed> allowed = divergence.allowed()
.map(DivergingStep::allowed).distinct();
        Explanation explained = Explanation.of(finding.trace().header().configuration(), finding.trace().steps(), divergence);
        Vector<FieldDifference> differences = explained.differences().zipWith(explained.clauses(),
                (difference, clause) -> new FieldDifference(difference.field().label(), difference.expected(),
                        difference.observed(), clause.name(), clause.citation()));
        return new DivergingStep(step, divergence.input().toString(), observed,
                Option.some(explained.closest().expected().toString()), allowed.take(ALLOWED_SHOWN),
                Math.max(0, allowed.size() - ALLOWED_SHOWN), differences, explained.deciding(), explanation);
    }

    private static Allowed allowed(Outcome outcome) {
        Clause clause = outcome.clause();
        return new Allowed(outcome.expected().toString(), clause.name(), clause.citation());
    }
}
