package invs.conformance.sut;

import invs.spec.Configuration;

/**
 * Makes fresh systems under test for a configuration. The engine calls it once per sequence it runs.
 */
@FunctionalInterface
public interface SystemUnderTestFactory {

    /** A new system in its power-on state, with the board and apps of {@code configuration}. */
    SystemUnderTest create(Configuration configuration);

    /** Whether this factory can build a system for {@code configuration}; the default says yes. */
    default boolean supports(Configuration configuration) {
        return true;
    }
}
