package invs.fuzz.guided;

import invs.conformance.board.NamedConfiguration;
import invs.conformance.check.Property;
import invs.conformance.check.Checks;
import invs.conformance.check.Run;
import invs.conformance.check.Session;
import invs.conformance.check.Violation;
import invs.conformance.sut.Capability;
import invs.conformance.sut.SystemUnderTest;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.spec.Input;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.Set;

/**
 * Decodes a fuzzer's bytes and runs the sequence on a fresh system in lockstep with the specification,
 * checking the online properties: the body of the Jazzer target and of the {@code @FuzzTest}, and how the
 * guided campaign re-reads the inputs Jazzer saved.
 */
public final class SequenceCheck {
    private final SequenceDecoder decoder;
    private final SystemUnderTestFactory factory;
    private final Vector<Property> properties;

    /** A check of systems from {@code factory} on {@code configurations}, for {@code properties} (the online ones). */
    public SequenceCheck(SystemUnderTestFactory factory, Vector<NamedConfiguration> configurations,
                         Vector<Property> properties) {
        this.factory = factory;
        this.properties = properties.filter(Property.online()::contains);
        this.decoder = new SequenceDecoder(configurations, capabilities(factory, configurations.head()));
    }

    /** The sequence {@code data} stands for. */
    public DecodedSequence decode(byte[] data) {
        return decoder.decode(data);
    }

    /** The violation the sequence {@code data} stands for shows, if any. */
    public Option<Violation> check(byte[] data) {
        return run(data).violation();
    }

    /** What the sequence {@code data} stands for does on a fresh system, up to its first violation. */
    public Run run(byte[] data) {
        DecodedSequence sequence = decoder.decode(data);
        return Session.run(sequence.configuration().configuration(), factory, Checks.of(properties), sequence.inputs());
    }

    private static Set<Capability> capabilities(SystemUnderTestFactory factory, NamedConfiguration named) {
        try (SystemUnderTest system = factory.create(named.configuration())) {
            return system.capabilities();
        }
    }
}
