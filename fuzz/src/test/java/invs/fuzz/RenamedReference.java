package invs.fuzz;

import invs.conformance.reference.ReferenceProvider;
import invs.conformance.sut.SystemUnderTest;
import invs.conformance.sut.SystemUnderTestProvider;
import invs.spec.Configuration;

/**
 * The reference implementation under another name, as a provider of a user's own would be: not listed in the
 * test classes' services, so only a class path that names it (the launcher's {@code INVS_CLASSPATH}) finds it.
 */
public final class RenamedReference implements SystemUnderTestProvider {
    private final ReferenceProvider reference = new ReferenceProvider();

    @Override
    public String name() {
        return "renamed-reference";
    }

    @Override
    public String description() {
        return "the reference implementation under another name (a test's)";
    }

    @Override
    public SystemUnderTest create(Configuration configuration) {
        return reference.create(configuration);
    }
}
