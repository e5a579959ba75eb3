package invs.conformance.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import invs.spec.Configuration;
import invs.spec.Profile;
import invs.spec.model.TooManyStates;
import org.junit.jupiter.api.Test;

/**
 * Sessions on equal configurations share one specification ({@code ModelOracle}'s starting frontiers), unless
 * made with another step bound.
 */
class SharedSpecificationTest {
    private static final Configuration DOC = Configuration.defaults(Profile.DOC);
    private static final Configuration TOCK = Configuration.defaults(Profile.TOCK);
    private static final int BOUND = TooManyStates.STEP_BOUND;

    @Test
    void sessionsShareTheSpecificationOfTheirConfiguration() {
        ModelOracle doc = new ModelOracle(DOC, BOUND);
        ModelOracle tock = new ModelOracle(TOCK, BOUND);
        Configuration equalToDoc = DOC.withStorageLength(DOC.storageLength());
        assertSame(doc.frontier().specification(), new ModelOracle(equalToDoc, BOUND).frontier().specification());
        assertSame(tock.frontier().specification(), new ModelOracle(TOCK, BOUND).frontier().specification());
        assertNotSame(doc.frontier().specification(), tock.frontier().specification());
        assertEquals(TOCK, tock.frontier().specification().configuration());
    }

    @Test
    void aSessionWithAnotherStepBoundHasASpecificationOfItsOwn() {
        ModelOracle wider = new ModelOracle(DOC, 2 * BOUND);
        assertNotSame(new ModelOracle(DOC, BOUND).frontier().specification(), wider.frontier().specification());
        assertEquals(2 * BOUND, wider.frontier().specification().stepBound());
        assertEquals(BOUND, new ModelOracle(DOC, BOUND).frontier().specification().stepBound());
    }
}
