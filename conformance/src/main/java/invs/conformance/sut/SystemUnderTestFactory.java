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

    /** Whether this factory can build a system for {@code configuration}; the default: when {@link #unsupported} says nothing. */
    default boolean supports(Configuration configuration) {
        return unsupported(configuration).isEmpty();
    }

    /**
     * Why this factory cannot build a system for {@code configuration}, in words for a one-line message,
     * or none when it can; the default: none.
     */
    default Option<String> unsupported(Configuration configuration) {
        return Option.none();
    }
}
