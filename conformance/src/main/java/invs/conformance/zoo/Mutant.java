package invs.conformance.zoo;

import invs.conformance.reference.BoardMapping;
import invs.conformance.sut.SystemUnderTest;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.spec.Configuration;
import invs.spec.Profile;
import io.vavr.collection.Vector;
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
 * @param bugIn       the readings of the document under which what it does is a bug (the other reading may
 *                    allow it)
 */
public record Mutant(String name, BugClass bugClass, String description,
                     Function<Configuration, SystemUnderTest> factory, Vector<Profile> bugIn)
        implements SystemUnderTestFactory {

    /** Checks that the mutant is a bug somewhere. */
    public Mutant {
        if (bugIn.isEmpty()) {
            throw new IllegalArgumentException("a mutant is a bug under at least one profile");
        }
    }

    /** A mutant that is a bug under both readings of the document. */
    public Mutant(String name, BugClass bugClass, String description, Function<Configuration, SystemUnderTest> factory) {
        this(name, bugClass, description, factory, Vector.of(Profile.values()));
    }

    /** This mutant, a bug only under {@code profile} (the other reading allows what it does). */
    public Mutant onlyIn(Profile profile) {
        return new Mutant(name, bugClass, description, factory, Vector.of(profile));
    }

    @Override
    public SystemUnderTest create(Configuration configuration) {
        return factory.apply(configuration);
    }

    /** A mutant builds the boards the reference builds: it is the reference with one behaviour changed. */
    @Override
    public Option<String> refusal(Configuration configuration) {
        return BoardMapping.unsupported(configuration);
    }

    @Override
    public String toString() {
        return name;
    }
}
