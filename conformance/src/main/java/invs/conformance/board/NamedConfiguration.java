package invs.conformance.board;

import invs.spec.Configuration;

/**
 * A configuration with a short name for reports, test names and the command line.
 *
 * @param name          a short name, for example {@code doc-default}
 * @param configuration the configuration
 */
public record NamedConfiguration(String name, Configuration configuration) {
    /** Checks the fields. */
    public NamedConfiguration {
        if (name == null || name.isBlank() || configuration == null) {
            throw new IllegalArgumentException("a named configuration needs a name and a configuration");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
