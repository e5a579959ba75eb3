package invs.conformance.check;

import invs.conformance.fixtures.Throwing;

import invs.conformance.coverage.DocumentedOutcome;
import invs.conformance.coverage.Statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.reference.ReferenceSystem;
import invs.conformance.sut.Capability;
import invs.conformance.sut.SystemUnderTest;
import invs.spec.ErrorCode;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.AppId;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Profile;
import invs.spec.Tick;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.Set;


class SessionTest {
    private static final Configuration DOC = Configuration.defaults(Profile.DOC);

    @Test
    void anImplementationThatThrowsBreaksRobustness() {
        Session session = Session.open(DOC, configuration -> new Throwing(new ReferenceSystem(configuration), Tick.class, "tick went wrong"), Checks.online());
        assertTrue(session.step(Command.size(AppId.of(0))).isEmpty());
        Violation violation = session.step(new Tick()).get();
        assertEquals(Property.ROBUSTNESS, violation.property());
        assertEquals(1, violation.step());
        assertTrue(violation.description().contains("tick went wrong"), violation.description());
        assertEquals("robustness", violation.key());
        assertThrows(IllegalStateException.class, () -> session.step(new Tick()));
        assertEquals(2, session.steps().size());
        assertTrue(session.steps().last().observation().isEmpty());
    }

    @Test
    void onlyTheChosenPropertiesAreChecked() {
        Session withoutModel = Session.open(DOC, ReferenceSystem::new, Checks.of(Vector.of(Property.LIVENESS)));
        assertTrue(withoutModel.frontier().isEmpty());
        Statistics statistics = new Statistics();
        Session counted = Session.open(DOC, ReferenceSystem::new, Checks.online(), statistics);
        counted.step(Command.size(AppId.of(0)));
        counted.step(new Tick());
        assertEquals(2, statistics.inputs());
        assertEquals(1, statistics.syscalls());
        assertEquals(1, statistics.count(DocumentedOutcome.COMMAND_1_SUCCESS));
        assertEquals(DOC, counted.configuration());
    }

    /**
     * A wrong answer covers nothing: a command 1 answered NOSUPPORT where the app may use its region is
     * counted as a system call checked, but not as the (command 1, NOSUPPORT) pair of the coverage table.
     */
    @Test
    void aRejectedAnswerIsNotCountedAsCoverage() {
        Statistics statistics = new Statistics();
        Session session = Session.open(DOC, configuration -> new SystemUnderTest() {
            private final ReferenceSystem inner = new ReferenceSystem(configuration);

            @Override
            public Observation apply(Input input) {
                return input instanceof Command ? new Observation.Failure(ErrorCode.NOSUPPORT) : inner.apply(input);
            }

            @Override
            public Set<Capability> capabilities() {
                return inner.capabilities();
            }
        }, Checks.online(), statistics);
        assertEquals(Property.LOCKSTEP, session.step(Command.size(AppId.of(0))).get().property());
        assertEquals(1, statistics.syscalls());
        assertEquals(0, statistics.count(DocumentedOutcome.COMMAND_1_NOSUPPORT));
        assertEquals(0, statistics.outcomes().values().sum().longValue(), statistics.outcomes().toString());
    }

    @Test
    void theSpecificationsTimeIsTheLockstepOraclesAndNoOtherOracles() {
        Vector<invs.spec.Input> inputs = Vector.of(new invs.spec.Subscribe(AppId.of(0), 0), Command.size(AppId.of(0)),
                new invs.spec.Yield(AppId.of(0)), new invs.spec.Drain(), new Tick());
        // A session times one step in StepTimer.EVERY, at most 2 * EVERY - 1 steps apart: so many steps time one.
        Vector<invs.spec.Input> steps = Vector.empty();
        while (steps.size() < 2 * StepTimer.EVERY) {
            steps = steps.appendAll(inputs);
        }
        Statistics withoutModel = new Statistics();
        Session.run(DOC, ReferenceSystem::new, Checks.of(Vector.of(Property.LIVENESS, Property.DURABILITY)),
                steps, withoutModel);
        assertEquals(0, withoutModel.modelTime().toNanos(), "liveness and durability are not the specification");
        assertTrue(withoutModel.otherTime().toNanos() > 0, "their time counts as the other work");
        Statistics withModel = new Statistics();
        Session.run(DOC, ReferenceSystem::new, Checks.online(), steps, withModel);
        assertTrue(withModel.modelTime().toNanos() > 0, "advancing the frontier takes time");
        assertTrue(withModel.otherTime().toNanos() > 0, "so do the other oracles");
    }
}
