package invs.conformance.report;

import invs.conformance.coverage.Corner;
import invs.conformance.coverage.Statistics;
import io.vavr.collection.Vector;

import java.util.Locale;

/**
 * One corner the generator aims at and how often a campaign reached it.
 *
 * @param name        the corner's name in reports, for example {@code busy_same_app}
 * @param description what the situation is, in a few words
 * @param count       how often it was reached
 */
public record CornerCount(String name, String description, long count) {

    /** Every corner with its count in {@code statistics}. */
    public static Vector<CornerCount> of(Statistics statistics) {
        return Vector.of(Corner.values())
                .map(corner -> new CornerCount(corner.name().toLowerCase(Locale.ROOT), corner.description(), statistics.count(corner)));
    }

    /** This corner's count and {@code other}'s (the same corner in another shard) added up. */
    CornerCount plus(CornerCount other) {
        return new CornerCount(name, description, Totals.added(count, other.count));
    }
}
