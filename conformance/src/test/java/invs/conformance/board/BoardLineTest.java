package invs.conformance.board;

import invs.spec.App;
import invs.spec.Configuration;
import invs.spec.Profile;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A board in one line: the figures a counterexample is read with. */
class BoardLineTest {
    @Test
    void theDefaultBoardsFiguresAndApps() {
        assertEquals("storage 8192 bytes, regions of 2048 bytes and a 12-byte header (room for 3), 32-bit, no transfer limit;"
                + " apps app0 = alpha (self-only), app1 = beta (self-only), app2 = gamma (no permissions)", BoardLine.of(Configuration.defaults(Profile.DOC)));
    }

    @Test
    void aShrunkTockBoardWithNoRoom() {
        Configuration board = StandardConfigurations.permissions(Profile.TOCK).configuration().withStorageLength(100);
        String line = BoardLine.of(board);
        assertEquals("storage 100 bytes, regions of 256 bytes and a 12-byte header (room for 0), 32-bit,"
                + " transfers of at most 512 bytes; apps ", line.substring(0, line.indexOf("apps ") + 5));
        assertEquals(true, line.contains("(fixed-size)") && line.contains("(kernel)"), line);
    }

    /** A board shrunk to regions of one byte, and a storage of one byte, says so in the singular. */
    @Test
    void oneByteIsOneByte() {
        String line = BoardLine.of(Configuration.defaults(Profile.DOC).withRegionSize(1).withStorageLength(1));
        assertEquals("storage 1 byte, regions of 1 byte and a 12-byte header (room for 0), ", line.substring(0,
                line.indexOf("32-bit")));
        String limited = BoardLine.of(Configuration.defaults(Profile.TOCK).withTransferLimit(io.vavr.control.Option.some(1)));
        assertTrue(limited.contains(", transfers of at most 1 byte; apps "), limited);
    }

    /** Inputs name apps by slot ({@code app0}); an app whose name is another slot's (shrinking removed the apps before it) says so. */
    @Test
    void appsAreNamedAsTheInputsNameThem() {
        Configuration board = Configuration.defaults(Profile.DOC).withApps(io.vavr.collection.Vector.of(
                App.selfOnly("app2", 0x4003), App.selfOnly("app1", 0x4004)));
        String line = BoardLine.of(board);
        assertEquals("apps app0 = app2 (self-only), app1 (self-only)", line.substring(line.indexOf("apps ")));
    }
}
