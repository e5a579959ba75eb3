package invs.conformance.report;

import invs.conformance.campaign.Finding;
import io.vavr.collection.Vector;

import java.util.Locale;

/**
 * One cause as {@code report.html} shows it: its heading, facts, chart, diverging step and traces.
 *
 * @param anchor    the fragment that links to it ({@code cause-1})
 * @param heading   its number and rule
 * @param tries     how many tries failed because of it, in words
 * @param facts     labelled facts: where it was found, the signature, the other rules, the swarm
 * @param chart     the representative's counterexample as a message sequence chart
 * @param diverging the step where it diverged, with what was allowed instead
 * @param traces    every trace of the cause with the command that replays it
 * @param report    the representative's report as text
 */
public record CauseView(String anchor, String heading, String tries, Vector<Fact> facts, SequenceChart chart,
                        DivergingStep diverging, Vector<Fact> traces, String report) {

    /** The view of cause number {@code number} of {@code summary}. */
    static CauseView of(int number, CauseSummary cause, Setup setup) {
        FindingSummary finding = cause.representative();
        Vector<Fact> facts = Vector.of(
                fact("found by", finding.foundBy() + " on " + finding.configuration()),
                fact("seed of the finding try", String.format("0x%016x", finding.seed())),
                fact("shrunk to", Finding.steps(finding.steps())),
                fact("signature", cause.signature()));
        if (cause.rules().size() > 1) {
            facts = facts.append(fact("also broke", cause.rules().tail().mkString(", ")));
        }
        if (!finding.swarm().isEmpty()) {
            facts = facts.append(fact("swarm of the finding try", cause.counterexample().swarm()));
        }
        Vector<Fact> traces = cause.findings().flatMap(other -> other.replayCommand(setup.replayFlags())
                .map(command -> Fact.command(other.rule() + " (" + Finding.steps(other.steps()) + ")", command)));
        long tries = cause.occurrences();
        return new CauseView("cause-" + number, "[" + number + "] " + finding.rule(),
                String.format(Locale.ROOT, "%,d failing tr%s", tries, tries == 1 ? "y" : "ies"), facts,
                SequenceChart.of(cause.counterexample(), setup.system()), cause.counterexample().diverging(), traces,
                cause.counterexample().report());
    }

    private static Fact fact(String label, String value) {
        return new Fact(label, value);
    }
}
