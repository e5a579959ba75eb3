package invs.conformance.report;

import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.Locale;

/**
 * The documented (operation, outcome) pairs as a table to scan: one row per operation, one column per outcome,
 * each cell the count of a pair the document names, coloured by how it stands (seen, seen rarely, missed,
 * never but optional, not reachable here); cells of pairs the document does not name stay empty.
 *
 * @param outcomes the columns, in the order the document's pairs first name them
 * @param rows     the rows, one per operation
 */
public record CoverageMatrix(Vector<String> outcomes, Vector<Row> rows) {
    /** A pair observed fewer times than this (but at least once) is marked as rarely seen. */
    public static final long RARE_BELOW = 10;

    /**
     * One operation's row.
     *
     * @param operation the operation
     * @param cells     one cell per outcome column
     */
    public record Row(String operation, Vector<Cell> cells) {
    }

    /**
     * One cell.
     *
     * @param css   how it stands: {@code none} (no such pair), {@code seen}, {@code rare}, {@code missed},
     *              {@code optional} or {@code unreachable}
     * @param text  the count, or a dash for no pair
     * @param title what the colour means for this pair, as a tooltip
     */
    public record Cell(String css, String text, String title) {
    }

    /** The matrix of {@code pairs}. */
    public static CoverageMatrix of(Vector<PairCount> pairs) {
        Vector<String> outcomes = pairs.map(PairCount::outcome).distinct();
        Vector<Row> rows = pairs.map(PairCount::operation).distinct().map(operation -> new Row(operation,
                outcomes.map(outcome -> cell(pairs.find(pair -> pair.operation().equals(operation) && pair.outcome().equals(outcome))))));
        return new CoverageMatrix(outcomes, rows);
    }

    private static Cell cell(Option<PairCount> found) {
        if (found.isEmpty()) {
            return new Cell("none", "", "the driver document names no such outcome");
        }
        PairCount pair = found.get();
        String count = String.format(Locale.ROOT, "%,d", pair.count());
        if (pair.count() >= RARE_BELOW) {
            return new Cell("seen", count, pair.pair() + ": observed " + count + " times");
        }
        if (pair.count() > 0) {
            return new Cell("rare", count, pair.pair() + ": observed only " + count + " time" + (pair.count() == 1 ? "" : "s"));
        }
        return switch (pair.standing()) {
            case REQUIRED -> new Cell("missed", "0", pair.pair() + ": never observed, and the campaign should have reached it");
            case OPTIONAL -> new Cell("optional", "0", pair.pair() + ": never observed; optional: " + pair.reason().getOrElse(""));
            default -> new Cell("unreachable", "0", pair.pair() + ": not reachable here: " + pair.reason().getOrElse(""));
        };
    }
}
