package invs.conformance.campaign;

import invs.conformance.check.Checks;
import invs.conformance.check.Session;
import invs.conformance.coverage.Statistics;
import invs.conformance.fixtures.NoGrants;
import invs.conformance.fixtures.Pipelining;
import invs.conformance.generation.InputGenerator;
import invs.conformance.reference.ReferenceSystem;
import invs.conformance.sut.Capability;
import invs.conformance.trace.TraceStep;
import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Profile;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A try's batches aimed by a forecast: against a system that answers as the reference does, the very
 * inputs of the same try in process; against one that answers otherwise, the forecast turns to the
 * specification from the answers judged.
 */
class AimedBatchesTest {
    private static final Configuration DOC = Configuration.defaults(Profile.DOC);
    private static final Set<Capability> ALL = EnumSet.allOf(Capability.class);
    private static final int STEPS = 150;

    /** Sends the try's batches two ahead and judges them all, as a campaign try does (the caller closes them). */
    private static AimedBatches runTry(Session session, long seed) {
        AimedBatches batches = new AimedBatches(session, new InputGenerator(DOC, ALL, seed));
        int sent = 0;
        while (sent < STEPS || batches.unjudged() > 0) {
            while (sent < STEPS && batches.unjudged() < Session.AHEAD) {
                int size = Math.min(Session.BATCH, STEPS - sent);
                batches.send(size);
                sent += size;
            }
            assertTrue(batches.judge(), "no violation and no bound");
        }
        return batches;
    }

    @Test
    void aSystemAnsweringAsTheReferenceGetsTheInputsOfTheSameTryInProcess() {
        for (long seed = 1; seed <= 5; seed++) {
            InputGenerator generator = new InputGenerator(DOC, ALL, seed);
            ReferenceSystem reference = new ReferenceSystem(DOC);
            Vector<Input> inProcess = Vector.empty();
            for (int step = 0; step < STEPS; step++) {
                Input input = generator.next();
                generator.observe(input, reference.apply(input));
                inProcess = inProcess.append(input);
            }
            try (Session session = Session.open(DOC, configuration -> new Pipelining(new ReferenceSystem(configuration)),
                    Checks.online(), new Statistics())) {
                AimedBatches batches = runTry(session, seed);
                assertEquals(inProcess, session.steps().map(TraceStep::input), "seed " + seed);
                assertEquals(0, batches.realigned());
                assertTrue(batches.followsReference());
                batches.close();
            }
        }
    }

    @Test
    void onABoardTheReferenceDoesNotBuildTheSpecificationForecasts() {
        // doc with a transfer limit: the reference moves whole buffers under doc, a tock board does not
        Configuration limited = DOC.withTransferLimit(io.vavr.control.Option.some(512));
        try (Session session = Session.open(limited, configuration -> new Pipelining(new ReferenceSystem(
                configuration.withProfile(Profile.TOCK))), Checks.online(), new Statistics())) {
            AimedBatches batches = new AimedBatches(session, new InputGenerator(limited, ALL, 4));
            assertFalse(batches.followsReference());
            batches.send(Session.BATCH);
            assertEquals(1, batches.unjudged());
            batches.close();
        }
    }

    @Test
    void aSystemAnsweringOtherwiseTurnsTheForecastToTheSpecification() {
        // a kernel with memory for no grant conforms (D21), but answers NOMEM where the reference succeeds
        try (Session session = Session.open(DOC, configuration -> new Pipelining(new NoGrants(configuration)),
                Checks.online(), new Statistics())) {
            AimedBatches batches = runTry(session, 3);
            assertFalse(batches.followsReference());
            assertTrue(batches.realigned() >= 1, "the first batch was answered otherwise");
            assertEquals(STEPS, session.stepCount());
            assertFalse(session.violation().isDefined());
            batches.close();
        }
    }
}
