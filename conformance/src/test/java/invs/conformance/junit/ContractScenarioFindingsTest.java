package invs.conformance.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.board.NamedConfiguration;
import invs.conformance.board.StandardConfigurations;
import invs.conformance.check.Checks;
import invs.conformance.check.UnseenWrites;
import invs.conformance.reference.ReferenceProvider;
import invs.conformance.replay.Replay;
import invs.conformance.replay.ReplayResult;
import invs.conformance.trace.Trace;
import invs.conformance.trace.TraceCodec;
import invs.conformance.zoo.Zoo;
import invs.spec.Clause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contract's libtock-c app and interruption tests report a failure as its campaign tests do: the sequence
 * shrunk, the clause it breaks, and its trace saved under the traces directory, which the specification alone
 * finds failing, the planted bug fails and the reference passes. A scenario the specification gives up on is
 * saved whole, and the report says why it is not shrunk.
 */
class ContractScenarioFindingsTest {
    private static final Pattern LENGTHS = Pattern.compile("failed at step (\\d+) of (\\d+), shrunk to (\\d+) steps?\n");
    private static final Pattern TRACE = Pattern.compile("^trace: (.+)$", Pattern.MULTILINE);

    @RegisterExtension
    final TemporaryTraces traces = new TemporaryTraces();

    @Test
    void aFailingLibtockAppIsShrunkExplainedAndSaved() throws Exception {
        Trace trace = checkedFinding(() -> MutantContract.over("size-counts-header")
                .passesTheLibtockTestApps("invs_single", StandardConfigurations.docDefault()), "size-counts-header");
        assertEquals(Clause.SUBSCRIBE_0_SUCCESS, Replay.checkTrace(trace).violation().get().clause().get());
    }

    @Test
    void aFailingInterruptionScenarioIsShrunkExplainedAndSaved() throws Exception {
        checkedFinding(() -> MutantContract.over("reboot-loses-regions")
                .survivesInterruptionsAtEveryStep(StandardConfigurations.docDefault()), "reboot-loses-regions");
    }

    @Test
    void aScenarioTheSpecificationGivesUpOnIsSavedWholeAndSaysWhyItIsNotShrunk() throws Exception {
        Trace writes = UnseenWrites.drained();
        NamedConfiguration board = new NamedConfiguration("sixteen-apps", writes.header().configuration());
        ScenarioCheck check = new ScenarioCheck("reference", new ReferenceProvider(), Checks.online(),
                new WrittenTraces(traces.directory(), getClass()));
        String message = assertThrows(AssertionFailedError.class,
                () -> check.assertConforms("the scenario 'unseen writes'", "unseen writes", board, writes.inputs()))
                .getMessage();
        assertTrue(message.startsWith("the scenario 'unseen writes' on board sixteen-apps ("), message);
        assertTrue(message.contains("\nnot checked to the end: the specification gave up at step 55 (drain): "), message);
        assertTrue(message.contains("\nnot shrunk: no rule broke, so a shorter sequence would have no failure to keep;"
                + " the 55 steps of 55 that ran are saved whole\n"), message);
        Matcher named = TRACE.matcher(message);
        assertTrue(named.find(), message);
        Trace trace = TraceCodec.read(Path.of(named.group(1)));
        assertEquals(writes.inputs(), trace.inputs());
        ReplayResult checked = Replay.checkTrace(trace);
        assertTrue(checked.violation().isEmpty() && checked.undecided().isDefined(), checked.report());
    }

    /**
     * Runs {@code test}, which must fail, and checks its message: the lengths before and after shrinking, the
     * clause, and the trace it names, saved under the traces directory, failing on the specification alone and on
     * the mutant, passing on the reference; the trace.
     */
    private Trace checkedFinding(Executable test, String mutant) throws Exception {
        String message = assertThrows(AssertionFailedError.class, test).getMessage();
        Matcher lengths = LENGTHS.matcher(message);
        assertTrue(lengths.find(), message);
        int failedAt = Integer.parseInt(lengths.group(1));
        int shrunk = Integer.parseInt(lengths.group(3));
        assertTrue(shrunk < failedAt, message);
        Matcher named = TRACE.matcher(message);
        assertTrue(named.find(), message);
        Path file = Path.of(named.group(1));
        assertTrue(file.toAbsolutePath().startsWith(traces.directory().toAbsolutePath()) && Files.isRegularFile(file), message);
        Trace trace = TraceCodec.read(file);
        assertEquals(shrunk, trace.length(), message);
        ReplayResult checked = Replay.checkTrace(trace);
        assertTrue(checked.violation().isDefined(), checked.report());
        Clause clause = checked.violation().get().clause().get();
        assertTrue(message.contains(clause.name()), message);
        assertTrue(Replay.replay(trace, Zoo.named(mutant).get()).violation().isDefined(), message);
        assertTrue(Replay.replay(trace, new ReferenceProvider()).conforms(), message);
        return trace;
    }
}
