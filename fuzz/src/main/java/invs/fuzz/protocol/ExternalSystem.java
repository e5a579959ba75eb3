package invs.fuzz.protocol;

import invs.conformance.sut.Answers;
import invs.conformance.sut.Capability;
import invs.conformance.sut.PendingAnswers;
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
 * {@link #send} without waiting for each reply, at most its window of requests unanswered, and the
 * replies are read as the engine takes them.
 */
final class ExternalSystem implements SystemUnderTest {
    private final ExternalProvider owner;
    private final ServerProcess server;
    private ProtocolFailure failure;
    /** Whether the reply to the server's reset has still to be read (a pipelining server). */
    private boolean resetting;
    private final Set<Capability> capabilities;
    private final Duration timeout;
    private final int window;
    /** How many requests have been sent by {@link #send} and how many of their replies read. */
    private long sent;
    private long received;

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

    /**
     * A system over {@code server}, a pipelining server sent a reset whose reply has not been read: the
     * first answer taken reads it first, and if the server is not ready that input and every one after it
     * fail as inputs of a {@link #failed} system do.
     */
    static ExternalSystem resetting(ExternalProvider owner, ServerProcess server, Set<Capability> capabilities,
                                    Duration timeout, int window) {
        ExternalSystem system = new ExternalSystem(owner, server, null, capabilities, timeout, window);
        system.resetting = true;
        return system;
    }

    /** A system whose server could not be started or reset: every input fails with {@code failure}. */
    static ExternalSystem failed(ExternalProvider owner, ProtocolFailure failure, Set<Capability> capabilities) {
        return new ExternalSystem(owner, null, failure, capabilities, Duration.ZERO, 1);
    }

    @Override
    public Observation apply(Input input) {
        requireCapability(input);
        awaitReady();
        return observation(input, server.exchange(id -> new Request.Apply(id, input), timeout));
    }

    /**
     * Pipelines {@code inputs} when the server announced it (one at a time otherwise): the inputs up to the
     * first one the server does not announce the capability for are sent at once, after every input sent
     * before, and their replies are read as they are taken; the first failure ends the batch.
     */
    @Override
    public PendingAnswers send(Vector<? extends Input> inputs) {
        return send(inputs, Vector.empty());
    }

    /**
     * Sends {@code inputs} as {@link #send(Vector)} does; a reply that is, byte for byte, the line of the
     * observation {@code expected} forecasts for its input is read without being decoded ({@link AwaitedReply}).
     */
    @Override
    public PendingAnswers send(Vector<? extends Input> inputs, Vector<Observation> expected) {
        if (!pipelines()) {
            return SystemUnderTest.super.send(inputs);
        }
        int sendable = inputs.indexWhere(input -> !Capability.allows(capabilities, input));
        Vector<? extends Input> written = sendable < 0 ? inputs : inputs.take(sendable);
        List<LongFunction<Request>> requests = new ArrayList<>(written.size());
        for (Input input : written) {
            requests.add(id -> new Request.Apply(id, input));
        }
        long first = sent;
        sent += written.size();
        ProtocolFailure failed = null;
        try {
            server.send(requests, expected.asJava(), window);
        } catch (ProtocolFailure broken) {
            failed = broken;
        }
        return new ServedAnswers(this, inputs, written.size(), first, failed);
    }

    /** Pipelines {@code inputs} as {@link #send} does and takes every answer. */
    @Override
    public Answers applyAll(Vector<? extends Input> inputs) {
        return Answers.takenFrom(send(inputs));
    }

    /**
     * The reply to the request sent {@code index}-th (counted from 0 over this system's life), dropping
     * the replies to the requests before it that were never taken (a batch judged only in part).
     */
    Observation answer(long index, Input input) {
        awaitReady();
        while (received < index) {
            server.receive(timeout);
            received++;
        }
        received++;
        return observation(input, server.receive(timeout));
    }

    /**
     * Reads the reply to the server's reset if it has not been read.
     *
     * @throws ProtocolFailure when the system failed, now or before: the server could not be reset
     */
    private void awaitReady() {
        if (resetting) {
            resetting = false;
            try {
                failure = owner.notReady(server, server.receive(timeout));
            } catch (ProtocolFailure broken) {
                failure = broken;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Whether the server announced pipelining (and works). */
    @Override
    public boolean pipelines() {
        return failure == null && window > 1;
    }

    /** @throws UnsupportedOperationException when the server did not announce the capability for {@code input} */
    void requireCapability(Input input) {
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

    /**
     * Gives the server back, once it has answered every request sent (a batch not judged to its end); a
     * server that fails to is not kept.
     */
    @Override
    public void close() {
        if (server != null) {
            try {
                server.discardAwaiting(timeout);
            } catch (ProtocolFailure broken) {
                // the server is killed and not kept: the failure was after the last step judged
            }
            owner.release(server);
        }
    }
}
