package invs.fuzz.protocol;

import invs.conformance.sut.Capability;
import invs.conformance.sut.SystemUnderTest;
import invs.spec.Input;
import invs.spec.Observation;

import java.time.Duration;
import java.util.Set;

/**
 * An implementation in another process, driven through the out-of-process protocol: each input is one
 * {@code input} request, answered by one {@code observation} reply. A server that crashes, hangs, or
 * answers out of protocol makes {@link #apply} throw a {@link ProtocolFailure}, which the engine reports as
 * a robustness finding naming what went wrong.
 */
final class ExternalSystem implements SystemUnderTest {
    private final ExternalProvider owner;
    private final ServerProcess server;
    private final ProtocolFailure failure;
    private final Set<Capability> capabilities;
    private final Duration timeout;

    private ExternalSystem(ExternalProvider owner, ServerProcess server, ProtocolFailure failure,
                           Set<Capability> capabilities, Duration timeout) {
        this.owner = owner;
        this.server = server;
        this.failure = failure;
        this.capabilities = capabilities;
        this.timeout = timeout;
    }

    /** A system over {@code server}, which has just been reset. */
    static ExternalSystem over(ExternalProvider owner, ServerProcess server, Set<Capability> capabilities,
                               Duration timeout) {
        return new ExternalSystem(owner, server, null, capabilities, timeout);
    }

    /** A system whose server could not be started or reset: every input fails with {@code failure}. */
    static ExternalSystem failed(ExternalProvider owner, ProtocolFailure failure, Set<Capability> capabilities) {
        return new ExternalSystem(owner, null, failure, capabilities, Duration.ZERO);
    }

    @Override
    public Observation apply(Input input) {
        if (Capability.neededBy(input).exists(needed -> !capabilities.contains(needed))) {
            throw new UnsupportedOperationException("the server does not announce the capability for " + input);
        }
        if (failure != null) {
            throw failure;
        }
        Reply reply = server.exchange(id -> new Request.Apply(id, input), timeout);
        return switch (reply) {
            case Reply.Answer answer -> answer.observation();
            case Reply.Error error -> throw server.fail("the server answered input " + input + " with an error: "
                    + JsonFields.shown(error.message(), 500));
            default -> throw server.fail("the server answered input " + input + " with a \""
                    + reply.encode().path("type").asText() + "\" reply instead of an observation");
        };
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public void close() {
        if (server != null) {
            owner.release(server);
        }
    }
}
