package invs.conformance.report;

import io.vavr.collection.Vector;

import java.util.Locale;

/**
 * How many of a campaign's findings have their trace saved. A campaign that writes traces means to write
 * one per finding, its shrunk counterexample; a finding names its trace file only once the file holds that
 * trace (one that could not be created, or rewritten once shrunk, is a problem of the campaign instead), so
 * the count is that of the findings that name one.
 *
 * @param saved how many of the findings' traces were written
 * @param meant how many were meant to be: one per finding
 */
public record SavedTraces(int saved, int meant) {

    /** The count of {@code findings}: those that name a trace file, of all. */
    public static SavedTraces of(Vector<FindingSummary> findings) {
        return new SavedTraces(findings.count(finding -> finding.trace().isDefined()), findings.size());
    }

    /** Whether every trace meant to be written was. */
    public boolean all() {
        return saved == meant;
    }

    /**
     * The count in words, the traces being saved {@code where} ({@code under DIR}): {@code every trace is saved
     * under DIR}, or how many of them are; {@code problemsBelow} says whether the report lists problems after
     * this line, which then says that they tell why the others could not be written.
     */
    public String describe(String where, boolean problemsBelow) {
        if (all()) {
            return "every trace is saved " + where;
        }
        String count = saved == 0 ? "no trace is saved " + where
                : String.format(Locale.ROOT, "%d of %d traces are saved %s", saved, meant, where);
        if (!problemsBelow) {
            return count;
        }
        String others = saved == 0 ? meant == 1 ? "it" : "they" : meant - saved == 1 ? "the other" : "the others";
        return count + "; the problems below say why " + others + " could not be written";
    }
}
