package invs.conformance.reference;

import invs.conformance.sut.SystemUnderTest;
import invs.conformance.sut.SystemUnderTestProvider;

import invs.spec.Configuration;
import io.vavr.control.Option;

/** The reference implementation ({@code invs.impl}) as a {@link SystemUnderTestProvider}. */
public final class ReferenceProvider implements SystemUnderTestProvider {
    /** The reference implementation's name. */
    public static final String NAME = "reference";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the flash-backed reference implementation (invs.impl.board.Board), in process";
    }

    @Override
    public SystemUnderTest create(Configuration configuration) {
        return new ReferenceSystem(configuration);
    }

    @Override
    public Option<String> refusal(Configuration configuration) {
        return BoardMapping.unsupported(configuration);
    }
}
