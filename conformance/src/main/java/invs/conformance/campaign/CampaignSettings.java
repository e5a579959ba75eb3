package invs.conformance.campaign;

import invs.conformance.board.NamedConfiguration;
import invs.conformance.check.Property;
import invs.conformance.coverage.CoverageRequirement;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.spec.Profile;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything a {@link Campaign} runs with; made by a {@link CampaignBuilder}.
 *
 * @param system         the system's label, for reports and trace files
 * @param factory        makes fresh systems
 * @param boards         the given boards (the standard ones unless told otherwise)
 * @param boardMode      whether tries run on the given boards, generated ones, or both
 * @param profile        the reading of the document generated boards are checked under
 * @param seed           the campaign's seed
 * @param budget         tries, steps per try, and the time limit for running tries
 * @param shard          which of the campaign's tries this process runs
 * @param threads        how many tries run at once
 * @param properties     the properties checked
 * @param swarm          whether each try draws a swarm of features (else every try has the full mix)
 * @param coverage       the coverage the campaign must reach
 * @param shrinkTime     most time shrinking one finding may take
 * @param traces         where trace files of findings go, if anywhere
 * @param baseline       a system known to be right enough: a failure counts only if the baseline passes the
 *                       same inputs (and shrinking keeps it so)
 * @param stopAtFirst    whether to stop at the first failing try
 * @param listener       who hears the progress
 */
public record CampaignSettings(String system, SystemUnderTestFactory factory, Vector<NamedConfiguration> boards,
                               BoardMode boardMode, Profile profile, long seed, Budget budget, Shard shard, int threads,
                               Vector<Property> properties, boolean swarm, CoverageRequirement coverage,
                               Duration shrinkTime, Option<Path> traces, Option<SystemUnderTestFactory> baseline,
                               boolean stopAtFirst, CampaignListener listener) {

    /** Checks the fields. */
    public CampaignSettings {
        if (boards.isEmpty() && boardMode != BoardMode.GENERATED) {
            throw new IllegalArgumentException("a campaign on given boards needs at least one");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("a campaign needs at least one thread");
        }
        if (shrinkTime.isNegative()) {
            throw new IllegalArgumentException("shrinking time cannot be negative");
        }
    }
}
