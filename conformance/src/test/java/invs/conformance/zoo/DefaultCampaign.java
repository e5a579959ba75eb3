package invs.conformance.zoo;

import invs.conformance.board.StandardConfigurations;
import invs.conformance.campaign.BoardMode;
import invs.conformance.campaign.Budget;
import invs.conformance.campaign.Campaign;
import invs.conformance.campaign.CampaignBuilder;
import invs.conformance.reference.ReferenceProvider;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.spec.Profile;

import java.time.Duration;

/**
 * The command line's default campaign ({@code invs fuzz}) in code: the standard boards of one profile and
 * generated boards (even tries standard, odd tries generated), a swarm per try, steps of 150 inputs, as
 * many tries as fit in the time (20 s), at most four threads, the reference as baseline.
 */
public final class DefaultCampaign {
    /** The command line's default time for running tries. */
    public static final Duration TIME = Duration.ofSeconds(20);
    /** The command line's default steps per try. */
    public static final int STEPS = 150;

    private DefaultCampaign() {
    }

    /** The command line's default number of threads on this machine. */
    public static int threads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** The default campaign against {@code system} under {@code profile}, on {@code mode}'s boards, for {@code time}. */
    public static CampaignBuilder against(String name, SystemUnderTestFactory system, Profile profile, BoardMode mode,
                                          Duration time) {
        return Campaign.against(name, system)
                .configurations(StandardConfigurations.of(profile))
                .boardMode(mode)
                .profile(profile)
                .swarm(true)
                .threads(threads())
                .baseline(new ReferenceProvider())
                .budget(new Budget(Long.MAX_VALUE, STEPS, time));
    }

    /** The default campaign against {@code mutant} under {@code profile} (both kinds of board, 20 s). */
    public static CampaignBuilder against(Mutant mutant, Profile profile) {
        return against(mutant.name(), mutant, profile, BoardMode.BOTH, TIME);
    }
}
