package invs.conformance.check;

import invs.conformance.coverage.DocumentedOutcome;
import invs.conformance.coverage.Statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.sut.Capability;
import invs.conformance.reference.ReferenceSystem;
import invs.conformance.sut.SystemUnderTest;
import invs.spec.AppId;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Tick;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

class SessionTest {
    private static final Configuration DOC = Configuration.defaults(Profile.DOC);

    /** The reference, except that it throws on ticks. */
    private static final class Throwing implements SystemUnderTest {
        private final ReferenceSystem inner = new ReferenceSystem(DOC);

        @Override
        public Observation apply(Input input) {
            if (input instanceof Tick) {
                throw new IllegalStateException("tick went wrong");
            }
            return inner.apply(input);
        }

        @Override
        public Set<Capability> capabilities() {
            return EnumSet.allOf(Capability.class);
        }
    }

    @Test
    void anImplementationThatThrowsBreaksRobustness() {
        Session session = Session.open(DOC, configuration -> new Throwing(), Checks.online());
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
}
