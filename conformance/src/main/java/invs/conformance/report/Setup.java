package invs.conformance.report;

import invs.conformance.board.NamedConfiguration;
import invs.conformance.campaign.BoardMode;
import invs.conformance.campaign.CampaignResult;
import invs.conformance.campaign.CampaignSettings;
import invs.conformance.check.Property;
import invs.spec.Profile;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.nio.file.Path;

/**
 * What a campaign ran: the system, the reading, the seed and shards, the budget, the boards and the checks.
 *
 * @param system           the system's label ({@code reference}, {@code mutant-busy-global}, …)
 * @param description      the system in one line, for people
 * @param profile          the reading of the driver document checked
 * @param seed             the campaign's seed
 * @param shards           the shards of the campaign the report covers
 * @param stepsPerTry      inputs per try
 * @param threads          tries run at once (the most of any shard, for a merged report)
 * @param plannedTries     the tries of the whole campaign given with {@code --tries}, if given
 * @param properties       the properties checked, by label
 * @param boards           the given boards the system supports
 * @param boardMode        whether tries ran on the given boards, generated ones, or both
 * @param generatedOffered how many generated boards were offered to the system
 * @param generatedRefused how many of them it refused
 * @param refusedBoards    the given boards the system refused, each with its reason
 * @param baseline         whether failures the reference shows on the same inputs were left out
 * @param swarm            whether each try drew a swarm of features ({@code --swarm on}) or had the full mix
 * @param traces           the directory trace files were written to, if any (none for a merged report)
 * @param replayFlags      the flags (each with a leading space) that select the system for {@code invs replay}
 * @param rerun            the command that runs exactly the same tries again (none for a merged report)
 */
public record Setup(String system, String description, Profile profile, long seed, ShardSet shards, int stepsPerTry,
                    int threads, Option<Long> plannedTries, Vector<String> properties, Vector<NamedConfiguration> boards,
                    BoardMode boardMode, long generatedOffered, long generatedRefused, Vector<String> refusedBoards,
                    boolean baseline, boolean swarm, Option<String> traces, String replayFlags, Option<String> rerun) {

    /** What {@code result}'s campaign ran, started as {@code invocation} says. */
    public static Setup of(CampaignResult result, Invocation invocation) {
        CampaignSettings settings = result.settings();
        long planned = settings.budget().tries();
        return new Setup(result.system(), invocation.description(), settings.profile(), settings.seed(),
                ShardSet.of(settings.shard()), settings.budget().steps(), settings.threads(),
                planned == Long.MAX_VALUE ? Option.none() : Option.some(planned),
                settings.properties().map(Property::label), result.boards(), settings.boardMode(), result.generatedBoards(),
                result.refusedGenerated(), result.refusedBoards(), settings.baseline().isDefined(), settings.swarm(),
                settings.traces().map(Path::toString), invocation.replayFlags(), Option.some(invocation.rerun()));
    }

    /** This setup for the shards of this report and {@code other}'s together: one campaign's, merged. */
    Setup mergedWith(Setup other) {
        return new Setup(system, description, profile, seed, shards.plus(other.shards), stepsPerTry,
                Math.max(threads, other.threads), plannedTries, properties, boards, boardMode,
                generatedOffered + other.generatedOffered, generatedRefused + other.generatedRefused,
                refusedBoards.appendAll(other.refusedBoards).distinct(), baseline, swarm, Option.none(), replayFlags,
                Option.none());
    }

    /** The reading's name as written in reports and options: {@code doc} or {@code tock}. */
    public String reading() {
        return profile.name().toLowerCase(java.util.Locale.ROOT);
    }
}
