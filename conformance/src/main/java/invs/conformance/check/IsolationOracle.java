package invs.conformance.check;

import invs.conformance.sut.PendingAnswers;
import invs.conformance.sut.SystemUnderTest;
import invs.spec.AppId;
import invs.spec.Clause;
import invs.spec.Input;
import invs.spec.Observation;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * {@link Property#ISOLATION}, checked differentially without the model: a second system (the twin) runs
 * the subject's program alone, without the other apps' noise, step by step with the session; at each of
 * the subject's system calls both must show the same. The check lasts while the sequence stays a
 * well-formed scenario ({@link Isolation}); a twin that fails judges nothing.
 *
 * <p>When the session drives a pipelining system in batches, the twin gets its share of each batch as the
 * batch is sent ({@link #ahead}): the subject's program within the well-formed prefix, exactly the inputs
 * it would get one by one, in the same order, sent to it without waiting ({@link SystemUnderTest#send}), so
 * that the twin answers one batch while the session judges the one before; {@link #check} then takes the
 * twin's answers as they come.
 */
final class IsolationOracle implements Oracle {
    private static final Clause CLAUSE = Clause.INTRO_REGION;

    /** The twin's share of a batch sent ahead, and its answers, taken in order as they are checked. */
    private static final class Share {
        private final Vector<Input> inputs;
        private final PendingAnswers answers;
        private int taken;

        Share(Vector<Input> inputs, PendingAnswers answers) {
            this.inputs = inputs;
            this.answers = answers;
        }
    }

    private final AppId subject;
    private final Isolation shape;
    /**
     * The shape of the inputs sent in batches so far: {@link #shape} as it will be once they are all
     * checked (null until a batch is sent, and again after a step of its own).
     */
    private Isolation sentShape;
    /** Whether an input sent left the well-formed prefix: no later one goes to the twin. */
    private boolean sentPastPrefix;
    private SystemUnderTest twin;
    /** The twin's shares of the batches sent and not yet checked to their end, oldest first. */
    private final Deque<Share> shares = new ArrayDeque<>();

    IsolationOracle(SessionSetting setting) {
        this.subject = setting.subject().getOrElseThrow(() -> new IllegalArgumentException("isolation needs a subject"));
        this.shape = new Isolation(subject);
        this.twin = setting.factory().create(setting.configuration());
    }

    @Override
    public void ahead(Vector<? extends Input> batch) {
        if (twin == null || sentPastPrefix) {
            return;
        }
        if (sentShape == null) {
            sentShape = shape.copy();
        }
        Vector<Input> share = Vector.empty();
        for (Input input : batch) {
            if (!sentShape.accept(input)) {
                sentPastPrefix = true;
                break;
            }
            if (Isolation.inProgram(input, subject)) {
                share = share.append(input);
            }
        }
        if (share.isEmpty()) {
            return;
        }
        try {
            shares.add(new Share(share, twin.send(share)));
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
                description, Option.none(), Option.some(alone)));
    }

    /**
     * What the twin answers to {@code input}, the next input of the subject's program: sent ahead with its
     * batch, or applied now when the session does not send batches; none when the twin failed (or, sent
     * another input, is out of step).
     */
    private Option<Observation> alone(Input input) {
        try {
            while (!shares.isEmpty() && shares.peek().taken == shares.peek().inputs.size()) {
                shares.poll();
            }
            if (shares.isEmpty()) { // a step of its own: every input sent before it has been checked
                sentShape = null;
                return Option.some(twin.apply(input));
            }
            Share share = shares.peek();
            return share.inputs.get(share.taken++) == input ? Option.some(share.answers.next()) : Option.none();
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
        shares.clear();
        if (twin != null) {
            SystemUnderTest closing = twin;
            twin = null;
            closing.close();
        }
    }
}
