package invs.conformance.campaign;

import invs.conformance.check.Checks;
import invs.conformance.check.Run;
import invs.conformance.check.Session;
import invs.conformance.generation.Swarm;
import invs.conformance.shrink.Shrinker;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.trace.Trace;
import invs.conformance.trace.TraceHeader;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The triage of scenarios: sequences written out rather than generated from a seed, such as the upstream
 * libtock-c test apps and the interruption scenarios of the contract suite. A scenario's failure is shrunk as
 * a campaign's finding is ({@link Triage}: keeping its rule, with every outcome made visible when it showed
 * only in data, the board simplified too), and its trace is written into a directory under a name of its own
 * (the system, the scenario and the rule broken; a name taken gets a numbered suffix, as a campaign's do), so
 * that {@code invs replay} and {@code invs check-trace} take it as they take a campaign's. A scenario fails
 * once: nothing is grouped into causes. No seed made the sequence: the finding and the trace header have seed
 * 0, and the header's description names the scenario.
 */
public final class ScenarioTriage {
    private final String system;
    private final SystemUnderTestFactory factory;
    private final Duration shrinkTime;
    private final TraceDirectory traces;

    /**
     * A triage for scenarios run on systems called {@code system} made by {@code factory}, shrinking each failure
     * for at most {@code shrinkTime} and writing its trace into {@code traces} if given.
     */
    public ScenarioTriage(String system, SystemUnderTestFactory factory, Duration shrinkTime, Option<Path> traces) {
        this.system = system;
        this.factory = factory;
        this.shrinkTime = shrinkTime;
        this.traces = new TraceDirectory(traces, system);
    }

    /**
     * The finding of the scenario {@code scenario}, which ran on the board called {@code board} and broke one of
     * {@code checks} ({@code failing}, ending at the step that broke it): shrunk, with its trace written.
     *
     * @throws IllegalArgumentException when {@code failing} broke nothing
     */
    public Finding shrink(String scenario, String board, Run failing, Checks checks) {
        if (failing.violation().isEmpty()) {
            throw new IllegalArgumentException("the scenario " + scenario + " broke nothing");
        }
        Shrinker.Reproduction reproduction = (configuration, inputs) -> Session.run(configuration, factory, checks, inputs);
        Shrinker.Result shrunk = Triage.shrunk(failing, checks, reproduction, shrinkTime);
        Trace trace = Triage.trace(system, 0, checks, shrunk.run(), scenario + " on " + board + ":\n");
        Option<Path> file = traces.create(scenario + " on " + board + " " + shrunk.violation().key(), trace);
        return new Finding(shrunk.violation(), checks, 0, board, failing.steps().size(), trace, Duration.ZERO,
                shrunk.took(), 1, file, scenario, Swarm.everything());
    }

    /**
     * Writes {@code run}, what the scenario {@code scenario} ran on the board called {@code board} before the
     * specification gave up following it ({@code why}), whole: with no rule broken there is nothing to shrink
     * it towards, and the trace lets {@code invs check-trace} follow it with a larger step bound. The file, if
     * it could be written.
     */
    public Option<Path> saveUndecided(String scenario, String board, Run run, String why) {
        TraceHeader header = TraceHeader.of(run.configuration(), 0, system)
                .withDescription(scenario + " on " + board + ": not checked to the end: " + why);
        return traces.create(scenario + " on " + board + " undecided", new Trace(header, run.steps()));
    }

    /** What could not be written, one line each. */
    public Vector<String> problems() {
        return traces.problems();
    }
}
