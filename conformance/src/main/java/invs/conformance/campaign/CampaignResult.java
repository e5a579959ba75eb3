package invs.conformance.campaign;

import invs.conformance.board.NamedConfiguration;
import invs.conformance.coverage.Reachability;
import invs.conformance.coverage.Statistics;
import invs.conformance.sut.Capability;
import io.vavr.collection.Vector;

import java.time.Duration;
import java.util.Set;

/**
 * What a campaign found and exercised.
 *
 * @param settings        what it ran with
 * @param tries           how many tries ran (in this process: this shard)
 * @param complete        whether every try of the shard ran (false when the time ran out or it stopped early)
 * @param causes          the distinct causes found, each with its findings (one per rule broken)
 * @param statistics      what the tries exercised
 * @param boards          the given boards the system supports
 * @param refusedBoards   the given boards the system refused, each with its reason
 * @param generatedBoards how many generated boards were offered to the system
 * @param refusedGenerated how many of them it refused
 * @param problems        what could not be written (trace files), one line each
 * @param triesTime       wall-clock time spent running tries
 * @param shrinkTime      wall-clock time spent shrinking and grouping afterwards
 * @param capabilities    the environment events the system announced (empty when no try ran)
 */
public record CampaignResult(CampaignSettings settings, long tries, boolean complete, Vector<Cause> causes,
                             Statistics statistics, Vector<NamedConfiguration> boards, Vector<String> refusedBoards,
                             long generatedBoards, long refusedGenerated, Vector<String> problems, Duration triesTime,
                             Duration shrinkTime, Set<Capability> capabilities) {

    /** The campaign's seed. */
    public long seed() {
        return settings.seed();
    }

    /** The name of the system under test. */
    public String system() {
        return settings.system();
    }

    /** Every finding (one per rule broken), cause by cause, each cause's representative first. */
    public Vector<Finding> findings() {
        return causes.flatMap(Cause::findings);
    }

    /** Which documented pairs this campaign could have reached, given the system and the boards. */
    public Reachability reachability() {
        return new Reachability(capabilities, boards.map(NamedConfiguration::configuration),
                settings.boardMode() != BoardMode.STANDARD && generatedBoards > refusedGenerated, settings.profile());
    }

    /** The required outcomes and corners never reached often enough. */
    public Vector<String> missingCoverage() {
        return statistics.missing(settings.coverage());
    }

    /** Whether nothing was found and the coverage was met. */
    public boolean passed() {
        return causes.isEmpty() && missingCoverage().isEmpty();
    }

    /** System calls checked per second of wall-clock time spent running tries. */
    public double syscallsPerSecond() {
        double seconds = triesTime.toNanos() / 1e9;
        return seconds == 0 ? 0 : statistics.syscalls() / seconds;
    }

    /**
     * How many tries the whole campaign needs so that this shard runs exactly the tries it ran: the
     * campaign's {@code --tries} when the shard ran its whole share of them (so that the shards of one
     * campaign, run again, still merge), else one more than the campaign index of its last try (1 when it
     * ran none).
     */
    public long campaignTries() {
        long planned = settings.budget().tries();
        if (tries > 0 && tries == settings.shard().triesOf(planned)) {
            return planned;
        }
        return tries == 0 ? 1 : settings.shard().tryAt(tries - 1) + 1;
    }

    /** A report: the counts, every cause with its representative, and any missing coverage. */
    public String report() {
        StringBuilder text = new StringBuilder()
                .append(String.format("campaign seed 0x%016x against %s: %d tries in %.1f s, %d cause%s (%d rule%s broken)%n",
                        seed(), system(), tries, triesTime.toMillis() / 1000.0, causes.size(), causes.size() == 1 ? "" : "s",
                        findings().size(), findings().size() == 1 ? "" : "s"));
        text.append(String.format("%.0f system calls/s checked, model %.0f%% of the time%n", syscallsPerSecond(),
                100 * statistics.modelShare()));
        for (Cause cause : causes) {
            text.append('\n').append("cause: ").append(cause.signature()).append(" (rules: ")
                    .append(cause.rules().mkString(", ")).append("; ").append(cause.occurrences()).append(" tries)\n")
                    .append(cause.representative().report());
        }
        Vector<String> missing = missingCoverage();
        if (!missing.isEmpty()) {
            text.append("\ncoverage not reached:\n");
            missing.forEach(line -> text.append("  ").append(line).append('\n'));
        }
        problems.forEach(line -> text.append("problem: ").append(line).append('\n'));
        return text.toString();
    }
}
