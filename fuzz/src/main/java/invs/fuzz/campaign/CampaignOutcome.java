package invs.fuzz.campaign;

import invs.conformance.campaign.Finding;
import invs.conformance.coverage.Statistics;
import io.vavr.collection.Vector;

import java.time.Duration;

/**
 * What a (sharded) campaign did and found.
 *
 * @param settings    the settings it ran with
 * @param tries       tries run by this process
 * @param statistics  what the tries exercised, merged over all of them
 * @param findings    the findings, one per rule broken, shrunk, in the order of the tries that found them
 * @param triesTime   wall-clock time spent running tries
 * @param shrinkTime  wall-clock time spent shrinking afterwards
 * @param complete    whether every try of this shard ran (false when the time budget ran out first)
 */
public record CampaignOutcome(CampaignSettings settings, long tries, Statistics statistics, Vector<ShrunkFinding> findings,
                              Duration triesTime, Duration shrinkTime, boolean complete) {

    /** System calls checked per second of wall-clock time spent running tries. */
    public double syscallsPerSecond() {
        double seconds = triesTime.toNanos() / 1e9;
        return seconds == 0 ? 0 : statistics.syscalls() / seconds;
    }

    /**
     * How many tries the whole campaign needs so that this shard runs exactly the tries it ran: one more
     * than the campaign index of its last try (1 when it ran none).
     */
    public long campaignTries() {
        return tries == 0 ? 1 : settings.shard().tryAt(tries - 1) + 1;
    }

    /**
     * A finding with the counterexample it was shrunk from.
     *
     * @param origin  the counterexample: which try found it, how often the rule was broken
     * @param finding the shrunk finding
     */
    public record ShrunkFinding(Counterexample origin, Finding finding) {
    }
}
