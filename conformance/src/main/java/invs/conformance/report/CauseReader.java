package invs.conformance.report;

import io.vavr.collection.Vector;
import io.vavr.control.Option;

/** Reads the causes of a {@code report.json}: findings, counterexample and diverging step (see {@link JsonReport}). */
final class CauseReader {
    private CauseReader() {
    }

    static CauseSummary cause(ReportNode node) {
        Vector<FindingSummary> findings = node.array("findings").map(CauseReader::finding);
        if (findings.isEmpty()) {
            throw node.field("findings").problem("a cause has at least one finding");
        }
        return new CauseSummary(node.text("signature"), findings, counterexample(node.field("counterexample")));
    }

    private static FindingSummary finding(ReportNode node) {
        return new FindingSummary(node.text("rule"), node.text("property"), node.optionalText("clause"), node.text("signature"),
                node.smallNumber("steps"), node.smallNumber("occurrences"), node.optionalText("trace"), node.hex("seed"),
                node.text("configuration"), node.text("foundBy"), node.texts("swarm"));
    }

    private static Counterexample counterexample(ReportNode node) {
        Vector<String> apps = node.texts("apps");
        Vector<Counterexample.Step> steps = node.array("steps").map(step -> step(step, apps.size()));
        return new Counterexample(node.text("swarm"), node.text("report"), apps, steps, diverging(node.field("diverging"), steps.size()));
    }

    private static Counterexample.Step step(ReportNode node, int apps) {
        Option<Integer> app = Option.none();
        if (node.has("app")) {
            long slot = node.number("app");
            if (slot >= apps) {
                throw node.field("app").problem("app " + slot + " is not on the board: the counterexample has " + apps + " apps");
            }
            app = Option.some((int) slot);
        }
        String kind = node.text("kind");
        Counterexample.Kind parsed = Vector.of(Counterexample.Kind.values()).find(value -> value.label().equals(kind))
                .getOrElseThrow(() -> node.field("kind").problem("expected syscall, yield or event, got '" + kind + "'"));
        if (parsed != Counterexample.Kind.EVENT && app.isEmpty()) {
            throw node.field("app").problem("a " + kind + " step needs an app");
        }
        return new Counterexample.Step(app, parsed, node.text("input"), node.text("answer"), node.optionalText("upcall"),
                node.optionalText("buffer"));
    }

    private static DivergingStep diverging(ReportNode node, int steps) {
        int step = node.smallNumber("step");
        if (step < 1 || step > Math.max(1, steps)) {
            throw node.field("step").problem("expected a step from 1 to " + steps + ", got " + step);
        }
        Vector<DivergingStep.Allowed> allowed = node.array("allowed").map(answer -> new DivergingStep.Allowed(
                answer.text("answer"), answer.text("clause"), answer.text("citation")));
        Vector<DivergingStep.FieldDifference> differences = node.array("differences").map(difference ->
                new DivergingStep.FieldDifference(difference.text("field"), difference.text("expected"),
                        difference.text("observed"), difference.text("clause"), difference.text("citation")));
        return new DivergingStep(step, node.text("input"), node.text("observed"), node.optionalText("closest"), allowed,
                node.smallNumber("allowedOmitted"), differences, node.texts("deciding"), node.texts("explanation"));
    }
}
