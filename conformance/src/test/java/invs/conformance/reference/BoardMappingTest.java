package invs.conformance.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import invs.impl.board.BoardConfiguration;
import invs.spec.Configuration;
import invs.spec.Profile;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class BoardMappingTest {
    private static final Configuration DOC = Configuration.defaults(Profile.DOC);
    private static final Configuration TOCK = Configuration.defaults(Profile.TOCK);

    @Test
    void alternatingConfigurationsEachKeepTheirBoard() {
        BoardConfiguration doc = BoardMapping.of(DOC);
        BoardConfiguration tock = BoardMapping.of(TOCK);
        assertNotEquals(doc, tock);
        assertEquals(512, tock.kernelBufferSize());
        for (int round = 0; round < 3; round++) {
            assertSame(doc, BoardMapping.of(DOC));
            assertSame(tock, BoardMapping.of(TOCK));
        }
        assertSame(doc, BoardMapping.of(DOC.withStorageLength(DOC.storageLength())), "an equal configuration shares it");
        assertEquals((int) DOC.storageLength() * 2, BoardMapping.of(DOC.withStorageLength(DOC.storageLength() * 2))
                .storageLength());
    }

    @Test
    void keepsOnlyTheLastConfigurationsMapped() {
        BoardConfiguration doc = BoardMapping.of(DOC);
        // Storage lengths no other test maps, so that each of them is kept anew.
        for (int more = 1; more <= BoardMapping.KEPT; more++) {
            BoardMapping.of(DOC.withStorageLength(96 * 1024 + more * 1024L));
        }
        BoardConfiguration again = BoardMapping.of(DOC);
        assertNotSame(doc, again, "the oldest was dropped and mapped again");
        assertEquals(doc, again);
    }

    @Test
    void aTransferLimitBeyondTheRegionNeedsNoLargerKernelBuffer() {
        Configuration unlimited = new Configuration(TOCK.storageLength(), TOCK.regionSize(), Option.some(Integer.MAX_VALUE),
                TOCK.addressWidth(), TOCK.apps(), Profile.TOCK);
        assertEquals(TOCK.regionSize(), BoardMapping.of(unlimited).kernelBufferSize());
        Configuration within = new Configuration(TOCK.storageLength(), TOCK.regionSize(), Option.some(100),
                TOCK.addressWidth(), TOCK.apps(), Profile.TOCK);
        assertEquals(100, BoardMapping.of(within).kernelBufferSize());
    }

    @Test
    void anUnsupportedConfigurationIsRefusedEveryTime() {
        Configuration docWithLimit = new Configuration(DOC.storageLength(), DOC.regionSize(), Option.some(64),
                DOC.addressWidth(), DOC.apps(), Profile.DOC);
        for (int time = 0; time < 2; time++) {
            assertThrows(IllegalArgumentException.class, () -> BoardMapping.of(docWithLimit));
        }
    }
}
