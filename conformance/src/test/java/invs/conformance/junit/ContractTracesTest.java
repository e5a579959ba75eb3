package invs.conformance.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectIteration;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import invs.conformance.board.NamedConfiguration;
import invs.conformance.board.StandardConfigurations;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.zoo.Zoo;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A run of a contract class, through JUnit as a build runs it, leaves no trace its earlier runs wrote, and
 * removes nothing it did not write.
 */
class ContractTracesTest {
    private static final Pattern TRACE = Pattern.compile("^trace: (.+)$", Pattern.MULTILINE);
    private static final DiscoverySelector LOCKSTEP = selectMethod(MutantContract.class, "conformsInLockstep",
            NamedConfiguration.class.getName());
    private static volatile boolean launched;

    @RegisterExtension
    final TemporaryTraces traces = new TemporaryTraces();

    /**
     * A contract over a mutant that reports the size of a region with its header, on one board: its lockstep
     * campaign fails, its libtock-c app {@code invs_no_permission} (the third) passes. Run only by
     * the tests of this class (a class path scan finds it too, and then skips it).
     */
    @ConformanceBudget(tries = 3, steps = 40, seconds = 20)
    @EnabledIf("invs.conformance.junit.ContractTracesTest#launched")
    static final class MutantContract extends ConformanceContract {
        @Override
        protected SystemUnderTestFactory factory() {
            return Zoo.named("size-counts-header").get();
        }

        @Override
        protected Vector<NamedConfiguration> configurations() {
            return Vector.of(StandardConfigurations.docDefault());
        }
    }

    /** Whether a test of this class is running {@link MutantContract}. */
    static boolean launched() {
        return launched;
    }

    @Test
    void aFailingRunAgainLeavesOnlyItsOwnTraces() throws IOException {
        Path foreign = Files.writeString(traces.directory().resolve("kept-by-someone-else.jsonl"), "not the suite's\n");
        assertEquals(1, run(LOCKSTEP).getTotalFailureCount());
        TestExecutionSummary second = run(LOCKSTEP);
        Set<Path> named = tracesNamedBy(second);
        assertFalse(named.isEmpty());
        assertEquals(named.add(foreign.toAbsolutePath()), tracesInTheDirectory());
    }

    @Test
    void aPassingRunRemovesTheTracesOfAFailingOne() throws IOException {
        Path foreign = Files.writeString(traces.directory().resolve("kept-by-someone-else.jsonl"), "not the suite's\n");
        TestExecutionSummary failing = run(LOCKSTEP);
        assertFalse(tracesNamedBy(failing).isEmpty());
        DiscoverySelector noPermission = selectIteration(selectMethod(MutantContract.class, "passesTheLibtockTestApps",
                String.class.getName() + "," + NamedConfiguration.class.getName()), 2);
        TestExecutionSummary passing = run(noPermission);
        assertEquals(1, passing.getTestsSucceededCount());
        assertEquals(0, passing.getTotalFailureCount());
        assertEquals(HashSet.of(foreign.toAbsolutePath()), tracesInTheDirectory());
    }

    /** Runs the tests {@code selector} selects of {@link MutantContract} through JUnit. */
    private static TestExecutionSummary run(DiscoverySelector selector) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launched = true;
        try {
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selector).build(),
                    listener);
        } finally {
            launched = false;
        }
        return listener.getSummary();
    }

    private static Set<Path> tracesNamedBy(TestExecutionSummary summary) {
        Set<Path> named = HashSet.empty();
        for (TestExecutionSummary.Failure failure : summary.getFailures()) {
            Matcher trace = TRACE.matcher(String.valueOf(failure.getException().getMessage()));
            while (trace.find()) {
                named = named.add(Path.of(trace.group(1)).toAbsolutePath());
            }
        }
        return named;
    }

    private Set<Path> tracesInTheDirectory() throws IOException {
        try (Stream<Path> files = Files.list(traces.directory())) {
            return HashSet.ofAll(files.filter(file -> file.getFileName().toString().endsWith(".jsonl"))
                    .map(Path::toAbsolutePath).toList());
        }
    }
}
