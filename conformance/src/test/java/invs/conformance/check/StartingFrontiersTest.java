package invs.conformance.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import invs.spec.Configuration;
import invs.spec.Profile;
import invs.spec.model.Frontier;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

class StartingFrontiersTest {
    private static final Configuration DOC = Configuration.defaults(Profile.DOC);
    private static final Configuration TOCK = Configuration.defaults(Profile.TOCK);

    /** An equal configuration that is another object. */
    private static Configuration copy(Configuration configuration) {
        return new Configuration(configuration.storageLength(), configuration.regionSize(),
                configuration.transferLimit(), configuration.addressWidth(), Vector.ofAll(configuration.apps()),
                configuration.profile());
    }

    @Test
    void alternatingConfigurationsEachKeepTheirOwnFrontier() {
        StartingFrontiers frontiers = new StartingFrontiers(4);
        Frontier doc = frontiers.of(DOC);
        Frontier tock = frontiers.of(TOCK);
        assertNotSame(doc.specification(), tock.specification());
        assertEquals(TOCK, tock.specification().configuration());
        for (int round = 0; round < 3; round++) {
            assertSame(doc, frontiers.of(DOC));
            assertSame(tock, frontiers.of(TOCK));
        }
        assertSame(doc, frontiers.of(copy(DOC)), "an equal configuration shares the frontier");
        assertEquals(2, frontiers.size());
        assertEquals(Vector.of(doc.specification().initial()), doc.states());
    }

    @Test
    void keepsOnlyTheLastConfigurationsMade() {
        StartingFrontiers frontiers = new StartingFrontiers(2);
        Configuration wider = new Configuration(DOC.storageLength() * 2, DOC.regionSize(), DOC.transferLimit(),
                DOC.addressWidth(), DOC.apps(), DOC.profile());
        Frontier doc = frontiers.of(DOC);
        frontiers.of(TOCK);
        frontiers.of(wider);
        assertEquals(2, frontiers.size());
        Frontier again = frontiers.of(DOC);
        assertNotSame(doc, again, "the oldest was dropped and made again");
        assertEquals(doc.states(), again.states());
        assertSame(again, frontiers.of(DOC));
    }

    @Test
    void keepsAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> new StartingFrontiers(0));
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
