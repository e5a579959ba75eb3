package invs.conformance.engine;

import invs.conformance.sut.SystemUnderTest;
import invs.conformance.trace.TraceStep;
import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.model.Frontier;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One sequence in lockstep: a system under test and the specification driven by the same inputs, with
 * the online properties checked after every step. Stops at the first violation: later inputs are refused.
 *
 * <p>Use: {@code try (Session session = Session.open(configuration, system, Property.online())) {
 * session.step(input); … }}.
 */
public final class Session implements AutoCloseable {
    private final Configuration configuration;
    private final SystemUnderTest system;
    private final ModelOracle model;
    private final List<Oracle> others = new ArrayList<>();
    private final CornerDetector corners;
    private final Statistics statistics;
    private final List<TraceStep> steps = new ArrayList<>();
    private Violation violation;
    private Observation last;

    private Session(Configuration configuration, SystemUnderTest system, Vector<Property> properties,
                    Statistics statistics) {
        this.configuration = configuration;
        this.system = system;
        this.statistics = statistics;
        this.model = properties.contains(Property.LOCKSTEP) ? new ModelOracle(configuration) : null;
        if (properties.contains(Property.LIVENESS)) {
            others.add(new LivenessOracle(configuration));
        }
        if (properties.contains(Property.DURABILITY)) {
            others.add(new DurabilityOracle(configuration));
        }
        this.corners = new CornerDetector(configuration, statistics);
    }

    /**
     * A session over {@code system} (fresh, in its power-on state) checking {@code properties} (those of
     * {@link Property#online()}; {@link Property#ROBUSTNESS} always), counting into {@code statistics}.
     */
    public static Session open(Configuration configuration, SystemUnderTest system, Vector<Property> properties,
                               Statistics statistics) {
        return new Session(configuration, system, properties, statistics);
    }

    /** A session checking {@code properties} with statistics of its own. */
    public static Session open(Configuration configuration, SystemUnderTest system, Vector<Property> properties) {
        return open(configuration, system, properties, new Statistics());
    }

    /** The configuration. */
    public Configuration configuration() {
        return configuration;
    }

    /**
     * Applies {@code input} to the system, checks the observation, and returns the violation it shows, if
     * any. After a violation the session is over.
     *
     * @throws IllegalStateException after a violation
     */
    public Option<Violation> step(Input input) {
        if (violation != null) {
            throw new IllegalStateException("the session ended with a violation at step " + (violation.step() + 1));
        }
        int index = steps.size();
        long start = System.nanoTime();
        Observation observation;
        try {
            observation = system.apply(input);
        } catch (RuntimeException e) {
            statistics.time(0, System.nanoTime() - start, 0);
            steps.add(TraceStep.of(input));
            violation = new Violation(Property.ROBUSTNESS, Option.none(), index, input, Option.none(),
                    "input:    " + input + "\nthrew:    " + e);
            return Option.some(violation);
        }
        long applied = System.nanoTime();
        last = observation;
        steps.add(TraceStep.of(input, observation));
        Option<Violation> found = model == null ? Option.none() : model.check(index, input, observation);
        long modelled = System.nanoTime();
        for (int i = 0; i < others.size() && found.isEmpty(); i++) {
            found = others.get(i).check(index, input, observation);
        }
        corners.record(input, observation);
        if (model != null) {
            statistics.frontier(model.frontier().states().size());
        }
        statistics.time(modelled - applied, applied - start, System.nanoTime() - modelled);
        if (found.isDefined()) {
            violation = found.get();
            steps.set(index, steps.get(index).withNote(violation.summary()));
        }
        return found;
    }

    /** The observation of the last step, if any step answered. */
    public Option<Observation> lastObservation() {
        return Option.of(last);
    }

    /** The violation that ended the session, if any. */
    public Option<Violation> violation() {
        return Option.of(violation);
    }

    /** The steps so far, with their observations. */
    public Vector<TraceStep> steps() {
        return Vector.ofAll(steps);
    }

    /** The specification's states consistent with the observations, when lockstep is checked. */
    public Option<Frontier> frontier() {
        return model == null ? Option.none() : Option.some(model.frontier());
    }

    /** The statistics this session counts into. */
    public Statistics statistics() {
        return statistics;
    }

    @Override
    public void close() {
        system.close();
    }

    /**
     * Runs {@code inputs} on a fresh {@code system} until the first violation; returns the session (closed),
     * whose {@link #violation()} and {@link #steps()} tell what happened.
     */
    public static Session run(Configuration configuration, SystemUnderTest system, Vector<Property> properties,
                       Iterable<? extends Input> inputs, Statistics statistics) {
        try (Session session = open(configuration, system, properties, statistics)) {
            for (Input input : inputs) {
                if (session.step(input).isDefined()) {
                    break;
                }
            }
            return session;
        }
    }

    /** Whether {@code capabilities} allow {@code input}. */
    static boolean supported(Input input, Set<invs.conformance.sut.Capability> capabilities) {
        return InputGenerator.capabilityOf(input).map(capabilities::contains).getOrElse(true);
    }
}
