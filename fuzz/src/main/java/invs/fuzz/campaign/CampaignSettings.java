package invs.fuzz.campaign;

import invs.conformance.board.NamedConfiguration;
import invs.conformance.check.Property;
import invs.conformance.sut.SystemUnderTestFactory;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything a {@link ShardedCampaign} needs. Try {@code k} of the campaign runs on configuration
 * {@code k mod configurations.size()} with seed {@code Campaign.trySeed(seed, k)}, exactly as the engine's
 * own {@link invs.conformance.campaign.Campaign} would; the shard decides which tries this process runs.
 *
 * @param system         the system's label, for reports and trace files
 * @param factory        makes fresh systems
 * @param configurations the configurations, all supported by the factory
 * @param seed           the campaign's seed
 * @param tries          how many tries the whole campaign has (all shards together)
 * @param steps          inputs per try
 * @param time           wall-clock limit for running tries (shrinking comes after)
 * @param shard          which tries this process runs
 * @param threads        how many tries run at once
 * @param shrinkTime     most time shrinking one finding may take
 * @param properties     the properties checked
 * @param traces         where trace files of findings go, if anywhere
 * @param baseline       a system known to be right enough: a failure counts only if the baseline passes the
 *                       same inputs (and shrinking keeps it so)
 */
public record CampaignSettings(String system, SystemUnderTestFactory factory, Vector<NamedConfiguration> configurations,
                               long seed, long tries, int steps, Duration time, Shard shard, int threads,
                               Duration shrinkTime, Vector<Property> properties, Option<Path> traces,
                               Option<SystemUnderTestFactory> baseline) {
    /** Checks the fields. */
    public CampaignSettings {
        if (configurations.isEmpty()) {
            throw new IllegalArgumentException("a campaign needs at least one configuration");
        }
        if (tries < 1 || tries > Integer.MAX_VALUE || steps < 1 || threads < 1 || time.isNegative() || time.isZero()) {
            throw new IllegalArgumentException("a campaign needs 1 to 2^31-1 tries, positive steps, threads and time");
        }
    }
}
