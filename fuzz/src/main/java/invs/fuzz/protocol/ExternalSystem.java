package invs.fuzz.protocol;

import invs.conformance.sut.Answers;
import invs.conformance.sut.Capability;
import invs.conformance.sut.SystemUnderTest;
import invs.spec.Input;
import invs.spec.Observation;
import io.vavr.collection.Vector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * An implementation in another process, driven through the out-of-process protocol: each input is one
 * {@code input} request, answered by one {@code observation} reply. A server that crashes, hangs, or
 * answers out of protocol makes {@link #apply} throw a {@link ProtocolFailure}, which the engine reports as
 * a robustness finding naming what went wrong. A server that announces pipelining gets the inputs of
 * {@link #applyAll} without waiting for each reply, at most its window of requests unanswered.
 */
final class ExternalSystem implements SystemUnderTest {
    private final ExternalProvider owner;
    private final ServerProcess server;
    private final ProtocolFailure failure;
    private final Set<Capability> capabilities;
    private final Duration timeout;
    private final int window;

    private ExternalSystem(ExternalProvider owner, ServerProcess server, ProtocolFailure failure,
                           Set<Capability> capabilities, Duration timeout, int window) {
        this.owner = owner;
        this.server = server;
        this.failure = failure;
        this.capabilities = capabilities;
        this.timeout = timeout;
        this.window = window;
    }

    /**
     * A system over {@code server}, which has just been reset; {@code window} requests may be sent before
     * the first is answered (1: one at a time).
     */
    static ExternalSystem over(ExternalProvider owner, ServerProcess server, Set<Capability> capabilities,
                               Duration timeout, int window) {
        return new ExternalSystem(owner, server, null, capabilities, timeout, window);
    }

    /** A system whose server could not be started or reset: every input fails with {@code failure}. */
    static ExternalSystem failed(ExternalProvider owner, ProtocolFailure failure, Set<Capability> capabilities) {
        return new ExternalSystem(owner, null, failure, capabilities, Duration.ZERO, 1);
    }

    @Override
    public Observation apply(Input input) {
        requireCapability(input);
        if (failure != null) {
            throw failure;
        }
        return observation(input, server.exchange(id -> new Request.Apply(id, input), timeout));
    }

    /**
     * Pipelines {@code inputs} when the server announced it (one at a time otherwise): the inputs up to the
     * first one the server does not announce the capability for are sent without waiting for replies, and
     * the first failure ends the batch.
     */
    @Override
    public Answers applyAll(Vector<? extends Input> inputs) {
        if (!pipelines()) {
            return SystemUnderTest.super.applyAll(inputs);
        }
        int sendable = inputs.indexWhere(input -> !Capability.allows(capabilities, input));
        List<LongFunction<Request>> requests = new ArrayList<>(inputs.size());
        for (Input input : sendable < 0 ? inputs : inputs.take(sendable)) {
            requests.add(id -> new Request.Apply(id, input));
        }
        List<Observation> observations = new ArrayList<>(requests.size());
        try {
            server.pipeline(requests, window, timeout,
                    (request, reply) -> observations.add(observation(((Request.Apply) request).input(), reply)));
        } catch (ProtocolFailure stopped) {
            return Answers.until(Vector.ofAll(observations), stopped);
        }
        if (sendable >= 0) {
            try {
                requireCapability(inputs.get(sendable));
            } catch (UnsupportedOperationException refused) {
                return Answers.until(Vector.ofAll(observations), refused);
            }
        }
        return Answers.all(Vector.ofAll(observations));
    }

    /** Whether the server announced pipelining (and works). */
    @Override
    public boolean pipelines() {
        return failure == null && window > 1;
    }

    private void requireCapability(Input input) {
        if (!Capability.allows(capabilities, input)) {
            throw new UnsupportedOperationException("the server does not announce the capability for " + input);
        }
    }

    /** The observation {@code reply} answers {@code input} with. @throws ProtocolFailure for any other reply */
    private Observation observation(Input input, Reply reply) {
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
