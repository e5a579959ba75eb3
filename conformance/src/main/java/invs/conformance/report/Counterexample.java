package invs.conformance.report;

import invs.conformance.campaign.Finding;
import invs.conformance.trace.TraceStep;
import invs.spec.App;
import invs.spec.AppId;
import invs.spec.Event;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.Locale;

/**
 * A cause's representative finding, for people: its report as text, and its shrunk sequence step by step
 * (what a message sequence chart draws) with the step where it diverged. Texts are as the trace format's
 * readers show them; buffers are abbreviated to their first 16 bytes (the trace file has them whole).
 *
 * @param swarm     what the finding try's swarm left out, in words ({@code everything} when nothing)
 * @param report    the finding's report: the divergence explained and the shrunk sequence
 * @param apps      the board's apps in slot order, each named {@code appN name}
 * @param steps     the shrunk sequence
 * @param diverging the step where the system left what the specification allows
 */
public record Counterexample(String swarm, String report, Vector<String> apps, Vector<Step> steps, DivergingStep diverging) {

    /** Who a step concerns and how it is drawn. */
    public enum Kind {
        /** A system call other than yield: a call and its return. */
        SYSCALL,
        /** A yield: at most one upcall comes back, with the buffer's contents. */
        YIELD,
        /** An environment event: a tick, drain, reboot, restart or flash fault. */
        EVENT;

        /** The kind's name in {@code report.json}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One step of the sequence.
     *
     * @param app    the app that made the system call, or that a restart restarts
     * @param kind   what kind of step it is
     * @param input  the input without the app ({@code command 3 (0x0, 0x0)}, {@code drain}, …)
     * @param answer what the system answered, in full ({@code no answer} when it did not)
     * @param upcall for a yield, the upcall that ran ({@code none} when none did)
     * @param buffer for a yield, the read-write buffer afterwards ({@code length:hex})
     */
    public record Step(Option<Integer> app, Kind kind, String input, String answer, Option<String> upcall,
                       Option<String> buffer) {

        /** The step of a trace. */
        public static Step of(TraceStep step) {
            Input input = step.input();
            String answer = step.observation().map(Object::toString).getOrElse("no answer");
            Option<Integer> app = input.concernedApp().map(AppId::slot);
            String text = app.map(slot -> withoutApp(input.toString(), slot)).getOrElse(input.toString());
            if (input instanceof Yield) {
                Option<Observation.Yielded> yielded = step.observation()
                        .flatMap(observation -> observation instanceof Observation.Yielded y ? Option.some(y) : Option.none());
                return new Step(app, Kind.YIELD, text, answer,
                        yielded.map(y -> y.upcall().map(Object::toString).getOrElse("none")),
                        yielded.map(y -> y.readBuffer().toString()));
            }
            return new Step(app, input instanceof Event ? Kind.EVENT : Kind.SYSCALL, text, answer, Option.none(), Option.none());
        }

        private static String withoutApp(String text, int slot) {
            String prefix = "app" + slot + " ";
            return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
        }
    }

    /** This counterexample with another report text (its trace moved). */
    Counterexample withReport(String text) {
        return new Counterexample(swarm, text, apps, steps, diverging);
    }

    /** The counterexample of {@code finding}. */
    public static Counterexample of(Finding finding) {
        Vector<App> apps = finding.trace().header().configuration().apps();
        return new Counterexample(finding.swarm().describe(), finding.report(),
                Vector.range(0, apps.size()).map(slot -> "app" + slot + " " + apps.get(slot).name()),
                finding.trace().steps().map(Step::of), DivergingStep.of(finding));
    }
}
