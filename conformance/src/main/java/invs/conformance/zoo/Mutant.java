package invs.conformance.zoo;

import invs.conformance.reference.BoardMapping;
import invs.conformance.reference.ReferenceSystem;
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
 * @param layer       for a mutant that changes the answers of the system beneath it, how to lay it over
 *                    another system than the reference (to make a system with two defects)
 */
public record Mutant(String name, BugClass bugClass, String description,
                     Function<Configuration, SystemUnderTest> factory, Vector<Profile> bugIn, Option<Layer> layer)
        implements SystemUnderTestFactory {

    /** How a mutant that changes answers is laid over the system beneath it. */
    @FunctionalInterface
    public interface Layer {
        /** The mutant for {@code configuration}, changing the answers of the system {@code base} makes. */
        SystemUnderTest over(Configuration configuration, SystemUnderTestFactory base);
    }

    /** Checks that the mutant is a bug somewhere. */
    public Mutant {
        if (bugIn.isEmpty()) {
            throw new IllegalArgumentException("a mutant is a bug under at least one profile");
        }
    }

    /** A mutant that is a bug under both readings of the document and builds its own board. */
    public Mutant(String name, BugClass bugClass, String description, Function<Configuration, SystemUnderTest> factory) {
        this(name, bugClass, description, factory, Vector.of(Profile.values()), Option.none());
    }

    /** A mutant that changes the answers of the reference (or of another mutant), a bug under both readings. */
    public static Mutant layered(String name, BugClass bugClass, String description, Layer layer) {
        return new Mutant(name, bugClass, description, configuration -> layer.over(configuration, ReferenceSystem::new),
                Vector.of(Profile.values()), Option.some(layer));
    }

    /** This mutant, a bug only under {@code profile} (the other reading allows what it does). */
    public Mutant onlyIn(Profile profile) {
        return new Mutant(name, bugClass, description, factory, Vector.of(profile), layer);
    }

    /**
     * A system with two defects: this mutant laid over {@code beneath}, a bug under the profiles both are
     * bugs under.
     *
     * @throws IllegalArgumentException when this mutant does not change answers (it builds its own board),
     *                                  or the two share no profile
     */
    public Mutant over(Mutant beneath) {
        Layer mine = layer.getOrElseThrow(() -> new IllegalArgumentException(name + " builds its own board"));
        Vector<Profile> both = bugIn.filter(beneath.bugIn()::contains);
        if (both.isEmpty()) {
            throw new IllegalArgumentException(name + " and " + beneath.name() + " are bugs under different profiles");
        }
        return new Mutant(beneath.name() + "+" + name, bugClass, beneath.description() + "; and " + description,
                configuration -> mine.over(configuration, beneath), both, Option.none());
    }

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
