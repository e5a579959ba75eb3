package invs.fuzz.campaign;

import invs.conformance.campaign.Finding;
import invs.conformance.check.Isolation;
import invs.conformance.check.Property;
import invs.conformance.check.Session;
import invs.conformance.shrink.Shrinker;
import invs.conformance.check.Violation;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.trace.Trace;
import invs.conformance.trace.TraceCodec;
import invs.conformance.trace.TraceHeader;
import invs.conformance.trace.TraceStep;
import invs.spec.AppId;
import invs.spec.Configuration;
import invs.spec.Input;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns a {@link Counterexample} into a {@link Finding}: runs it again, shrinks it with the engine's
 * {@link Shrinker} (same property and clause, or another clause of the same property when that gives a much
 * shorter sequence), records the shrunk sequence's observations as a trace and
 * writes the trace file. Used by random campaigns and guided fuzzing alike, so every finding ends up in the
 * same trace format.
 */
public final class CounterexampleShrinker {
    private final String system;
    private final SystemUnderTestFactory factory;
    private final Vector<Property> properties;
    private final Duration shrinkTime;
    private final Option<Path> traces;
    private final Option<SystemUnderTestFactory> baseline;

    /**
     * A shrinker for findings of {@code system} (its label, used in trace headers and file names) made by
     * {@code factory}, checking {@code properties}, spending at most {@code shrinkTime} on each, writing
     * traces into the directory {@code traces} if given; with a {@code baseline}, a sequence counts only if
     * the baseline passes it.
     */
    public CounterexampleShrinker(String system, SystemUnderTestFactory factory, Vector<Property> properties,
                                  Duration shrinkTime, Option<Path> traces, Option<SystemUnderTestFactory> baseline) {
        this.system = system;
        this.factory = factory;
        this.properties = properties.filter(Property.online()::contains);
        this.shrinkTime = shrinkTime;
        this.traces = traces;
        this.baseline = baseline;
    }

    /**
     * The violation {@code inputs} show on a fresh system, checking the online properties (or isolation of
     * {@code subject}); none when the baseline shows a violation on the same inputs too.
     */
    public Option<Violation> reproduce(Configuration configuration, Vector<Input> inputs, Option<AppId> subject) {
        return violation(factory, configuration, inputs, subject).filter(found -> baseline.forAll(reference ->
                violation(reference, configuration, inputs.take(found.step() + 1), subject).isEmpty()));
    }

    private Option<Violation> violation(SystemUnderTestFactory source, Configuration configuration, Vector<Input> inputs,
                                        Option<AppId> subject) {
        if (subject.isDefined()) {
            return Isolation.check(configuration, source, inputs, subject.get());
        }
        try (Session session = Session.open(configuration, source.create(configuration), properties)) {
            for (Input input : inputs) {
                if (session.step(input).isDefined()) {
                    break;
                }
            }
            return session.violation();
        }
    }

    /**
     * Every counterexample shrunk (on {@code threads} threads), then one finding per rule the shrunk
     * sequences break (shrinking may end on another clause of the same property, so two counterexamples can
     * meet), in the counterexamples' order, their occurrences summed, each trace written if traces are kept.
     */
    public Vector<CampaignOutcome.ShrunkFinding> shrinkAll(Vector<Counterexample> counterexamples, int threads) {
        Finding[] shrunk = new Finding[counterexamples.size()];
        AtomicInteger next = new AtomicInteger();
        Workers.run(Math.min(threads, Math.max(1, counterexamples.size())), () -> {
            for (int index = next.getAndIncrement(); index < shrunk.length; index = next.getAndIncrement()) {
                shrunk[index] = shrink(counterexamples.get(index));
            }
        });
        Map<String, CampaignOutcome.ShrunkFinding> byRule = new LinkedHashMap<>();
        for (int index = 0; index < shrunk.length; index++) {
            Finding finding = shrunk[index];
            Counterexample origin = counterexamples.get(index);
            byRule.merge(finding.key(), new CampaignOutcome.ShrunkFinding(origin, finding), (first, later) ->
                    new CampaignOutcome.ShrunkFinding(first.origin(), withOccurrences(first.finding(),
                            first.finding().occurrences() + later.finding().occurrences())));
        }
        return Vector.ofAll(byRule.values()).map(found -> new CampaignOutcome.ShrunkFinding(found.origin(),
                save(found.finding())));
    }

    /** The shrunk finding of {@code counterexample} (its trace not written yet). */
    public Finding shrink(Counterexample counterexample) {
        long start = System.nanoTime();
        Option<Violation> again = reproduce(counterexample.configuration(), counterexample.inputs(),
                counterexample.subject()).filter(violation -> violation.key().equals(counterexample.key()));
        Configuration configuration = counterexample.configuration();
        Vector<Input> inputs = counterexample.inputs();
        String description;
        Option<Violation> shown = again;
        if (again.isDefined()) {
            Shrinker.Result shrunk = new Shrinker((config, candidate) -> reproduce(config, candidate,
                    counterexample.subject()), shrinkTime, counterexample.subject().isEmpty())
                    .shrink(configuration, inputs, again.get());
            configuration = shrunk.configuration();
            inputs = shrunk.inputs();
            shown = Option.some(shrunk.violation());
            description = shrunk.violation().description();
        } else {
            description = "(" + counterexample.key() + " did not show again when the sequence was run once more,"
                    + " so it was not shrunk: the system under test may not be deterministic)";
        }
        Trace trace = record(counterexample, configuration, inputs, shown, description);
        Violation last = shown.getOrNull();
        return new Finding(counterexample.property(), last == null ? Option.none() : last.clause(),
                counterexample.seed(), counterexample.configurationName(), counterexample.inputs().size(), trace,
                description, counterexample.foundAfter(), Duration.ofNanos(System.nanoTime() - start),
                counterexample.occurrences(), Option.none());
    }

    /** {@code finding} with its trace written to a file named after the system, the rule and the seed, if traces are kept. */
    public Finding save(Finding finding) {
        Option<Path> file = traces.map(directory -> directory.resolve(fileName(finding)));
        file.forEach(path -> TraceCodec.write(finding.trace(), path));
        return new Finding(finding.property(), finding.clause(), finding.seed(), finding.configurationName(),
                finding.originalLength(), finding.trace(), finding.description(), finding.foundAfter(),
                finding.shrinkTime(), finding.occurrences(), file);
    }

    private static Finding withOccurrences(Finding finding, int occurrences) {
        return new Finding(finding.property(), finding.clause(), finding.seed(), finding.configurationName(),
                finding.originalLength(), finding.trace(), finding.description(), finding.foundAfter(),
                finding.shrinkTime(), occurrences, finding.traceFile());
    }

    /** The inputs run once more, with no property checked, to record their observations. */
    private Trace record(Counterexample counterexample, Configuration configuration, Vector<Input> inputs,
                         Option<Violation> violation, String description) {
        Vector<TraceStep> steps;
        try (Session session = Session.open(configuration, factory.create(configuration), Vector.empty())) {
            for (Input input : inputs) {
                if (session.step(input).isDefined()) {
                    break;
                }
            }
            steps = session.steps();
        }
        if (violation.isDefined() && violation.get().step() < steps.size()) {
            int at = violation.get().step();
            steps = steps.update(at, steps.get(at).withNote(violation.get().summary()));
        }
        TraceHeader header = TraceHeader.of(configuration, counterexample.seed(), system)
                .withProperty(counterexample.property().label())
                .withDescription(description);
        if (counterexample.subject().isDefined()) {
            header = header.withSubject(counterexample.subject().get().slot());
        }
        return new Trace(header, steps);
    }

    private String fileName(Finding finding) {
        String rule = finding.key().replace(':', '-').toLowerCase(Locale.ROOT);
        return String.format("%s-%s-%016x.jsonl", system.replaceAll("[^A-Za-z0-9_.-]", "_"), rule, finding.seed());
    }
}
