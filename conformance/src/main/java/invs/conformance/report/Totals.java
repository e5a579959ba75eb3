package invs.conformance.report;

import invs.conformance.campaign.CampaignResult;
import invs.conformance.check.Session;
import invs.conformance.coverage.Statistics;
import io.vavr.control.Option;

import java.util.Locale;

/**
 * How much a campaign ran and where the time went. For a merged report every count and time is the sum
 * over its shards (times are then shard time, not wall-clock time) and the widest frontier the widest of any.
 *
 * @param tries          tries run
 * @param complete       whether every try of the campaign ran (for a merged report: every shard was given and complete)
 * @param inputs         inputs checked (system calls and events)
 * @param syscalls       system calls checked
 * @param triesSeconds   time spent running tries
 * @param shrinkSeconds  time spent shrinking and grouping findings
 * @param modelSeconds   checking time spent in the specification
 * @param systemSeconds  checking time spent in the system under test
 * @param otherSeconds   checking time spent generating inputs and in the other oracles
 * @param widestFrontier the most states the specification's frontier held at once
 * @param grantRefusals  system calls the kernel refused for want of the app's grant (synchronous NOMEM, docs/spec.md D21)
 * @param triesWithGrantRefusal tries in which the kernel refused a grant at least once
 * @param triesAtFrontierBound tries stopped early because the specification's frontier passed its bound
 *                             ({@code Session.FRONTIER_BOUND})
 */
public record Totals(long tries, boolean complete, long inputs, long syscalls, double triesSeconds, double shrinkSeconds,
                     double modelSeconds, double systemSeconds, double otherSeconds, int widestFrontier,
                     long grantRefusals, long triesWithGrantRefusal, long triesAtFrontierBound) {

    /** The totals of {@code result}. */
    public static Totals of(CampaignResult result) {
        Statistics statistics = result.statistics();
        return new Totals(result.tries(), result.complete(), statistics.inputs(), statistics.syscalls(),
                seconds(result.triesTime().toNanos()), seconds(result.shrinkTime().toNanos()),
                seconds(statistics.modelTime().toNanos()), seconds(statistics.systemTime().toNanos()),
                seconds(statistics.otherTime().toNanos()), statistics.widestFrontier(), statistics.grantRefusals(),
                statistics.sequencesWithGrantRefusal(), statistics.triesStoppedAtFrontierBound());
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** These totals and {@code other}'s added up; complete when both are (the caller knows whether shards are missing). */
    Totals plus(Totals other) {
        return new Totals(added(tries, other.tries), complete && other.complete, added(inputs, other.inputs),
                added(syscalls, other.syscalls),
                triesSeconds + other.triesSeconds, shrinkSeconds + other.shrinkSeconds, modelSeconds + other.modelSeconds,
                systemSeconds + other.systemSeconds, otherSeconds + other.otherSeconds,
                Math.max(widestFrontier, other.widestFrontier), added(grantRefusals, other.grantRefusals),
                added(triesWithGrantRefusal, other.triesWithGrantRefusal),
                added(triesAtFrontierBound, other.triesAtFrontierBound));
    }

    /**
     * {@code a + b}, two counts of shards' reports added up.
     *
     * @throws IllegalArgumentException when the sum passes 2^63 − 1 (the reports cannot be of real campaigns)
     */
    static long added(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the shards' counts add up to more than " + Long.MAX_VALUE
                    + "; these are not reports of real campaigns");
        }
    }

    /** These totals, complete or not. */
    Totals withComplete(boolean value) {
        return new Totals(tries, value, inputs, syscalls, triesSeconds, shrinkSeconds, modelSeconds, systemSeconds,
                otherSeconds, widestFrontier, grantRefusals, triesWithGrantRefusal, triesAtFrontierBound);
    }

    /**
     * The widest frontier in words, with the tries stopped at the bound if any: {@code widest frontier 60
     * states}, or {@code widest frontier 2,049 states; 3 tries stopped when it passed 2,048}.
     */
    public String frontier() {
        return String.format(Locale.ROOT, "widest frontier %,d states", widestFrontier) + (triesAtFrontierBound == 0 ? ""
                : String.format(Locale.ROOT, "; %,d %s stopped when it passed %,d", triesAtFrontierBound,
                triesAtFrontierBound == 1 ? "try" : "tries", Session.FRONTIER_BOUND));
    }

    /** The specification's share of the checking time, between 0 and 1. */
    public double modelShare() {
        double total = modelSeconds + systemSeconds + otherSeconds;
        return total == 0 ? 0 : modelSeconds / total;
    }

    /** System calls checked per second spent running tries (per shard process, for a merged report). */
    public double syscallsPerSecond() {
        return triesSeconds == 0 ? 0 : syscalls / triesSeconds;
    }

    /**
     * A warning when the kernel refused apps' grants (synchronous NOMEM, docs/spec.md D21): the specification
     * allows it, but an app refused its grant uses nothing else of the driver, so tries that met it exercised
     * less; an implementation that refuses everything would pass with nothing checked. A {@code WARNING} when
     * most tries met a refusal, a {@code note} otherwise, none when no grant was refused.
     */
    public Option<String> grantWarning() {
        if (triesWithGrantRefusal == 0) {
            return Option.none();
        }
        long all = Math.max(1, tries);
        boolean most = triesWithGrantRefusal * 2 > all;
        return Option.some(String.format(Locale.ROOT, "%s: the kernel refused an app's grant (synchronous NOMEM, docs/spec.md D21)"
                        + " %,d times, in %,d of %,d tries; an app refused its grant exercises nothing else of the driver%s",
                most ? "WARNING" : "note", grantRefusals, triesWithGrantRefusal, all,
                most ? ", so this campaign says little about the driver: give the system more memory" : ""));
    }
}
