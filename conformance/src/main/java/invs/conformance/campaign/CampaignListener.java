package invs.conformance.campaign;

import invs.conformance.board.NamedConfiguration;
import invs.conformance.check.Property;

/**
 * Hears a campaign's progress: for progress displays and logs. Every method has an empty default. With
 * several threads the try methods are called from all of them at once, so implementations must be
 * thread-safe.
 */
public interface CampaignListener {
    /** A listener that hears nothing. */
    CampaignListener NONE = new CampaignListener() {
    };

    /** The system supports boards to run on (checked before any try); the tries begin. */
    default void started() {
    }

    /** Try {@code index} is about to run on {@code board} with {@code seed}, checking {@code kind}. */
    default void tryStarted(long index, NamedConfiguration board, long seed, Property kind) {
    }

    /** Try {@code index} ended after {@code steps} inputs ({@code syscalls} system calls), with or without a failure. */
    default void tryFinished(long index, int steps, long syscalls, boolean failed) {
    }

    /** A rule was broken for the first time in this campaign; {@code rules} have been broken so far. */
    default void ruleBroken(String rule, int rules) {
    }

    /** The tries are over; {@code findings} rules broken are being shrunk and grouped. */
    default void shrinking(int findings) {
    }
}
