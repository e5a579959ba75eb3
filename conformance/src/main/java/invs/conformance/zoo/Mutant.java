package invs.conformance.zoo;

import invs.conformance.sut.SystemUnderTest;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.reference.BoardMapping;
import invs.spec.Configuration;
import io.vavr.control.Option;

import java.util.function.Function;

/**
 * A deliberately wrong implementation: a small variation of the reference implementation standing for one
 * realistic bug. The conformance suite must tell it from the reference.
 *
 * @param name        a short name, for example {@code busy-global}
 * @param bugClass    the kind of bug
 * @param description the bug, in one sentence
 * @param factory     makes the mutant for a configuration
 */
public record Mutant(String name, BugClass bugClass, String description,
                     Function<Configuration, SystemUnderTest> factory) implements SystemUnderTestFactory {

    @Override
    public SystemUnderTest create(Configuration configuration) {
        return factory.apply(configuration);
    }

    /** What the reference implementation cannot build, a mutant of it cannot either. */
    @Override
    public Option<String> refusal(Configuration configuration) {
        return BoardMapping.unsupported(configuration);
    }

    @Override
    public String toString() {
        return name;
    }
}
