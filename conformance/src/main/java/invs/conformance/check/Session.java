package invs.conformance.check;

import invs.conformance.coverage.CornerDetector;
import invs.conformance.coverage.Statistics;
import invs.conformance.shadow.KernelShadow;
import invs.conformance.sut.SystemUnderTest;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.trace.TraceStep;
import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.model.FactoredFrontier;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * One sequence in lockstep: a fresh system under test and the specification driven by the same inputs,
 * every checked {@link Property} judged after every step by its oracle. This is the only place where a
 * system under test meets the checks: campaigns, shrinking, replay, guided fuzzing, the contract suite and
 * exhaustive exploration all run sequences through it. It stops at the first violation: later inputs are
 * refused.
 *
 * <p>Use: {@code try (Session session = Session.open(configuration, factory, Checks.online())) {
 * session.step(input); … }}, or {@link #run} for a whole sequence. A system that
 * {@link SystemUnderTest#pipelines() pipelines} is better driven in batches, the next sent before the last
 * is judged ({@link #send}, {@link #judgeSent}), their inputs aimed by a forecast of the answers.
 */
public final class Session implements AutoCloseable {
    /** How many inputs {@link #run} (and a campaign try) hands a pipelining system at once. */
    public static final int BATCH = 64;
    /** How many batches {@link #run} (and a campaign try) sends a pipelining system before judging the first. */
    public static final int AHEAD = 2;

    /**
     * The most states of the specification's frontier a campaign try goes on with ({@link #beyondBound()}): past
     * it, writes that may fault while their app never yields cost far more than they check (docs/conformance.md).
     */
    public static final int FRONTIER_BOUND = 2_048;

    private final Configuration configuration;
    private final SystemUnderTest system;
    private final KernelShadow shadow;
    private final Oracles oracles;
    /** The lockstep oracle, null when lockstep is not checked. */
    private final ModelOracle model;
    private final CornerDetector corners;
    private final Statistics statistics;
    private final StepTimer timer;
    private final Steps steps = new Steps();
    private Violation violation;
    private Observation last;
    private boolean bounded;
    /** When {@link #judgeSent} stops judging ({@link #stopJudgingAt}); never by default. */
    private long judgeUntil = Long.MAX_VALUE;
    /** Whether the session stopped mid-batch: at its frontier bound or deadline, or where the specification gave up. */
    private boolean stopped;
    /** Batches sent and not yet judged, oldest first. */
    private final SentBatches sent = new SentBatches();

    private Session(Configuration configuration, SystemUnderTestFactory factory, Checks checks, Statistics statistics) {
        this.configuration = configuration;
        this.statistics = statistics;
        this.shadow = new KernelShadow(configuration);
        SessionSetting setting = new SessionSetting(configuration, factory, checks.subject(), shadow,
                checks.stepBound());
        this.timer = new StepTimer(statistics);
        this.oracles = new Oracles(checks, setting, timer);
        this.model = oracles.model();
        this.corners = new CornerDetector(configuration, statistics, shadow);
        long created = System.nanoTime();
        SystemUnderTest made;
        try {
            made = factory.create(configuration);
        } catch (RuntimeException e) {
            oracles.close();
            throw e;
        }
        this.system = made;
        statistics.time(0, System.nanoTime() - created, 0);
    }

    /**
     * A session on a fresh system of {@code factory} for {@code configuration}, checking {@code checks},
     * counting into {@code statistics}.
     */
    public static Session open(Configuration configuration, SystemUnderTestFactory factory, Checks checks,
                               Statistics statistics) {
        return new Session(configuration, factory, checks, statistics);
    }

    /** A session with statistics of its own. */
    public static Session open(Configuration configuration, SystemUnderTestFactory factory, Checks checks) {
        return open(configuration, factory, checks, new Statistics());
    }

    /**
     * Runs {@code inputs} on a fresh system, in batches {@link #send sent} {@link #AHEAD} ahead, until the
     * first violation and closes it: what ran, with the observations and the violation, if any.
     */
    public static Run run(Configuration configuration, SystemUnderTestFactory factory, Checks checks,
                          Iterable<? extends Input> inputs, Statistics statistics) {
        try (Session session = open(configuration, factory, checks, statistics)) {
            session.stepInBatches(Vector.ofAll(inputs), Vector.empty());
            return session.result();
        }
    }

    /** Like {@link #run(Configuration, SystemUnderTestFactory, Checks, Iterable, Statistics)}, with its own statistics. */
    public static Run run(Configuration configuration, SystemUnderTestFactory factory, Checks checks,
                          Iterable<? extends Input> inputs) {
        return run(configuration, factory, checks, inputs, new Statistics());
    }

    /** The configuration. */
    public Configuration configuration() {
        return configuration;
    }

    /**
     * Applies {@code input}, has every oracle judge the observation: the violation it shows, if any (the session
     * is over after one, or a step where the specification gave up, {@link #undecided}).
     * @throws IllegalStateException after a violation or a stop, or while batches sent wait to be judged
     */
    public Option<Violation> step(Input input) {
        requireOngoing();
        sent.requireNone();
        timer.begin();
        Observation observation;
        try {
            observation = system.apply(input);
        } catch (RuntimeException failure) {
            return unanswered(input, failure);
        }
        judge(input, observation);
        return violation();
    }

    /**
     * Sends {@code inputs} ({@link #send}) and judges them ({@link #judgeSent}): the first violation, if any.
     * @throws IllegalStateException after a violation, or while batches sent before wait to be judged
     */
    public Option<Violation> stepAll(Vector<? extends Input> inputs) {
        sent.requireNone();
        send(inputs, Vector.empty());
        return judgeSent();
    }

    /**
     * Sends {@code inputs} to the system ({@link SystemUnderTest#send}: a pipelining system gets them all
     * before answering the first) after the batches sent before, unjudged: {@link #judgeSent} judges batch by
     * batch, in order, so a campaign sends its next batch before judging the last. {@code forecast} holds the
     * answers expected for the first inputs, if any (the system may read answers faster with them; they are
     * judged as they are). A pipelining system's batch is shown to the oracles as it is sent (the isolation
     * check hands its second system its share at once).
     * @throws IllegalStateException after a violation or a stop
     */
    public void send(Vector<? extends Input> inputs, Vector<Observation> forecast) {
        requireOngoing();
        long start = System.nanoTime();
        sent.add(inputs, system.send(inputs, forecast));
        long ahead = System.nanoTime();
        if (system.pipelines()) {
            oracles.ahead(inputs);
        }
        statistics.time(0, ahead - start, System.nanoTime() - ahead);
    }

    /**
     * Sends {@code inputs} in batches of {@link #BATCH}, {@link #AHEAD} ahead, each with its share of {@code forecast}
     * ({@link #send}), and judges them ({@link #judgeSent}) until the first violation or a stop: how many were sent.
     */
    public int stepInBatches(Vector<? extends Input> inputs, Vector<Observation> forecast) {
        int from = 0;
        while (violation == null && !stopped && (from < inputs.size() || sent.size() > 0)) {
            for (; from < inputs.size() && sent.size() < AHEAD; from = Math.min(inputs.size(), from + BATCH)) {
                send(inputs.slice(from, from + BATCH), forecast.slice(from, from + BATCH));
            }
            judgeSent();
        }
        return from;
    }

    /** How many batches {@link #send sent} wait to be judged (after the session ended: whose answers wait). */
    public int unjudged() {
        return sent.size();
    }

    /**
     * Judges the oldest batch {@link #send sent}, each answer as it comes, as {@link #step} would: the first
     * violation, if any. The steps end with the violating one; the answers after it are not taken (nor once
     * a session told to is beyond its frontier bound or past its deadline, {@link #stopAtFrontierBound},
     * {@link #stopJudgingAt}, nor after a step where the specification gave up); {@link #applyUnchecked} takes
     * them.
     * @throws IllegalStateException after a violation or a stop, or when no batch waits to be judged
     */
    public Option<Violation> judgeSent() {
        requireOngoing();
        SentBatches.Batch batch = sent.oldest();
        if (batch == null) {
            throw new IllegalStateException("no batch sent waits to be judged");
        }
        for (int index = 0; index < batch.inputs().size(); index++) {
            if (index > 0 && judgeUntil != Long.MAX_VALUE && System.nanoTime() >= judgeUntil) {
                stopped = true; // past the deadline, before an answer more: a batch judged to its end never stops
                return Option.none();
            }
            Input input = batch.inputs().get(index);
            Observation observation;
            timer.begin();
            try {
                observation = batch.answers().next();
            } catch (RuntimeException failure) {
                sent.failed(batch.inputs().size() - index - 1);
                return unanswered(input, failure);
            }
            judge(input, observation);
            if (violation != null) {
                return Option.some(violation);
            }
            if (stopped || bounded && beyondBound()) {
                stopped = true;
                return Option.none();
            }
        }
        sent.judged();
        return Option.none();
    }

    /**
     * Whether the frontier holds more than {@link #FRONTIER_BOUND} states, or the specification gave up
     * ({@link #undecided}; never without lockstep): a campaign try stops there, without a verdict on the rest.
     */
    public boolean beyondBound() {
        return undecided().isDefined() || model != null && model.frontier().width() > FRONTIER_BOUND;
    }

    /**
     * Where and why the specification gave up following the observations, if it did: a step that left more
     * states open than it follows ({@link invs.spec.model.TooManyStates}). Every session stops there, without
     * a verdict on that step or the ones after it.
     */
    public Option<String> undecided() {
        return model == null ? Option.none() : model.undecided();
    }

    /**
     * Has {@link #stepAll} stop judging a batch once the frontier is {@link #beyondBound() beyond its bound}
     * (a campaign try, which then stops); other sessions (replay, shrinking) judge every input they apply.
     */
    public void stopAtFrontierBound() {
        bounded = true;
    }

    /**
     * Has {@link #judgeSent} stop before an answer (not a batch's first) once {@code deadline} ({@link System#nanoTime})
     * has passed: a campaign try whose time is up stops there, without a verdict on the answers not judged.
     */
    public void stopJudgingAt(long deadline) {
        judgeUntil = deadline;
    }

    /** Whether the session stopped judging mid-batch (see {@link #stopAtFrontierBound}, {@link #stopJudgingAt}). */
    public boolean stopped() {
        return stopped;
    }

    /** Whether the system is better driven in batches ({@link SystemUnderTest#pipelines()}). */
    public boolean pipelines() {
        return system.pipelines();
    }

    private void requireOngoing() {
        if (violation != null) {
            throw new IllegalStateException("the session ended with a violation at step " + (violation.step() + 1));
        }
        if (stopped) {
            throw new IllegalStateException("the session stopped at step " + steps.size());
        }
    }

    /** Records {@code input}, which the system failed to answer with {@code failure}, and judges that. */
    private Option<Violation> unanswered(Input input, RuntimeException failure) {
        int index = steps.size();
        timer.unanswered();
        steps.add(input, null);
        end(index, oracles.unanswered(index, input, failure));
        return violation();
    }

    /**
     * Records {@code input} answered with {@code observation} and has the oracles judge it, until one finds
     * a violation; the step's time is counted if it is one of those timed ({@link StepTimer}).
     */
    private void judge(Input input, Observation observation) {
        int index = steps.size();
        timer.answered();
        Violation found = oracles.check(index, input, observation);
        last = observation;
        steps.add(input, observation);
        end(index, found);
        stopped |= found == null && undecided().isDefined();
        if (found == null) {
            corners.record(input, observation);
        } else {
            corners.rejected(input);
        }
        shadow.observe(input, observation);
        if (model != null) {
            statistics.frontier((int) Math.min(Integer.MAX_VALUE, model.frontier().width()));
        }
        timer.judged();
    }

    /** Ends the session at step {@code index} when {@code found} is a violation (not null). */
    private void end(int index, Violation found) {
        if (found != null) {
            violation = found;
            steps.note(index, found.summary());
        }
    }

    /**
     * After the session ended, applies {@code inputs} unchecked, to show what a system does after a violation
     * or a stop (replay): the answers to the inputs {@link #send sent} and not judged (in the order sent), then
     * to {@code inputs}, sent at once; none for an input the system did not answer, and for every input after
     * it in its batch.
     * @throws IllegalStateException while the session goes on
     */
    public Vector<Option<Observation>> applyUnchecked(Vector<? extends Input> inputs) {
        if (violation == null && !stopped) {
            throw new IllegalStateException("the session goes on: its inputs are checked");
        }
        return sent.drainThenApply(system, inputs);
    }

    /** The observation of the last step the system answered, if any. */
    public Option<Observation> lastObservation() {
        return Option.of(last);
    }

    /** The violation that ended the session, if any. */
    public Option<Violation> violation() {
        return Option.of(violation);
    }

    /** How many steps ran so far. */
    public int stepCount() {
        return steps.size();
    }

    /** The observation of step {@code step} (counted from 0), none when the system did not answer it. */
    public Option<Observation> observation(int step) {
        return steps.observation(step);
    }

    /** The steps so far, with their observations. */
    public Vector<TraceStep> steps() {
        return steps.traced();
    }

    /** What ran so far: the steps and the violation, if any. */
    public Run result() {
        return new Run(configuration, steps(), violation());
    }

    /** The specification's states consistent with the observations, when lockstep is checked. */
    public Option<FactoredFrontier> frontier() {
        return model == null ? Option.none() : Option.some(model.frontier());
    }

    /** The environment events the system under test supports. */
    public java.util.Set<invs.conformance.sut.Capability> capabilities() {
        return system.capabilities();
    }

    /** The kernel state the observations show. */
    public KernelShadow shadow() {
        return shadow;
    }

    /** Whether the last step begun is one whose time is counted ({@link StepTimer}: one in {@link StepTimer#EVERY}). */
    public boolean lastStepTimed() {
        return timer.timing();
    }

    /** The statistics this session counts into. */
    public Statistics statistics() {
        return statistics;
    }

    @Override
    public void close() {
        try {
            system.close();
        } finally {
            oracles.close();
        }
    }
}
