package invs.conformance.coverage;

import invs.conformance.sut.Capability;
import invs.spec.Configuration;
import invs.spec.Profile;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Whether a campaign could have observed a documented (operation, outcome) pair at all, so that a report
 * tells pairs it missed from pairs it could not reach: FAIL needs flash faults the system announced;
 * NOMEM needs a board where not every app's region fits; NOSUPPORT of a command needs an app without that
 * permission; a NOSUPPORT upcall is one reading's option (the document also allows answering at once), and
 * never possible under {@code tock}, and when a campaign saw it, the command's NOSUPPORT is optional in turn;
 * BUSY needs an operation still pending at the next command, which a system without ticks or drains never
 * shows, and which under {@code doc} no system need show (it may complete every operation before its
 * command returns).
 *
 * @param capabilities the environment events the system announced
 * @param boards       the boards the campaign ran on
 * @param generated    whether generated boards ran too (they reach every board shape)
 * @param profile      the reading checked
 */
public record Reachability(Set<Capability> capabilities, Vector<Configuration> boards, boolean generated, Profile profile) {

    /** How a pair stands: reachable (and then required or optional), or why it could not be reached. */
    public enum Kind {
        /** The campaign should have reached it. */
        REQUIRED,
        /** The document allows it but does not require it: an implementation may never show it. */
        OPTIONAL,
        /** The system under test did not announce what it needs. */
        NOT_ANNOUNCED,
        /** None of the boards the campaign ran on makes it possible. */
        IMPOSSIBLE_ON_BOARDS
    }

    /**
     * How {@code pair} stands, with the reason in words for pairs that are not required.
     */
    public Verdict of(DocumentedOutcome pair) {
        String outcome = pair.outcome();
        if (outcome.equals("FAIL") && !capabilities.contains(Capability.FLASH_FAULT)) {
            return new Verdict(Kind.NOT_ANNOUNCED, Option.some("the system announces no flash-fault"));
        }
        if (pair.operation().startsWith("upcall") && outcome.equals("NOSUPPORT")) {
            return profile == Profile.TOCK
                    ? new Verdict(Kind.IMPOSSIBLE_ON_BOARDS, Option.some("the tock reading answers NOSUPPORT at once"))
                    : new Verdict(Kind.OPTIONAL, Option.some("the document also allows answering NOSUPPORT at once"));
        }
        if (outcome.equals("NOMEM") && !generated && boards.forAll(Reachability::everyRegionFits)) {
            return new Verdict(Kind.IMPOSSIBLE_ON_BOARDS, Option.some("every app's region fits on every board"));
        }
        if (pair.operation().startsWith("command") && outcome.equals("NOSUPPORT") && !generated
                && boards.forAll(board -> board.apps().forAll(app -> app.permissions().writeId()
                .exists(id -> app.permissions().mayRead(id) && app.permissions().mayModify(id))))) {
            return new Verdict(Kind.IMPOSSIBLE_ON_BOARDS, Option.some("every app may use its region on every board"));
        }
        if (outcome.equals("BUSY") && (profile == Profile.DOC
                || !capabilities.contains(Capability.TICK) && !capabilities.contains(Capability.DRAIN))) {
            return new Verdict(Kind.OPTIONAL, Option.some("a system that completes operations at once never answers BUSY"));
        }
        return new Verdict(Kind.REQUIRED, Option.none());
    }

    /**
     * How {@code pair} stands in a campaign that observed {@code seen}: as {@link #of(DocumentedOutcome)}
     * says, except that a required pair is optional when the campaign observed the {@link #alternative} the
     * document allows in its place (a command's NOSUPPORT answered by upcall, D7).
     */
    public Verdict of(DocumentedOutcome pair, Statistics seen) {
        return answeredOtherwise(of(pair), profile, pair, seen::count);
    }

    /**
     * {@code verdict} on {@code pair} under the reading {@code profile}, made optional when it is required and
     * {@code seen} counts the {@link #alternative} the document allows in its place: what
     * {@link #of(DocumentedOutcome, Statistics)} does, and what merging shards does with their summed counts
     * (one shard may have seen the alternative, another not).
     */
    public static Verdict answeredOtherwise(Verdict verdict, Profile profile, DocumentedOutcome pair,
                                            ToLongFunction<DocumentedOutcome> seen) {
        Option<DocumentedOutcome> alternative = alternative(profile, pair);
        if (verdict.required() && alternative.exists(other -> seen.applyAsLong(other) > 0)) {
            return new Verdict(Kind.OPTIONAL, Option.some("answered as " + alternative.get().operation() + " "
                    + alternative.get().outcome() + " instead, which the document allows as well"));
        }
        return verdict;
    }

    /**
     * The pair the document allows in place of {@code pair} under the reading {@code profile}: under doc, a
     * command refused NOSUPPORT at once or accepted and answered with a NOSUPPORT upcall (docs/spec.md D7);
     * none under tock, which answers at once.
     */
    static Option<DocumentedOutcome> alternative(Profile profile, DocumentedOutcome pair) {
        if (profile != Profile.DOC) {
            return Option.none();
        }
        return switch (pair) {
            case COMMAND_1_NOSUPPORT -> Option.some(DocumentedOutcome.UPCALL_0_NOSUPPORT);
            case COMMAND_2_NOSUPPORT -> Option.some(DocumentedOutcome.UPCALL_1_NOSUPPORT);
            case COMMAND_3_NOSUPPORT -> Option.some(DocumentedOutcome.UPCALL_2_NOSUPPORT);
            default -> Option.none();
        };
    }

    private static boolean everyRegionFits(Configuration board) {
        long storageApps = board.apps().count(app -> app.permissions().writeId().isDefined());
        return board.regionCapacity() >= storageApps;
    }

    /**
     * How one pair stands.
     *
     * @param kind   required, optional, or why it cannot be reached
     * @param reason the reason in words, for all but required pairs
     */
    public record Verdict(Kind kind, Option<String> reason) {
        /** Whether the campaign should have reached the pair. */
        public boolean required() {
            return kind == Kind.REQUIRED;
        }
    }
}
