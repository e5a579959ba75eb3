package invs.conformance.engine;

/**
 * Hears a campaign's progress: for progress bars and logs. Every method has an empty default; all are
 * called on the campaign's thread.
 */
public interface CampaignListener {
    /** A listener that hears nothing. */
    CampaignListener NONE = new CampaignListener() {
    };

    /** Try {@code index} (0-based) is about to run on {@code configuration} with {@code seed}. */
    default void tryStarted(int index, NamedConfiguration configuration, long seed, Property kind) {
    }

    /** Try {@code index} ended after {@code steps} inputs, with or without a violation. */
    default void tryFinished(int index, int steps, boolean failed) {
    }

    /** A new finding (not a repeat of an earlier one), already shrunk. */
    default void finding(Finding finding) {
    }
}
