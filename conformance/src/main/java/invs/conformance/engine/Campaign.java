package invs.conformance.engine;

import invs.conformance.sut.Capability;
import invs.conformance.sut.SystemUnderTest;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.trace.Trace;
import invs.conformance.trace.TraceCodec;
import invs.conformance.trace.TraceHeader;
import invs.conformance.trace.TraceStep;
import invs.spec.AppId;
import invs.spec.Configuration;
import invs.spec.Input;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * A property-based test campaign: seeded tries, each a generated sequence run in lockstep against the
 * specification (or, for a share of them, an isolation scenario), every failure shrunk, replayable from
 * its trace, and reported once per property and clause.
 *
 * <pre>{@code
 * CampaignResult result = Campaign.against("reference", new ReferenceProvider())
 *         .seed(42).budget(Budget.of(300, 150, 60)).traces(Path.of("findings")).run();
 * }</pre>
 */
public final class Campaign {
    /** The seed used unless told otherwise, so that CI runs are reproducible. */
    public static final long DEFAULT_SEED = 0x50004L;
    /** One try in this many is an isolation scenario (when {@link Property#ISOLATION} is checked). */
    public static final int ISOLATION_EVERY = 6;

    private final String system;
    private final SystemUnderTestFactory factory;
    private final Vector<NamedConfiguration> configurations;
    private final long seed;
    private final Budget budget;
    private final Vector<Property> properties;
    private final CoverageRequirement coverage;
    private final CampaignListener listener;
    private final boolean stopAtFirstFinding;
    private final Duration shrinkTime;
    private final Option<Path> traces;
    private final Option<SystemUnderTestFactory> baseline;

    private Campaign(Builder builder) {
        this.system = builder.system;
        this.factory = builder.factory;
        this.configurations = builder.configurations.filter(named -> factory.supports(named.configuration()));
        this.seed = builder.seed;
        this.budget = builder.budget;
        this.properties = builder.properties;
        this.coverage = builder.coverage;
        this.listener = builder.listener;
        this.stopAtFirstFinding = builder.stopAtFirstFinding;
        this.shrinkTime = builder.shrinkTime;
        this.traces = builder.traces;
        this.baseline = builder.baseline;
        if (configurations.isEmpty()) {
            throw new IllegalArgumentException(system + " supports none of the configurations "
                    + builder.configurations.map(NamedConfiguration::name).mkString(", "));
        }
    }

    /** A campaign builder for the system {@code name} made by {@code factory}. */
    public static Builder against(String name, SystemUnderTestFactory factory) {
        return new Builder(name, factory);
    }

    /** The seed of try {@code index} of a campaign with {@code seed}: try 0 uses the campaign's seed itself. */
    public static long trySeed(long seed, int index) {
        if (index == 0) {
            return seed;
        }
        long z = seed + index * 0x9E37_79B9_7F4A_7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    /** Whether the try with {@code trySeed} is an isolation scenario (when isolation is checked at all). */
    public static boolean isIsolationTry(long trySeed) {
        return Math.floorMod(trySeed >>> 7, ISOLATION_EVERY) == 0;
    }

    /** Runs the campaign. */
    public CampaignResult run() {
        long start = System.nanoTime();
        long deadline = start + budget.time().toNanos();
        Statistics statistics = new Statistics();
        LinkedHashMap<String, Finding> findings = LinkedHashMap.empty();
        int tries = 0;
        for (int index = 0; index < budget.tries() && System.nanoTime() < deadline; index++) {
            if (stopAtFirstFinding && !findings.isEmpty()) {
                break;
            }
            tries++;
            NamedConfiguration named = configurations.get(index % configurations.size());
            long trySeed = trySeed(seed, index);
            Option<Failure> failure = runTry(index, named, trySeed, statistics, start);
            if (failure.isEmpty() || baseline.exists(reference -> reproduce(reference, named.configuration(),
                    failure.get().inputs(), failure.get().subject()).isDefined())) {
                continue;
            }
            String key = failure.get().violation.key();
            Option<Finding> known = findings.get(key);
            if (known.isDefined()) {
                findings = findings.put(key, known.get().seenAgain());
            } else {
                Finding finding = shrink(named, trySeed, failure.get());
                findings = findings.put(key, finding);
                listener.finding(finding);
            }
        }
        return new CampaignResult(seed, system, tries, findings.values().toVector(), statistics, coverage,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** A failing try: its inputs up to the failure, the violation, and when it was found. */
    private record Failure(Vector<Input> inputs, Violation violation, Option<AppId> subject, long foundAt) {
    }

    private Option<Failure> runTry(int index, NamedConfiguration named, long trySeed, Statistics statistics, long start) {
        Configuration configuration = named.configuration();
        statistics.sequence();
        long created = System.nanoTime();
        SystemUnderTest system = factory.create(configuration);
        statistics.time(0, System.nanoTime() - created, 0);
        Set<Capability> capabilities = system.capabilities();
        Vector<AppId> subjects = Isolation.subjects(configuration);
        boolean onlyIsolation = properties.forAll(p -> p == Property.ISOLATION || p == Property.ROBUSTNESS);
        if (properties.contains(Property.ISOLATION) && (onlyIsolation || isIsolationTry(trySeed))
                && !subjects.isEmpty() && capabilities.contains(Capability.DRAIN)) {
            system.close();
            listener.tryStarted(index, named, trySeed, Property.ISOLATION);
            AppId subject = subjects.get(Math.floorMod(trySeed, subjects.size()));
            Vector<Input> inputs = Isolation.scenario(configuration, subject, capabilities, trySeed, budget.steps());
            Option<Violation> violation = Isolation.check(configuration, factory, inputs, subject);
            listener.tryFinished(index, inputs.size(), violation.isDefined());
            return violation.map(found -> new Failure(inputs.take(found.step() + 1), found, Option.some(subject),
                    System.nanoTime() - start));
        }
        listener.tryStarted(index, named, trySeed, Property.LOCKSTEP);
        InputGenerator generator = new InputGenerator(configuration, capabilities, trySeed);
        Vector<Property> online = properties.filter(Property.online()::contains);
        try (Session session = Session.open(configuration, system, online, statistics)) {
            for (int step = 0; step < budget.steps(); step++) {
                long before = System.nanoTime();
                Input input = generator.next();
                statistics.time(0, 0, System.nanoTime() - before);
                Option<Violation> violation = session.step(input);
                if (violation.isDefined()) {
                    listener.tryFinished(index, step + 1, true);
                    return Option.some(new Failure(session.steps().map(TraceStep::input), violation.get(), Option.none(),
                            System.nanoTime() - start));
                }
                long observed = System.nanoTime();
                generator.observe(input, session.lastObservation().get());
                statistics.time(0, 0, System.nanoTime() - observed);
            }
            listener.tryFinished(index, budget.steps(), false);
            return Option.none();
        }
    }

    /** The violation {@code inputs} show on a fresh system of {@code source}, checked as the failure was. */
    private Option<Violation> reproduce(SystemUnderTestFactory source, Configuration configuration,
                                        Vector<Input> inputs, Option<AppId> subject) {
        if (subject.isDefined()) {
            return Isolation.check(configuration, source, inputs, subject.get());
        }
        Vector<Property> online = properties.filter(Property.online()::contains);
        return Session.run(configuration, source.create(configuration), online, inputs, new Statistics()).violation();
    }

    private Finding shrink(NamedConfiguration named, long trySeed, Failure failure) {
        Violation violation = failure.violation();
        Option<AppId> subject = failure.subject();
        Shrinker.Reproduction reproduction = (config, inputs) -> reproduce(factory, config, inputs, subject)
                .filter(found -> baseline.forAll(reference ->
                        reproduce(reference, config, inputs.take(found.step() + 1), subject).isEmpty()));
        Shrinker.Result shrunk = new Shrinker(reproduction, shrinkTime, subject.isEmpty())
                .shrink(named.configuration(), failure.inputs(), violation);
        Trace trace = record(shrunk, trySeed, failure.subject());
        Option<Path> file = traces.map(directory -> directory.resolve(fileName(shrunk.violation(), trySeed)));
        file.forEach(path -> TraceCodec.write(trace, path));
        return new Finding(shrunk.violation().property(), shrunk.violation().clause(), trySeed, named.name(),
                failure.inputs().size(), trace, shrunk.violation().description(), Duration.ofNanos(failure.foundAt()),
                shrunk.took(), 1, file);
    }

    /** The shrunk inputs run once more to record their observations, as a trace. */
    private Trace record(Shrinker.Result shrunk, long trySeed, Option<AppId> subject) {
        Violation violation = shrunk.violation();
        Session session = Session.run(shrunk.configuration(), factory.create(shrunk.configuration()), Vector.empty(),
                shrunk.inputs(), new Statistics());
        Vector<TraceStep> steps = session.steps();
        if (violation.step() < steps.size()) {
            steps = steps.update(violation.step(), steps.get(violation.step()).withNote(violation.summary()));
        }
        TraceHeader header = TraceHeader.of(shrunk.configuration(), trySeed, system)
                .withProperty(violation.property().label())
                .withDescription(violation.description());
        if (subject.isDefined()) {
            header = header.withSubject(subject.get().slot());
        }
        return new Trace(header, steps);
    }

    private String fileName(Violation violation, long trySeed) {
        String clause = violation.clause().map(c -> "-" + c.name().toLowerCase(Locale.ROOT)).getOrElse("");
        return String.format("%s-%s%s-%016x.jsonl", system.replaceAll("[^A-Za-z0-9_.-]", "_"),
                violation.property().label(), clause, trySeed);
    }

    /** Sets up a {@link Campaign}. */
    public static final class Builder {
        private final String system;
        private final SystemUnderTestFactory factory;
        private Vector<NamedConfiguration> configurations = StandardConfigurations.all();
        private long seed = DEFAULT_SEED;
        private Budget budget = Budget.DEFAULT;
        private Vector<Property> properties = Vector.of(Property.values());
        private CoverageRequirement coverage = CoverageRequirement.none();
        private CampaignListener listener = CampaignListener.NONE;
        private boolean stopAtFirstFinding;
        private Duration shrinkTime = Duration.ofSeconds(20);
        private Option<Path> traces = Option.none();
        private Option<SystemUnderTestFactory> baseline = Option.none();

        private Builder(String system, SystemUnderTestFactory factory) {
            this.system = system;
            this.factory = factory;
        }

        /** The configurations to cycle through, one per try (default: {@link StandardConfigurations#all()}). */
        public Builder configurations(Vector<NamedConfiguration> value) {
            this.configurations = value;
            return this;
        }

        /** A single configuration. */
        public Builder configuration(NamedConfiguration value) {
            return configurations(Vector.of(value));
        }

        /** The campaign's seed (default {@link #DEFAULT_SEED}). */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** The budget (default {@link Budget#DEFAULT}). */
        public Builder budget(Budget value) {
            this.budget = value;
            return this;
        }

        /** The properties to check (default all; {@link Property#ROBUSTNESS} is always checked). */
        public Builder properties(Vector<Property> value) {
            this.properties = value;
            return this;
        }

        /** The coverage the campaign must reach (default none). */
        public Builder coverage(CoverageRequirement value) {
            this.coverage = value;
            return this;
        }

        /** Who hears the progress. */
        public Builder listener(CampaignListener value) {
            this.listener = value;
            return this;
        }

        /** Whether to stop at the first finding (default: run the whole budget). */
        public Builder stopAtFirstFinding(boolean value) {
            this.stopAtFirstFinding = value;
            return this;
        }

        /** The most time shrinking one finding may take (default 20 s). */
        public Builder shrinkTime(Duration value) {
            this.shrinkTime = value;
            return this;
        }

        /** A directory to write each finding's trace file into. */
        public Builder traces(Path directory) {
            this.traces = Option.some(directory);
            return this;
        }

        /**
         * A system known to be right enough: a failure counts only if the baseline passes the same inputs
         * (and shrinking keeps it so). For bug zoos, and for reporting only what an implementation does
         * differently from the reference.
         */
        public Builder baseline(SystemUnderTestFactory value) {
            this.baseline = Option.some(value);
            return this;
        }

        /** The campaign. */
        public Campaign build() {
            return new Campaign(this);
        }

        /** Builds and runs the campaign. */
        public CampaignResult run() {
            return build().run();
        }
    }
}
