package invs.conformance.junit;

import invs.conformance.campaign.Campaign;
import invs.conformance.campaign.CampaignResult;
import invs.conformance.coverage.CoverageRequirement;
import invs.conformance.campaign.Finding;
import invs.conformance.board.NamedConfiguration;
import invs.conformance.check.Checks;
import invs.conformance.check.Property;
import invs.conformance.replay.RegressionTestSource;
import invs.conformance.board.StandardConfigurations;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.trace.Trace;
import invs.spec.Configuration;
import invs.spec.Profile;
import invs.spec.Input;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

import java.util.stream.Stream;

/**
 * The conformance suite for an implementation of driver 0x50004, in the style of Vavr's test tree: extend
 * this class in your tests, give a factory for your implementation, and JUnit runs the whole suite.
 *
 * <pre>{@code
 * @ConformanceBudget(tries = 100)
 * class MyBoardConformanceTest extends ConformanceContract {
 *     @Override
 *     protected SystemUnderTestFactory factory() {
 *         return MyBoardSystem::new;
 *     }
 * }
 * }</pre>
 *
 * <p>The suite, for every standard configuration the factory supports: generated sequences in lockstep
 * with the specification (also checking liveness, durability and robustness); isolation scenarios; the
 * upstream libtock-c test apps as fixed sequences; and, over all configurations, that every documented
 * outcome and corner the engine aims at was reached ({@link #coverage()}). A failure reports the shrunk
 * sequence and the clause (a campaign's also the seed; a libtock-c app or interruption scenario its name and
 * board) and writes the trace to {@code target/invs-findings}; before its first test a class removes the
 * traces it wrote there on its last run ({@link ContractSettings}). The budget comes
 * from {@link ConformanceBudget} and the system properties {@code invs.seed}, {@code invs.tries},
 * {@code invs.steps}, {@code invs.seconds}. The tests of a subclass share one instance
 * ({@link TestInstance.Lifecycle#PER_CLASS}); the per-configuration tests are parameterized tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConformanceContract {

    /** Makes the systems under test. */
    protected abstract SystemUnderTestFactory factory();

    /** The name of the implementation in reports and trace files; the test class's simple name by default. */
    protected String systemName() {
        return getClass().getSimpleName();
    }

    /**
     * The readings of the driver document the implementation is checked under; {@code doc} by default. An
     * implementation with one fixed behaviour passes one reading: list both only for one that can be
     * configured either way (as the reference implementation can).
     */
    protected Vector<Profile> profiles() {
        return Vector.of(Profile.DOC);
    }

    /** The configurations the suite runs on; by default the standard ones of {@link #profiles()} the factory supports. */
    protected Vector<NamedConfiguration> configurations() {
        SystemUnderTestFactory factory = factory();
        return profiles().flatMap(StandardConfigurations::of).filter(named -> factory.supports(named.configuration()));
    }

    /** What the coverage test requires; {@link CoverageRequirement#standard()} by default. */
    protected CoverageRequirement coverage() {
        return CoverageRequirement.standard();
    }

    /** The configurations to run, for the parameterized tests. */
    protected Stream<NamedConfiguration> configurationsToRun() {
        return configurations().toJavaStream();
    }

    /** The libtock-c test apps on the boards they were written for. */
    protected Stream<Arguments> libtockTestApps() {
        Vector<String> boards = Vector.of("doc-default", "tock-default");
        return configurations().filter(named -> boards.contains(named.name())).toJavaStream()
                .flatMap(named -> Stream.of(Arguments.of("invs_single", named), Arguments.of("invs_read_write", named),
                        Arguments.of("invs_no_permission", named)));
    }

    /**
     * Removes the trace files this class wrote into the traces directory on its last run, and only those
     * ({@link WrittenTraces}), so that the directory never mixes them with this run's.
     */
    @BeforeAll
    void removeTheTracesOfTheLastRun() {
        writtenTraces().removeEarlier();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurationsToRun")
    void conformsInLockstep(NamedConfiguration configuration) {
        campaign(configuration, Vector.of(Property.LOCKSTEP, Property.LIVENESS, Property.DURABILITY,
                Property.ROBUSTNESS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurationsToRun")
    void isolatesApps(NamedConfiguration configuration) {
        campaign(configuration, Vector.of(Property.ISOLATION, Property.ROBUSTNESS));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("libtockTestApps")
    void passesTheLibtockTestApps(String app, NamedConfiguration board) {
        Configuration configuration = board.configuration();
        Vector<Input> inputs = switch (app) {
            case "invs_single" -> LibtockScenarios.single(configuration);
            case "invs_read_write" -> LibtockScenarios.readWrite(configuration);
            default -> LibtockScenarios.noPermission(configuration);
        };
        scenarios().assertConforms("libtock-c app " + app, "libtock-c " + app, board, inputs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurationsToRun")
    void survivesInterruptionsAtEveryStep(NamedConfiguration board) {
        Configuration configuration = board.configuration();
        java.util.Set<invs.conformance.sut.Capability> capabilities;
        try (var system = factory().create(configuration)) {
            capabilities = system.capabilities();
        }
        ScenarioCheck scenarios = scenarios();
        for (var scenario : TimingScenarios.all(configuration, capabilities)) {
            scenarios.assertConforms("the scenario '" + scenario._1 + "'", scenario._1, board, scenario._2);
        }
    }

    /** The scenarios of this class's system, checked as a campaign's lockstep tries are, their traces listed. */
    private ScenarioCheck scenarios() {
        return new ScenarioCheck(systemName(), factory(), Checks.online(), writtenTraces());
    }

    /** The traces this class writes, into the directory of its settings. */
    private WrittenTraces writtenTraces() {
        return new WrittenTraces(ContractSettings.of(getClass()).traces(), getClass());
    }

    @Test
    void reachesEveryDocumentedOutcome() {
        ContractSettings settings = ContractSettings.of(getClass());
        CampaignResult result = Campaign.against(systemName(), factory())
                .configurations(configurations())
                .seed(settings.seed())
                .budget(settings.budget().withTries(settings.budget().tries() * configurations().size()))
                .properties(Vector.of(Property.LOCKSTEP, Property.ROBUSTNESS))
                .coverage(coverage())
                .traces(settings.traces())
                .run();
        listTraces(result);
        if (!result.passed()) {
            throw new AssertionFailedError(failure(result) + coverageHint(result) + "\n" + result.statistics().table());
        }
    }

    /**
     * What a coverage failure without a finding adds: how an implementation that cannot produce some outcomes
     * says so ({@link #coverage()}); empty for any other result.
     */
    static String coverageHint(CampaignResult result) {
        return result.findings().isEmpty() && !result.missingCoverage().isEmpty()
                ? "\nan implementation that cannot produce some of these outcomes (a board without flash faults, one"
                + " whose apps are never BUSY) overrides coverage() with what it can reach (docs/guide.md, section 8;"
                + " docs/examples/java-adapter)\n" : "";
    }

    /** The report, and each finding as a test method to paste into this class. */
    private static String failure(CampaignResult result) {
        StringBuilder text = new StringBuilder(result.report());
        for (Finding finding : result.findings()) {
            text.append(asRegressionTest(finding.trace(), RegressionTestSource.methodName(finding)));
        }
        return text.toString();
    }

    /** {@code trace} as a test method called {@code name} to paste into this class, or why it cannot be one. */
    static String asRegressionTest(Trace trace, String name) {
        return RegressionTestSource.tooLarge(trace).fold(() -> "\nas a regression test (paste into this class; imports: "
                        + RegressionTestSource.IMPORTS.mkString(", ") + "):\n"
                        + RegressionTestSource.method(trace, name, "factory()"),
                why -> "\nno regression test: the trace is too large for one (" + why + ")\n");
    }

    /** Lists the traces {@code result} wrote, for the next run to remove. */
    private void listTraces(CampaignResult result) {
        WrittenTraces traces = writtenTraces();
        result.findings().flatMap(Finding::traceFile).forEach(traces::add);
    }

    private void campaign(NamedConfiguration configuration, Vector<Property> properties) {
        ContractSettings settings = ContractSettings.of(getClass());
        CampaignResult result = Campaign.against(systemName(), factory())
                .configuration(configuration)
                .seed(settings.seed())
                .budget(settings.budget())
                .properties(properties)
                .traces(settings.traces())
                .run();
        listTraces(result);
        if (!result.findings().isEmpty()) {
            throw new AssertionFailedError(failure(result));
        }
    }
}
