package invs.fuzz.guided;

import invs.conformance.check.Violation;

/**
 * Thrown by the guided-fuzzing target when a sequence breaks a rule, so that Jazzer saves the input. Its
 * stack trace is a single synthetic frame naming the rule (property and clause), which makes Jazzer
 * deduplicate findings by the rule they break rather than by where they were detected.
 */
public final class RuleBroken extends RuntimeException {
    /** A finding for {@code violation}. */
    public RuleBroken(Violation violation) {
        super(violation.summary() + "\n" + violation.description(), null, false, true);
        setStackTrace(new StackTraceElement[] {
                new StackTraceElement("invs.rule." + violation.property().label(), violation.key().replace(':', '_'),
                        "rule", 1)});
    }
}
