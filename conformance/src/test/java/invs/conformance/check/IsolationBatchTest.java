package invs.conformance.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.generation.IsolationScenario;
import invs.conformance.reference.ReferenceProvider;
import invs.conformance.sut.Answers;
import invs.conformance.sut.Capability;
import invs.conformance.sut.SystemUnderTest;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.zoo.Zoo;
import invs.spec.AppId;
import invs.spec.Configuration;
import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The isolation check of a session that drives a pipelining system in batches: its twin gets its share of
 * each batch as the batch is sent, never an input it would not get one by one (until it breaks: then the
 * share of a batch sent before the break showed), and the verdicts are those of a session that drives both
 * systems one input at a time.
 */
class IsolationBatchTest {
    private static final Configuration DOC = Configuration.defaults(Profile.DOC);
    private static final AppId BETA = AppId.of(1);
    private static final SystemUnderTestFactory NEIGHBOUR = Zoo.named("region-of-neighbour").get();
    /** The batches of {@link Session#run}. */
    private static final int BATCH = Session.BATCH;

    /** A system that records every input it is sent, one by one or in batches; it breaks at one if told to. */
    private static final class Recorded implements SystemUnderTest {
        private final SystemUnderTest inner;
        private final boolean pipelines;
        private final int breaksAt;
        final List<Input> received = new ArrayList<>();
        int applied;
        int batches;
        boolean closed;

        Recorded(SystemUnderTest inner, boolean pipelines, int breaksAt) {
            this.inner = inner;
            this.pipelines = pipelines;
            this.breaksAt = breaksAt;
        }

        @Override
        public Observation apply(Input input) {
            applied++;
            return answer(input);
        }

        @Override
        public Answers applyAll(Vector<? extends Input> inputs) {
            batches++;
            List<Observation> observations = new ArrayList<>();
            for (Input input : inputs) {
                try {
                    observations.add(answer(input));
                } catch (RuntimeException failure) {
                    return Answers.until(Vector.ofAll(observations), failure);
                }
            }
            return Answers.all(Vector.ofAll(observations));
        }

        private Observation answer(Input input) {
            received.add(input);
            if (received.size() - 1 == breaksAt) {
                throw new IllegalStateException("the link broke");
            }
            return inner.apply(input);
        }

        @Override
        public boolean pipelines() {
            return pipelines;
        }

        @Override
        public Set<Capability> capabilities() {
            return EnumSet.allOf(Capability.class);
        }

        @Override
        public void close() {
            closed = true;
            inner.close();
        }
    }

    /**
     * Makes recorded systems of {@code base} for one session: first the twin (the session makes its oracles
     * before its system), which breaks at its input {@code twinBreaksAt} (none when negative), then the
     * system under test.
     */
    private static final class Systems implements SystemUnderTestFactory {
        private final SystemUnderTestFactory base;
        private final boolean pipelines;
        private final int twinBreaksAt;
        private final List<Recorded> made = new ArrayList<>();

        Systems(SystemUnderTestFactory base, boolean pipelines, int twinBreaksAt) {
            this.base = base;
            this.pipelines = pipelines;
            this.twinBreaksAt = twinBreaksAt;
        }

        @Override
        public SystemUnderTest create(Configuration configuration) {
            Recorded system = new Recorded(base.create(configuration), pipelines, made.isEmpty() ? twinBreaksAt : -1);
            made.add(system);
            return system;
        }

        Recorded twin() {
            return made.get(0);
        }

        Recorded subject() {
            return made.get(1);
        }

        Run run(Vector<Input> inputs) {
            Run run = Session.run(DOC, this, Checks.isolationOf(BETA), inputs);
            assertEquals(run.inputs(), Vector.ofAll(subject().received).take(run.steps().size()),
                    "the system under test got every input of the run");
            assertTrue(twin().closed, "the session closes its twin");
            return run;
        }
    }

    private static Vector<Input> scenario(long seed) {
        return IsolationScenario.generate(DOC, BETA, EnumSet.allOf(Capability.class), seed, 2 * BATCH + 100);
    }

    /** The run of {@code inputs} driven one by one, which must be the run driven in batches. */
    private static Run sameRunBothWays(Vector<Input> inputs, Systems oneByOne, Systems batched) {
        Run expected = oneByOne.run(inputs);
        Run run = batched.run(inputs);
        assertEquals(expected, run, "the same steps, observations and verdict");
        assertEquals(0, oneByOne.twin().batches);
        return run;
    }

    @Test
    void theTwinGetsItsShareOfEachBatchAtOnce() {
        Vector<Input> inputs = scenario(3);
        Systems oneByOne = new Systems(new ReferenceProvider(), false, -1);
        Systems batched = new Systems(new ReferenceProvider(), true, -1);
        Run run = sameRunBothWays(inputs, oneByOne, batched);
        assertFalse(run.failed(), run.violation().map(Violation::description).getOrElse(""));
        Vector<Input> program = Isolation.program(inputs, BETA);
        assertEquals(program, Vector.ofAll(oneByOne.twin().received));
        assertEquals(program.size(), oneByOne.twin().applied, "one by one: an input at a time");
        assertEquals(program, Vector.ofAll(batched.twin().received), "the same inputs in the same order");
        assertEquals(0, batched.twin().applied, "in batches: no input on its own");
        int withProgram = inputs.grouped(BATCH)
                .count(batch -> batch.exists(input -> Isolation.inProgram(input, BETA)));
        assertTrue(withProgram > 2);
        assertEquals(withProgram, batched.twin().batches, "one batch for each batch of the session with program inputs");
    }

    @Test
    void anIsolationViolationIsFoundAsOneByOne() {
        int violations = 0;
        for (long seed = 0; seed < 12; seed++) {
            Vector<Input> inputs = scenario(seed);
            Systems oneByOne = new Systems(NEIGHBOUR, false, -1);
            Systems batched = new Systems(NEIGHBOUR, true, -1);
            Run run = sameRunBothWays(inputs, oneByOne, batched);
            if (run.failed()) {
                violations++;
                assertEquals(Property.ISOLATION, run.violation().get().property());
            }
            // the batch may go on past a violation (the session ends there), never past the scenario's program
            Vector<Input> alone = Vector.ofAll(oneByOne.twin().received);
            Vector<Input> batchedAlone = Vector.ofAll(batched.twin().received);
            assertEquals(alone, batchedAlone.take(alone.size()), "seed " + seed);
            assertEquals(batchedAlone, Isolation.program(inputs, BETA).take(batchedAlone.size()), "seed " + seed);
        }
        assertTrue(violations > 0, "the mutant breaks isolation in some scenario");
    }

    @Test
    void theTwinGetsNothingPastTheWellFormedPrefix() {
        // a scenario where the mutant shows at an input in the middle of a batch, with a fault (which makes
        // the scenario ill formed) just before that input: nothing is judged from the fault on
        Vector<Input> inputs = Vector.empty();
        int violating = -1;
        for (long seed = 0; seed < 40 && violating < 0; seed++) {
            Vector<Input> candidate = scenario(seed);
            Option<Violation> violation = Session.run(DOC, NEIGHBOUR, Checks.isolationOf(BETA), candidate).violation();
            if (violation.exists(found -> found.step() % BATCH > 0 && found.step() % BATCH < BATCH - 4)) {
                inputs = candidate;
                violating = violation.get().step();
            }
        }
        assertTrue(violating > 0, "a scenario where the mutant shows in the middle of a batch");
        Vector<Input> faulted = inputs.insert(violating, new FlashFault());
        int batchEnd = (violating / BATCH + 1) * BATCH;
        assertTrue(faulted.slice(violating + 1, batchEnd).count(input -> Isolation.inProgram(input, BETA)) > 1,
                "the batch of the fault holds more of the program after it");
        Systems oneByOne = new Systems(NEIGHBOUR, false, -1);
        Systems batched = new Systems(NEIGHBOUR, true, -1);
        Run run = sameRunBothWays(faulted, oneByOne, batched);
        assertFalse(run.failed(), "past the fault the scenario is not judged");
        Vector<Input> wellFormed = Isolation.program(faulted.take(violating), BETA);
        assertEquals(wellFormed, Vector.ofAll(oneByOne.twin().received));
        assertEquals(wellFormed, Vector.ofAll(batched.twin().received), "nothing past the fault");
    }

    @Test
    void aTwinThatBreaksJudgesNothingFromThere() {
        // the twin breaks at the input of the first violation, after the first batch: nothing is judged from there
        Vector<Input> inputs = Vector.empty();
        Vector<Input> program = Vector.empty();
        int violating = -1;
        for (long seed = 0; seed < 40 && program.isEmpty(); seed++) {
            Vector<Input> candidate = scenario(seed);
            Option<Violation> violation = Session.run(DOC, NEIGHBOUR, Checks.isolationOf(BETA), candidate).violation();
            if (violation.exists(found -> found.step() > BATCH)) {
                inputs = candidate;
                violating = violation.get().step();
                program = Isolation.program(candidate.take(violating + 1), BETA);
            }
        }
        assertFalse(program.isEmpty(), "a scenario where the mutant shows after the first batch");
        int breaksAt = program.size() - 1;
        Systems oneByOne = new Systems(NEIGHBOUR, false, breaksAt);
        Systems batched = new Systems(NEIGHBOUR, true, breaksAt);
        Run run = sameRunBothWays(inputs, oneByOne, batched);
        assertFalse(run.failed(), "a broken twin judges nothing");
        assertEquals(inputs.size(), run.steps().size(), "the session went on to the end");
        assertEquals(program, Vector.ofAll(oneByOne.twin().received));
        // the twin's share of a batch goes out as the batch is sent, before the batch before it is judged: a
        // twin that breaks has been sent the share of the batch after the one of its break too, and no more
        int nextBatch = (violating / BATCH + 1) * BATCH;
        Vector<Input> nextShare = Isolation.program(inputs.slice(nextBatch, nextBatch + BATCH), BETA);
        assertFalse(nextShare.isEmpty(), "the batch after the break's holds more of the program");
        assertEquals(program.appendAll(nextShare), Vector.ofAll(batched.twin().received),
                "the program up to the break, then the next batch's share, and nothing after it");
        assertEquals(violating / BATCH + 2, batched.twin().batches, "a batch up to the one after the break's");
    }
}
