package invs.conformance.report;

import invs.conformance.campaign.Cause;
import io.vavr.collection.Vector;

/**
 * One cause as a report lists it: the findings (rules broken) whose first divergences fall together, the
 * shortest first, and that representative's counterexample.
 *
 * @param signature      the representative's signature
 * @param findings       the findings, the representative (shortest) first
 * @param counterexample the representative's counterexample
 */
public record CauseSummary(String signature, Vector<FindingSummary> findings, Counterexample counterexample) {
    /** Checks that there is a representative. */
    public CauseSummary {
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("a cause has at least one finding");
        }
    }

    /** The summary of {@code cause}. */
    public static CauseSummary of(Cause cause) {
        return new CauseSummary(cause.signature(), cause.findings().map(FindingSummary::of),
                Counterexample.of(cause.representative()));
    }

    /** The finding a reader looks at: the shortest. */
    public FindingSummary representative() {
        return findings.head();
    }

    /** Every rule this cause broke, the representative's first. */
    public Vector<String> rules() {
        return findings.map(FindingSummary::rule).distinct();
    }

    /** Every signature of its findings: what causes of different shards are merged by. */
    public Vector<String> signatures() {
        return findings.map(FindingSummary::signature).prepend(signature).distinct();
    }

    /** How many tries failed because of this cause. */
    public long occurrences() {
        return findings.map(FindingSummary::occurrences).sum().longValue();
    }
}
