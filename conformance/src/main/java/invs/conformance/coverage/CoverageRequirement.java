package invs.conformance.coverage;


import io.vavr.Tuple;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Vector;

/**
 * The documented outcomes and corners a run must reach, each at least a number of times; a run that
 * falls short fails ({@link invs.conformance.campaign.CampaignResult#missingCoverage()}).
 *
 * @param outcomes the documented outcomes and their minimum counts
 * @param corners  the corners and their minimum counts
 */
public record CoverageRequirement(Map<DocumentedOutcome, Long> outcomes, Map<Corner, Long> corners) {

    /** No requirement. */
    public static CoverageRequirement none() {
        return new CoverageRequirement(LinkedHashMap.empty(), LinkedHashMap.empty());
    }

    /** Each of {@code required} at least once. */
    public static CoverageRequirement atLeastOnce(Vector<DocumentedOutcome> required, Vector<Corner> corners) {
        return new CoverageRequirement(LinkedHashMap.ofEntries(required.map(outcome -> Tuple.of(outcome, 1L))),
                LinkedHashMap.ofEntries(corners.map(corner -> Tuple.of(corner, 1L))));
    }

    /**
     * What the standard configurations reach against an implementation that, like the reference, answers
     * NOSUPPORT synchronously: every documented outcome except the NOSUPPORT upcalls, and every corner.
     */
    public static CoverageRequirement standard() {
        Vector<DocumentedOutcome> outcomes = Vector.of(DocumentedOutcome.values()).removeAll(Vector.of(
                DocumentedOutcome.UPCALL_0_NOSUPPORT, DocumentedOutcome.UPCALL_1_NOSUPPORT,
                DocumentedOutcome.UPCALL_2_NOSUPPORT));
        return atLeastOnce(outcomes, Vector.of(Corner.values()));
    }

    /** This requirement and {@code outcome} at least {@code count} times. */
    public CoverageRequirement with(DocumentedOutcome outcome, long count) {
        return new CoverageRequirement(outcomes.put(outcome, count), corners);
    }

    /** This requirement and {@code corner} at least {@code count} times. */
    public CoverageRequirement with(Corner corner, long count) {
        return new CoverageRequirement(outcomes, corners.put(corner, count));
    }
}
