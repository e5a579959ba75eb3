package invs.conformance.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import invs.spec.Configuration;
import invs.spec.Profile;
import org.junit.jupiter.api.Test;

/** Sessions on equal configurations share one specification ({@code ModelOracle}'s starting frontiers). */
class SharedSpecificationTest {
    private static final Configuration DOC = Configuration.defaults(Profile.DOC);
    private static final Configuration TOCK = Configuration.defaults(Profile.TOCK);

    @Test
    void sessionsShareTheSpecificationOfTheirConfiguration() {
        ModelOracle doc = new ModelOracle(DOC);
        ModelOracle tock = new ModelOracle(TOCK);
        Configuration equalToDoc = DOC.withStorageLength(DOC.storageLength());
        assertSame(doc.frontier().specification(), new ModelOracle(equalToDoc).frontier().specification());
        assertSame(tock.frontier().specification(), new ModelOracle(TOCK).frontier().specification());
        assertNotSame(doc.frontier().specification(), tock.frontier().specification());
        assertEquals(TOCK, tock.frontier().specification().configuration());
    }
}
