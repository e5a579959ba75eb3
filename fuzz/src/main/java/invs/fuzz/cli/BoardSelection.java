package invs.fuzz.cli;

import invs.conformance.board.NamedConfiguration;
import invs.conformance.campaign.BoardMode;
import invs.spec.Profile;
import io.vavr.collection.Vector;

/**
 * The boards a campaign runs on, as the board options chose them.
 *
 * @param boards  the given boards (standard or from a file, possibly modified), all read under {@code profile}
 * @param mode    whether tries run on them, on generated boards, or both
 * @param profile the one reading of the driver document the campaign checks
 */
public record BoardSelection(Vector<NamedConfiguration> boards, BoardMode mode, Profile profile) {
}
