package invs.conformance.check;

import invs.conformance.sut.PendingAnswers;
import invs.conformance.sut.SystemUnderTest;
import invs.spec.AppId;
import invs.spec.Clause;
import invs.spec.Input;
import invs.spec.Observation;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * {@link Property#ISOLATION}, checked differentially without the model: a second system (the twin) runs
 * the subject's program alone, without the other apps' noise, step by step with the session; at each of
 * the subject's system calls both must show the same. The check lasts while the sequence stays a
 * well-formed scenario ({@link Isolation}); a twin that fails judges nothing.
 *
 * <p>When the session drives a pipelining system in batches, the twin gets its share of each batch at once
 * ({@link #ahead}): the subject's program within the well-formed prefix, exactly the inputs it would get
 * one by one, in the same order, sent to it without waiting ({@link SystemUnderTest#send}); {@link #check}
 * then takes the twin's answers as they come.
 */
final class IsolationOracle implements Oracle {
    private static final Clause CLAUSE = Clause.INTRO_REGION;

    private final AppId subject;
    private final Isolation shape;
    private SystemUnderTest twin;
    /** The twin's share of the current batch, applied ahead, in order. */
    private Vector<Input> prepared = Vector.empty();
    /** The twin's answers to {@link #prepared}, taken as they are checked. */
    private PendingAnswers answers;
    /** How many of {@link #prepared} have been checked. */
    private int taken;

    IsolationOracle(SessionSetting setting) {
        this.subject = setting.subject().getOrElseThrow(() -> new IllegalArgumentException("isolation needs a subject"));
        this.shape = new Isolation(subject);
        this.twin = setting.factory().create(setting.configuration());
    }

    @Override
    public void ahead(Vector<? extends Input> batch) {
        if (twin == null) {
            return;
        }
        if (taken < prepared.size()) {
            close(); // the last batch was not checked to its end: the twin is ahead of the session
            return;
        }
        Isolation lookahead = shape.copy();
        Vector<Input> share = Vector.empty();
        for (Input input : batch) {
            if (!lookahead.accept(input)) {
                break;
            }
            if (Isolation.inProgram(input, subject)) {
                share = share.append(input);
            }
        }
        prepared = share;
        taken = 0;
        try {
            answers = share.isEmpty() ? null : twin.send(share);
        } catch (RuntimeException e) {
            close(); // a twin that fails judges nothing
        }
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
        Option<Observation> answer = alone(input);
        if (answer.isEmpty()) {
            close();
            return Option.none();
        }
        Observation alone = answer.get();
        if (!Isolation.observedBySubject(input, subject) || alone.equals(observation)) {
            return Option.none();
        }
        String description = "input:    " + input + "\nobserved: " + observation
                + "\nexpected: " + alone + " (what " + subject + " observes when the other apps do nothing)"
                + "\nclause:   " + CLAUSE.citation();
        return Option.some(new Violation(Property.ISOLATION, Option.some(CLAUSE), step, input, Option.some(observation),
                description, Option.none()));
    }

    /**
     * What the twin answers to {@code input}, the next input of the subject's program: prepared ahead, or
     * applied now when nothing is; none when the twin failed (or, prepared for another input, is out of step).
     */
    private Option<Observation> alone(Input input) {
        try {
            if (taken < prepared.size()) {
                return prepared.get(taken++) == input ? Option.some(answers.next()) : Option.none();
            }
            return Option.some(twin.apply(input));
        } catch (RuntimeException e) {
            return Option.none();
        }
    }

    @Override
    public Option<Violation> unanswered(int step, Input input, RuntimeException failure) {
        close();
        return Option.none();
    }

    @Override
    public void close() {
        prepared = Vector.empty();
        answers = null;
        taken = 0;
        if (twin != null) {
            SystemUnderTest closing = twin;
            twin = null;
            closing.close();
        }
    }
}
