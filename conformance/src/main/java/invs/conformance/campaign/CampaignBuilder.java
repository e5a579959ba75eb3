package invs.conformance.campaign;

import invs.conformance.board.NamedConfiguration;
import invs.conformance.board.StandardConfigurations;
import invs.conformance.check.Property;
import invs.conformance.coverage.CoverageRequirement;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.spec.Profile;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Sets up a {@link Campaign}. Defaults: the standard boards of the {@code doc} profile only (no generated
 * boards), seed {@link Campaign#DEFAULT_SEED}, {@link Budget#DEFAULT}, every property, no swarm, one
 * thread, the whole campaign (shard 0/1), shrinking for at most 20 s per finding, no trace files, no
 * baseline, no coverage requirement.
 */
public final class CampaignBuilder {
    /** The most time shrinking one finding takes unless told otherwise ({@link #shrinkTime}). */
    public static final Duration DEFAULT_SHRINK_TIME = Duration.ofSeconds(20);

    private final String system;
    private final SystemUnderTestFactory factory;
    private Vector<NamedConfiguration> boards = StandardConfigurations.of(Profile.DOC);
    private BoardMode boardMode = BoardMode.STANDARD;
    private Profile profile = Profile.DOC;
    private long seed = Campaign.DEFAULT_SEED;
    private Budget budget = Budget.DEFAULT;
    private Shard shard = Shard.whole();
    private int threads = 1;
    private Vector<Property> properties = Vector.of(Property.values());
    private boolean swarm;
    private CoverageRequirement coverage = CoverageRequirement.none();
    private Duration shrinkTime = DEFAULT_SHRINK_TIME;
    private Option<Path> traces = Option.none();
    private Option<SystemUnderTestFactory> baseline = Option.none();
    private boolean stopAtFirst;
    private CampaignListener listener = CampaignListener.NONE;

    CampaignBuilder(String system, SystemUnderTestFactory factory) {
        this.system = system;
        this.factory = factory;
    }

    /** The given boards, one per try in turn. */
    public CampaignBuilder configurations(Vector<NamedConfiguration> value) {
        this.boards = value;
        return this;
    }

    /** A single given board. */
    public CampaignBuilder configuration(NamedConfiguration value) {
        return configurations(Vector.of(value));
    }

    /** Whether tries run on the given boards, generated ones, or both. */
    public CampaignBuilder boardMode(BoardMode value) {
        this.boardMode = value;
        return this;
    }

    /** The reading generated boards are checked under (default {@code doc}). */
    public CampaignBuilder profile(Profile value) {
        this.profile = value;
        return this;
    }

    /** The campaign's seed. */
    public CampaignBuilder seed(long value) {
        this.seed = value;
        return this;
    }

    /** The budget. */
    public CampaignBuilder budget(Budget value) {
        this.budget = value;
        return this;
    }

    /** Which of the campaign's tries to run. */
    public CampaignBuilder shard(Shard value) {
        this.shard = value;
        return this;
    }

    /** How many tries run at once. */
    public CampaignBuilder threads(int value) {
        this.threads = value;
        return this;
    }

    /** The properties to check ({@link Property#ROBUSTNESS} is always checked). */
    public CampaignBuilder properties(Vector<Property> value) {
        this.properties = value;
        return this;
    }

    /** Whether each try draws a swarm of features (swarm testing). */
    public CampaignBuilder swarm(boolean value) {
        this.swarm = value;
        return this;
    }

    /** The coverage the campaign must reach. */
    public CampaignBuilder coverage(CoverageRequirement value) {
        this.coverage = value;
        return this;
    }

    /** The most time shrinking one finding may take. */
    public CampaignBuilder shrinkTime(Duration value) {
        this.shrinkTime = value;
        return this;
    }

    /** A directory to write each finding's trace file into (as found, rewritten once shrunk). */
    public CampaignBuilder traces(Path directory) {
        this.traces = Option.some(directory);
        return this;
    }

    /**
     * A system known to be right enough: a failure counts only if the baseline passes the same inputs (and
     * shrinking keeps it so). For bug zoos, and for reporting only what an implementation does differently
     * from the reference.
     */
    public CampaignBuilder baseline(SystemUnderTestFactory value) {
        this.baseline = Option.some(value);
        return this;
    }

    /** Like {@link #baseline(SystemUnderTestFactory)}, none when empty. */
    public CampaignBuilder baseline(Option<SystemUnderTestFactory> value) {
        this.baseline = value;
        return this;
    }

    /**
     * Whether to stop at the first failing try: no try begins after it. A try another thread has run whole by
     * then is still judged and counted, so a campaign of several threads may report more than one finding.
     */
    public CampaignBuilder stopAtFirstFinding(boolean value) {
        this.stopAtFirst = value;
        return this;
    }

    /** Who hears the progress. */
    public CampaignBuilder listener(CampaignListener value) {
        this.listener = value;
        return this;
    }

    /** The campaign. */
    public Campaign build() {
        return new Campaign(new CampaignSettings(system, factory, boards, boardMode, profile, seed, budget, shard, threads,
                properties, swarm, coverage, shrinkTime, traces, baseline, stopAtFirst, listener));
    }

    /** Builds and runs the campaign. */
    public CampaignResult run() {
        return build().run();
    }
}
