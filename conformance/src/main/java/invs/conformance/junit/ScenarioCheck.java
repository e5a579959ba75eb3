package invs.conformance.junit;

import invs.conformance.board.BoardLine;
import invs.conformance.board.NamedConfiguration;
import invs.conformance.campaign.CampaignBuilder;
import invs.conformance.campaign.Finding;
import invs.conformance.campaign.ScenarioTriage;
import invs.conformance.check.Checks;
import invs.conformance.check.Run;
import invs.conformance.check.Session;
import invs.conformance.replay.RegressionTestSource;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.spec.Input;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Path;

/**
 * The scenarios of the contract suite, the upstream libtock-c test apps and the interruption scenarios
 * (sequences written out, not generated), each run on a fresh system in lockstep with the specification. A
 * failure fails the test with what a campaign test's failure reports: the sequence shrunk
 * ({@link ScenarioTriage}), the rule broken with its clause, the divergence explained, the trace written
 * under the traces directory (and listed in {@link WrittenTraces}) and a regression test to paste.
 *
 * <p>A scenario the specification gave up following (one step left more states open than it follows) broke no
 * rule: it is not shrunk, since a shorter sequence would have no failure to keep (whether the specification
 * gives up depends on its step bound, not on a defect), and the steps that ran are saved whole, so that
 * {@code invs check-trace --step-bound} can follow them with a larger bound.
 *
 * @param system  the name of the system in reports and trace files
 * @param factory makes the systems
 * @param checks  what is checked (the online properties, as in a campaign's lockstep tries)
 * @param traces  where the traces go, and the list of those this run wrote
 */
record ScenarioCheck(String system, SystemUnderTestFactory factory, Checks checks, WrittenTraces traces) {

    /**
     * Runs {@code inputs}, the scenario {@code name}, on {@code board}, and fails with a report headed by
     * {@code title} (for example {@code libtock-c app invs_single}) and the board if they break a rule or the
     * specification gives up following them.
     */
    void assertConforms(String title, String name, NamedConfiguration board, Vector<Input> inputs) {
        Run run;
        Option<String> undecided;
        try (Session session = Session.open(board.configuration(), factory, checks)) {
            session.stepInBatches(inputs, Vector.empty());
            run = session.result();
            undecided = session.undecided();
        }
        if (run.violation().isEmpty() && undecided.isEmpty()) {
            return;
        }
        ScenarioTriage triage = new ScenarioTriage(system, factory, CampaignBuilder.DEFAULT_SHRINK_TIME,
                Option.some(traces.directory()));
        StringBuilder text = new StringBuilder(title).append(" on ").append(onBoard(board));
        if (run.violation().isDefined()) {
            Finding finding = triage.shrink(name, board.name(), run, checks);
            finding.traceFile().forEach(traces::add);
            text.append(finding.property().label()).append(" broken (").append(finding.property().statement())
                    .append(')').append(finding.clause().map(clause -> ", clause " + clause.name()).getOrElse(""))
                    .append("\nfailed at step ").append(run.steps().size()).append(" of ").append(inputs.size())
                    .append(", shrunk to ").append(Finding.steps(finding.shrunkLength())).append('\n')
                    .append(finding.details());
            triage.problems().forEach(line -> text.append("problem: ").append(line).append('\n'));
            text.append(ConformanceContract.asRegressionTest(finding.trace(),
                    RegressionTestSource.methodName(name + " on " + board.name(), finding)));
        } else {
            Option<Path> file = triage.saveUndecided(name, board.name(), run, undecided.get());
            file.forEach(traces::add);
            text.append("not checked to the end: the specification gave up at ").append(undecided.get())
                    .append("\nnot shrunk: no rule broke, so a shorter sequence would have no failure to keep; the ")
                    .append(Finding.steps(run.steps().size())).append(" of ").append(inputs.size()).append(" that ran are saved whole\n");
            file.forEach(path -> text.append("trace: ").append(path).append('\n')
                    .append("(invs check-trace --step-bound with a larger bound follows it further)\n"));
            triage.problems().forEach(line -> text.append("problem: ").append(line).append('\n'));
        }
        throw new AssertionFailedError(text.toString());
    }

    /** The board a failure happened on, for its message: {@code board NAME (its line):} and a line feed. */
    private static String onBoard(NamedConfiguration board) {
        return "board " + board.name() + " (" + BoardLine.of(board.configuration()) + "):\n";
    }

}
