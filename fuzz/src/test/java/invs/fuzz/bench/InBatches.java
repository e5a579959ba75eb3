package invs.fuzz.bench;

import invs.conformance.sut.Capability;
import invs.conformance.sut.SystemUnderTest;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import io.vavr.control.Option;

import java.util.Set;

/**
 * The systems of {@code inner}, in process, saying that they pipeline: a campaign then drives them as it
 * drives a pipelining server (batches sent ahead, aimed by a forecast), with no protocol in between, so that
 * a benchmark can tell what the batches and their forecast cost from what the protocol costs.
 *
 * @param inner the factory whose systems answer
 */
record InBatches(SystemUnderTestFactory inner) implements SystemUnderTestFactory {
    @Override
    public SystemUnderTest create(Configuration configuration) {
        SystemUnderTest system = inner.create(configuration);
        return new SystemUnderTest() {
            @Override
            public Observation apply(Input input) {
                return system.apply(input);
            }

            @Override
            public boolean pipelines() {
                return true;
            }

            @Override
            public Set<Capability> capabilities() {
                return system.capabilities();
            }

            @Override
            public void close() {
                system.close();
            }
        };
    }

    @Override
    public Option<String> refusal(Configuration configuration) {
        return inner.refusal(configuration);
    }

    @Override
    public boolean supports(Configuration configuration) {
        return inner.supports(configuration);
    }
}
