package invs.conformance.campaign;

import invs.conformance.board.NamedConfiguration;
import invs.conformance.check.Checks;
import invs.conformance.check.Forecast;
import invs.conformance.check.Property;
import invs.conformance.check.Run;
import invs.conformance.check.Session;
import invs.conformance.check.StepTimer;
import invs.conformance.check.Violation;
import invs.conformance.coverage.Statistics;
import invs.conformance.generation.InputGenerator;
import invs.conformance.generation.IsolationScenario;
import invs.conformance.generation.Swarm;
import invs.conformance.sut.Capability;
import invs.conformance.sut.SystemUnderTest;
import invs.spec.AppId;
import invs.spec.Configuration;
import invs.spec.Input;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.Set;

/**
 * Runs one try of a campaign: a generated sequence checked step by step in a {@link Session}, or, for a
 * share of the tries when isolation is checked, an isolation scenario. A system that pipelines is handed
 * its inputs in batches that grow within a try and from one passing try to the next ({@link BatchPace}), the
 * next one sent before the last is judged, and a
 * campaign begins its next try before it finishes this one ({@link #begin}, {@link BatchedTry}): the
 * generator aims each input of a batch by a {@link Forecast} of the answers ({@link AimedBatches}). A
 * try stops early, without a verdict on the inputs it did not run, once the specification's frontier is
 * beyond {@link Session#FRONTIER_BOUND}, or once the campaign's time for running tries is up (after its
 * first input: a long try honours the budget's time too, and the campaign is then not complete).
 */
final class TryRunner {
    /**
     * An isolation scenario runs in slices of this many inputs, the deadline checked between them: as many
     * batches as a slice holds go through a pipelining system without a pause.
     */
    static final int SLICE = 16 * Session.BATCH;
    /** One try in this many is an isolation scenario (when {@link Property#ISOLATION} is checked). */
    static final int ISOLATION_EVERY = 6;

    private final CampaignSettings settings;
    private final Checks online;
    private final long start;
    private final long deadline;
    private volatile Set<Capability> known;

    /** Runs the tries of a campaign begun at {@code start} whose tries must stop at {@code deadline} (nanoseconds). */
    TryRunner(CampaignSettings settings, long start, long deadline) {
        this.settings = settings;
        this.online = Checks.of(settings.properties());
        this.start = start;
        this.deadline = deadline;
    }

    /** The system's capabilities, once a try has learnt them (empty before). */
    Set<Capability> capabilities() {
        Set<Capability> capabilities = known;
        return capabilities == null ? Set.of() : capabilities;
    }

    /** Whether the try with {@code trySeed} is an isolation scenario (when isolation is checked at all). */
    static boolean isIsolationTry(long trySeed) {
        return Math.floorMod(trySeed >>> 7, ISOLATION_EVERY) == 0;
    }

    /**
     * Begins try {@code index} on {@code board} with {@code trySeed}: against a system that pipelines, a
     * lockstep try or an isolation scenario is opened and its first batches are sent ({@link BatchedTry},
     * {@link IsolationTry}), and {@link BegunTry#finish} judges them, so that a campaign begins its next try
     * before it finishes this one and the system works on one try while the engine judges the other; against
     * any other system a try runs whole here. {@code pace} is the campaign thread's: it sizes the batches of a try
     * or a scenario sent to a system that pipelines, and learns from it once it is finished.
     */
    BegunTry begin(long index, NamedConfiguration board, long trySeed, Statistics statistics, BatchPace pace) {
        Configuration configuration = board.configuration();
        Set<Capability> capabilities = capabilities(configuration, statistics);
        Swarm swarm = settings.swarm() ? Swarm.draw(trySeed, configuration.apps().size()) : Swarm.everything();
        Vector<AppId> subjects = IsolationScenario.subjects(configuration);
        boolean onlyIsolation = settings.properties().forAll(p -> p == Property.ISOLATION || p == Property.ROBUSTNESS);
        if (settings.properties().contains(Property.ISOLATION) && (onlyIsolation || isIsolationTry(trySeed))
                && !subjects.isEmpty() && capabilities.contains(Capability.DRAIN)) {
            AppId subject = subjects.get(Math.floorMod(trySeed, subjects.size()));
            settings.listener().tryStarted(index, board, trySeed, Property.ISOLATION);
            Vector<Input> inputs = IsolationScenario.generate(configuration, subject, capabilities, trySeed,
                    settings.budget().steps());
            Checks checks = Checks.isolationOf(subject);
            Session session = Session.open(configuration, settings.factory(), checks, statistics);
            if (session.pipelines()) {
                return new IsolationTry(session, inputs, deadline, statistics, pace,
                        run -> finished(index, board, run, checks, trySeed, Swarm.everything(), statistics));
            }
            Run run = isolationRun(session, inputs, statistics);
            return BegunTry.ended(finished(index, board, run, checks, trySeed, Swarm.everything(), statistics));
        }
        settings.listener().tryStarted(index, board, trySeed, Property.LOCKSTEP);
        InputGenerator generator = new InputGenerator(configuration, capabilities, trySeed, swarm);
        Session session = Session.open(configuration, settings.factory(), online, statistics);
        session.stopAtFrontierBound();
        if (session.pipelines()) {
            return new BatchedTry(session, generator, settings.budget().steps(), deadline, statistics, pace,
                    run -> finished(index, board, run, online, trySeed, swarm, statistics));
        }
        try (session) {
            // The clock is read once a step here, for the deadline. On the steps the session times (one in
            // StepTimer.EVERY) the generator's time is the step's less what the session counted, counted as
            // many times over as the session counts it (a reading costs about as much as the implementation's
            // simplest answers).
            long before = System.nanoTime();
            for (int step = 0; step < settings.budget().steps(); step++) {
                if (step > 0 && before >= deadline) {
                    statistics.stoppedAtDeadline();
                    break;
                }
                long counted = statistics.timedNanos();
                Input input = generator.next();
                Option<Violation> violation = session.step(input);
                boolean beyond = violation.isEmpty() && session.beyondBound();
                if (violation.isEmpty() && !beyond) {
                    generator.observe(input, session.lastObservation().get());
                }
                long after = System.nanoTime();
                if (session.lastStepTimed()) {
                    statistics.timeAround(StepTimer.EVERY * (after - before), counted);
                }
                before = after;
                if (violation.isDefined()) {
                    break;
                }
                if (beyond) {
                    statistics.stoppedAtFrontierBound();
                    break;
                }
            }
            return BegunTry.ended(finished(index, board, session.result(), online, trySeed, swarm, statistics));
        }
    }

    /**
     * An isolation scenario's {@code inputs} run whole in the session {@code opened} (which it closes), in
     * slices of {@link #SLICE} inputs, none begun after the campaign's deadline but the first, and cut within
     * a slice at the deadline (after its first input): a scenario is generated whole, and cut there it is a
     * shorter scenario (its subject's and the others' programs,
     * interleaved as far as it went). Against a system that pipelines, {@link IsolationTry} cuts it the same way.
     */
    private Run isolationRun(Session opened, Vector<Input> inputs, Statistics statistics) {
        try (Session session = opened) {
            session.stopJudgingAt(deadline); // within a slice too: a slow system takes long over one
            for (int from = 0; from < inputs.size() && session.violation().isEmpty() && !session.stopped(); from += SLICE) {
                if (from > 0 && System.nanoTime() >= deadline) {
                    statistics.stoppedAtDeadline();
                    break;
                }
                session.stepInBatches(inputs.slice(from, from + SLICE), Vector.empty());
            }
            if (session.stopped()) {
                statistics.stoppedAtDeadline();
            }
            return session.result();
        }
    }

    /**
     * The capabilities of the system: a system's, not a board's, so learnt once from a system made for the
     * first board (and closed again).
     */
    private Set<Capability> capabilities(Configuration configuration, Statistics statistics) {
        Set<Capability> capabilities = known;
        if (capabilities == null) {
            long created = System.nanoTime();
            try (SystemUnderTest probe = settings.factory().create(configuration)) {
                statistics.time(0, System.nanoTime() - created, 0);
                capabilities = probe.capabilities();
            }
            known = capabilities;
        }
        return capabilities;
    }

    private Option<Failure> finished(long index, NamedConfiguration board, Run run, Checks checks, long trySeed, Swarm swarm,
                                     Statistics statistics) {
        statistics.sequence(); // when it finishes: a try begun and abandoned is not counted
        settings.listener().tryFinished(index, run.steps().size(), run.steps().count(step -> step.input() instanceof invs.spec.Syscall),
                run.failed());
        if (!run.failed()) {
            return Option.none();
        }
        return Option.some(new Failure(board.name(), run, checks, trySeed, index, "try " + index, swarm,
                Duration.ofNanos(System.nanoTime() - start)));
    }
}
