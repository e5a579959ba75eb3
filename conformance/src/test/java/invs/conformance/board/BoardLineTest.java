package invs.conformance.board;

import invs.spec.Configuration;
import invs.spec.Profile;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A board in one line: the figures a counterexample is read with. */
class BoardLineTest {
    @Test
    void theDefaultBoardsFiguresAndApps() {
        assertEquals("storage 8192 bytes, regions of 2048 bytes and a 12-byte header (room for 3), 32-bit, no transfer limit;"
                + " apps alpha (self-only), beta (self-only), gamma (no permissions)", BoardLine.of(Configuration.defaults(Profile.DOC)));
    }

    @Test
    void aShrunkTockBoardWithNoRoom() {
        Configuration board = StandardConfigurations.permissions(Profile.TOCK).configuration().withStorageLength(100);
        String line = BoardLine.of(board);
        assertEquals("storage 100 bytes, regions of 256 bytes and a 12-byte header (room for 0), 32-bit,"
                + " transfers of at most 512 bytes; apps ", line.substring(0, line.indexOf("apps ") + 5));
        assertEquals(true, line.contains("(fixed-size)") && line.contains("(kernel)"), line);
    }
}
