package invs.conformance.sut;

import invs.spec.Configuration;
import io.vavr.control.Option;

/**
 * Makes fresh systems under test for a configuration. The engine calls it once per sequence it runs.
 */
@FunctionalInterface
public interface SystemUnderTestFactory {

    /** A new system in its power-on state, with the board and apps of {@code configuration}. */
    SystemUnderTest create(Configuration configuration);

    /**
     * Why this factory cannot build a system for {@code configuration}, in a few words (for example
     * "at most 4 apps"), or none when it can. The default builds every configuration. A refused
     * configuration is left out of a campaign; it is never a finding.
     */
    default Option<String> refusal(Configuration configuration) {
        return Option.none();
    }

    /** Whether this factory can build a system for {@code configuration}: it gives no {@link #refusal}. */
    default boolean supports(Configuration configuration) {
        return refusal(configuration).isEmpty();
    }
}
