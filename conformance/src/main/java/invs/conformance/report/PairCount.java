package invs.conformance.report;

import invs.conformance.coverage.DocumentedOutcome;
import invs.conformance.coverage.Reachability;
import invs.conformance.coverage.Statistics;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * One (operation, outcome) pair of the driver document, how often a campaign observed it, and how it stands:
 * required (a campaign should reach it), optional, or not reachable by this campaign (and why).
 *
 * @param operation the operation, for example {@code command 2} or {@code upcall 1}
 * @param outcome   {@code SUCCESS} or an error code's name
 * @param count     how often it was observed
 * @param standing  required, optional, or why it could not be reached
 * @param reason    the reason in words, for all but required pairs
 */
public record PairCount(String operation, String outcome, long count, Reachability.Kind standing, Option<String> reason) {

    /** Every documented pair with its count in {@code statistics} and its standing under {@code reachability}. */
    public static Vector<PairCount> of(Statistics statistics, Reachability reachability) {
        return Vector.of(DocumentedOutcome.values()).map(pair -> {
            Reachability.Verdict verdict = reachability.of(pair, statistics);
            return new PairCount(pair.operation(), pair.outcome(), statistics.count(pair), verdict.kind(), verdict.reason());
        });
    }

    /** The pair as {@code operation → outcome}. */
    public String pair() {
        return operation + " → " + outcome;
    }

    /** Never observed although the campaign should have reached it. */
    public boolean missed() {
        return count == 0 && standing == Reachability.Kind.REQUIRED;
    }

    /** Never observed, and the campaign could not have reached it (neither required nor optional). */
    public boolean unreachable() {
        return count == 0 && standing != Reachability.Kind.REQUIRED && standing != Reachability.Kind.OPTIONAL;
    }

    /** Whether {@code other} counts the same pair. */
    boolean samePair(PairCount other) {
        return operation.equals(other.operation) && outcome.equals(other.outcome);
    }

    /**
     * This pair's count and {@code other}'s (the same pair in another shard) added up; it stands as the more
     * demanding of the two (required before optional before not reachable), since some shard could reach it.
     */
    PairCount plus(PairCount other) {
        PairCount stricter = rank(other.standing) < rank(standing) ? other : this;
        return new PairCount(operation, outcome, Totals.added(count, other.count), stricter.standing, stricter.reason);
    }

    private static int rank(Reachability.Kind kind) {
        return switch (kind) {
            case REQUIRED -> 0;
            case OPTIONAL -> 1;
            case NOT_ANNOUNCED -> 2;
            case IMPOSSIBLE_ON_BOARDS -> 3;
        };
    }
}
