package invs.conformance.replay;

import invs.conformance.check.Violation;

import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The result of replaying a trace on a system, or of checking a recorded trace against the model.
 *
 * @param steps     every step with its observation and verdict
 * @param violation the first violation, if any
 * @param undecided where and why the specification gave up following the observations, if it did (a step
 *                  that left more states open than it follows: {@link invs.spec.model.TooManyStates}); the
 *                  steps from there are {@link Verdict#NOT_CHECKED}
 */
public record ReplayResult(Vector<StepResult> steps, Option<Violation> violation, Option<String> undecided) {

    /** Whether every checked property held at every step (false too when the check gave up before the end). */
    public boolean conforms() {
        return violation.isEmpty() && undecided.isEmpty();
    }

    /**
     * Whether the replay showed exactly what the trace recorded (vacuously true for steps that recorded
     * nothing).
     */
    public boolean matchesRecording() {
        return steps.forAll(step -> !step.differsFromRecording());
    }

    /** A report: one line per step, the violation's description at the end. */
    public String report() {
        StringWriter text = new StringWriter();
        printReport(new PrintWriter(text));
        return text.toString();
    }

    /**
     * Prints the {@linkplain #report() report} to {@code out} line by line, without holding it whole in
     * memory (a long trace's report takes about 100 bytes a step).
     */
    public void printReport(PrintWriter out) {
        for (StepResult step : steps) {
            out.printf("%4d. %-44s -> %-40s %s%s%n", step.index() + 1, step.input(),
                    step.observed().map(Object::toString).getOrElse("(no answer)"), step.verdict(),
                    step.differsFromRecording() ? " (recorded: " + step.recorded().get() + ")" : "");
        }
        violation.forEach(found -> out.append(found.description()).append('\n'));
        out.flush();
    }
}
