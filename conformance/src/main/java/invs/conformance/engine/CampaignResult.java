package invs.conformance.engine;

import io.vavr.collection.Vector;

import java.time.Duration;

/**
 * What a campaign found and exercised.
 *
 * @param seed       the campaign's seed
 * @param system     the name of the system under test
 * @param tries      how many sequences ran
 * @param findings   the distinct findings (by property and clause), in the order found
 * @param statistics what was exercised
 * @param coverage   the coverage the campaign was asked for
 * @param elapsed    how long the campaign took
 */
public record CampaignResult(long seed, String system, int tries, Vector<Finding> findings, Statistics statistics,
                             CoverageRequirement coverage, Duration elapsed) {

    /** The required outcomes and corners never reached often enough. */
    public Vector<String> missingCoverage() {
        return statistics.missing(coverage);
    }

    /** Whether nothing was found and the coverage was met. */
    public boolean passed() {
        return findings.isEmpty() && missingCoverage().isEmpty();
    }

    /** Lockstep throughput: system calls checked per second of checking (shrinking excluded). */
    public double syscallsPerSecond() {
        double seconds = (statistics.modelTime().toNanos() + statistics.systemTime().toNanos()
                + statistics.otherTime().toNanos()) / 1e9;
        return seconds == 0 ? 0 : statistics.syscalls() / seconds;
    }

    /** A report: the seed, the counts, every finding and any missing coverage. */
    public String report() {
        StringBuilder text = new StringBuilder()
                .append(String.format("campaign seed 0x%016x against %s: %d tries in %.1f s, %d findings%n", seed, system,
                        tries, elapsed.toMillis() / 1000.0, findings.size()));
        text.append(String.format("%.0f system calls/s checked, model %.0f%% of the time%n", syscallsPerSecond(),
                100 * statistics.modelShare()));
        for (Finding finding : findings) {
            text.append('\n').append(finding.report());
        }
        Vector<String> missing = missingCoverage();
        if (!missing.isEmpty()) {
            text.append("\ncoverage not reached:\n");
            missing.forEach(line -> text.append("  ").append(line).append('\n'));
        }
        return text.toString();
    }
}
