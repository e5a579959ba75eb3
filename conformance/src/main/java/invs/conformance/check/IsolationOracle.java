package invs.conformance.check;

import invs.conformance.sut.SystemUnderTest;
import invs.spec.AppId;
import invs.spec.Clause;
import invs.spec.Input;
import invs.spec.Observation;
import io.vavr.control.Option;

/**
 * {@link Property#ISOLATION}, checked differentially without the model: a second system (the twin) runs
 * the subject's program alone, without the other apps' noise, step by step with the session; at each of
 * the subject's system calls both must show the same. The check lasts while the sequence stays a
 * well-formed scenario ({@link Isolation}); a twin that fails judges nothing.
 */
final class IsolationOracle implements Oracle {
    private static final Clause CLAUSE = Clause.INTRO_REGION;

    private final AppId subject;
    private final Isolation shape;
    private SystemUnderTest twin;

    IsolationOracle(SessionSetting setting) {
        this.subject = setting.subject().getOrElseThrow(() -> new IllegalArgumentException("isolation needs a subject"));
        this.shape = new Isolation(subject);
        this.twin = setting.factory().create(setting.configuration());
    }

    @Override
    public Option<Violation> check(int step, Input input, Observation observation) {
        if (twin == null || !shape.accept(input)) {
            close();
            return Option.none();
        }
        if (!Isolation.inProgram(input, subject)) {
            return Option.none();
        }
        Observation alone;
        try {
            alone = twin.apply(input);
        } catch (RuntimeException e) {
            close();
            return Option.none();
        }
        if (!Isolation.observedBySubject(input, subject) || alone.equals(observation)) {
            return Option.none();
        }
        String description = "input:    " + input + "\nobserved: " + observation
                + "\nexpected: " + alone + " (what " + subject + " observes when the other apps do nothing)"
                + "\nclause:   " + CLAUSE.citation();
        return Option.some(new Violation(Property.ISOLATION, Option.some(CLAUSE), step, input, Option.some(observation),
                description, Option.none()));
    }

    @Override
    public Option<Violation> unanswered(int step, Input input, RuntimeException failure) {
        close();
        return Option.none();
    }

    @Override
    public void close() {
        if (twin != null) {
            SystemUnderTest closing = twin;
            twin = null;
            closing.close();
        }
    }
}
