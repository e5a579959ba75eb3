package invs.conformance.campaign;

import io.vavr.collection.Vector;

/**
 * One defect, as far as the engine can tell: the findings whose first divergences fall together
 * (docs/conformance.md, "One report per cause"), led by the shortest.
 *
 * @param findings  the findings of this cause, the representative (shortest) first
 * @param signature what the representative's first divergence shows: property, clause, input and the field
 *                  that differs
 */
public record Cause(Vector<Finding> findings, String signature) {

    /** Checks that there is a representative. */
    public Cause {
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("a cause has at least one finding");
        }
    }

    /** The finding a reader looks at: the shortest. */
    public Finding representative() {
        return findings.head();
    }

    /** Every rule this cause broke, the representative's first. */
    public Vector<String> rules() {
        return findings.map(Finding::key).distinct();
    }

    /** How many tries failed because of this cause. */
    public int occurrences() {
        return findings.map(Finding::occurrences).sum().intValue();
    }
}
