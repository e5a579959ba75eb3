package invs.fuzz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.board.NamedConfiguration;
import invs.spec.Profile;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The reading a campaign checks: {@code --profile}, else what a full standard name carries, else what the
 * server announces, else doc; a shape carries no reading, and a full name and {@code --profile} never disagree.
 */
class BoardOptionsTest {
    private static BoardSelection select(Option<Profile> announced, String... args) {
        return CommandLine.populateCommand(new BoardOptions(), args).select(announced);
    }

    private static Vector<String> names(BoardSelection selection) {
        return selection.boards().map(NamedConfiguration::name);
    }

    @Test
    void aShapeIsReadUnderTheAnnouncedProfileAndAFullNameUnderItsOwn() {
        BoardSelection shape = select(Option.some(Profile.TOCK), "--standard", "default");
        assertEquals(Profile.TOCK, shape.profile());
        assertEquals(Vector.of("tock-default"), names(shape));
        BoardSelection full = select(Option.some(Profile.TOCK), "--standard", "doc-default");
        assertEquals(Profile.DOC, full.profile());
        assertEquals(Vector.of("doc-default"), names(full));
        BoardSelection mixed = select(Option.none(), "--standard", "default,tock-exhaustion");
        assertEquals(Vector.of("tock-default", "tock-exhaustion"), names(mixed));
    }

    @Test
    void aFullNameAndAContradictingProfileAreAUsageError() {
        UserError error = assertThrows(UserError.class,
                () -> select(Option.none(), "--standard", "default,doc-exhaustion", "--profile", "TOCK"));
        assertEquals("--standard doc-exhaustion is a board of the doc reading but --profile chooses the tock one; name the"
                + " shape alone (exhaustion) or leave out --profile", error.getMessage());
        assertEquals(Vector.of("tock-default"), names(select(Option.none(), "--standard", "default", "--profile", "tock")));
        assertTrue(select(Option.none(), "--standard", "tock-default", "--profile", "tock").profile() == Profile.TOCK);
    }
}
