package invs.conformance.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import invs.spec.Configuration;
import invs.spec.Profile;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

/** Sessions on equal configurations share one specification ({@code ModelOracle}'s starting frontiers). */
class SharedSpecificationTest {
    private static final Configuration DOC = Configuration.defaults(Profile.DOC);
    private static final Configuration TOCK = Configuration.defaults(Profile.TOCK);

    /** An equal configuration that is another object. */
    private static Configuration copy(Configuration configuration) {
        return new Configuration(configuration.storageLength(), configuration.regionSize(),
                configuration.transferLimit(), configuration.addressWidth(), Vector.ofAll(configuration.apps()),
                configuration.profile());
    }

    @Test
    void sessionsShareTheSpecificationOfTheirConfiguration() {
        ModelOracle doc = new ModelOracle(DOC);
        ModelOracle tock = new ModelOracle(TOCK);
        assertSame(doc.frontier().specification(), new ModelOracle(copy(DOC)).frontier().specification());
        assertSame(tock.frontier().specification(), new ModelOracle(TOCK).frontier().specification());
        assertNotSame(doc.frontier().specification(), tock.frontier().specification());
        assertEquals(TOCK, tock.frontier().specification().configuration());
    }
}
