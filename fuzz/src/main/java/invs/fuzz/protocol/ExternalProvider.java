package invs.fuzz.protocol;

import invs.conformance.sut.Capability;
import invs.conformance.sut.SystemUnderTest;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.spec.Configuration;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.LongFunction;

/**
 * Makes systems under test that are server processes speaking the out-of-process protocol
 * ({@code docs/protocol.md}), started with a shell command. By default one server serves many sequences:
 * each new system takes an idle server and sends it {@code reset}; with {@code freshServers} every
 * sequence gets a new process instead. A server that announces pipelining in its hello reply gets batches
 * of inputs without waiting for each reply (at most {@link #WINDOW} requests unanswered, or fewer if it
 * says so), the first of them right after its reset, before its ready reply has come. Its hello asks for
 * the {@code same-buffer} extension (unless told not to); a server that agrees may leave out a yield's buffer shown again, which
 * invs puts back ({@link ShownBuffers}). Thread-safe: each thread drives its own servers.
 *
 * <p>Nothing a server does escapes as an exception from {@link #create}: a server that cannot be started
 * or reset yields a system whose every input fails with a {@link ProtocolFailure}, which the engine
 * reports as a finding.
 */
public final class ExternalProvider implements SystemUnderTestFactory, AutoCloseable {
    /** The client name sent in hello requests. */
    public static final String CLIENT = "invs 0.1.0";
    /**
     * The longest reply line a server may write, in bytes, unless invs allowed a larger read-write buffer
     * (then twice its length and 64 KiB); a longer one is a finding ("flooded").
     */
    public static final int MAX_LINE = ServerProcess.MAX_LINE;
    /** The most requests invs leaves unanswered when a server announces pipelining (it may announce fewer). */
    public static final int WINDOW = 256;
    /** The most characters of a server's name or reason shown in messages. */
    private static final int REASON_CHARS = 200;

    private final String command;
    private final Duration requestTimeout;
    private final Duration startTimeout;
    private final boolean freshServers;
    private final boolean pipelining;
    /** Whether hello asks for the extensions invs reads ({@code same-buffer}). */
    private final boolean extensions;
    private final ConcurrentLinkedDeque<ServerProcess> idle = new ConcurrentLinkedDeque<>();
    /**
     * With fresh servers, the server that answers which boards the system builds (asked once per board,
     * before a campaign) and the preflight's, kept between those questions: they are no sequences, and a
     * server started for each cost a campaign one server start per board before its first try.
     */
    private final ConcurrentLinkedDeque<ServerProcess> asking = new ConcurrentLinkedDeque<>();
    private final Map<Configuration, Option<String>> refusals = new ConcurrentHashMap<>();
    private volatile Reply.Hello hello;

    /**
     * Servers started with {@code command}; each request must be answered within {@code requestTimeout},
     * the first (hello) within {@code startTimeout}.
     */
    public ExternalProvider(String command, Duration requestTimeout, Duration startTimeout, boolean freshServers) {
        this(command, requestTimeout, startTimeout, freshServers, true);
    }

    /**
     * Servers like {@link #ExternalProvider(String, Duration, Duration, boolean)}, driven one request at a
     * time even when they announce pipelining unless {@code pipelining}.
     */
    public ExternalProvider(String command, Duration requestTimeout, Duration startTimeout, boolean freshServers,
                            boolean pipelining) {
        this(command, requestTimeout, startTimeout, freshServers, pipelining, true);
    }

    /**
     * Servers like {@link #ExternalProvider(String, Duration, Duration, boolean, boolean)}, asked in hello for
     * no protocol extension unless {@code extensions} (docs/protocol.md, section 8): a server then writes
     * every buffer in full.
     */
    public ExternalProvider(String command, Duration requestTimeout, Duration startTimeout, boolean freshServers,
                            boolean pipelining, boolean extensions) {
        this.command = command;
        this.requestTimeout = requestTimeout;
        this.startTimeout = startTimeout;
        this.freshServers = freshServers;
        this.pipelining = pipelining;
        this.extensions = extensions;
    }

    /** The command that starts a server. */
    public String command() {
        return command;
    }

    /**
     * Starts a server and greets it, to learn its name and capabilities before a campaign.
     *
     * @throws ProtocolFailure when the server cannot be started or does not answer hello properly
     */
    public Reply.Hello preflight() {
        ServerProcess server = startServer();
        keepForAsking(server);
        return hello;
    }

    @Override
    public SystemUnderTest create(Configuration configuration) {
        ServerProcess server;
        try {
            server = takeServer();
        } catch (ProtocolFailure failure) {
            return ExternalSystem.failed(this, failure, knownCapabilities());
        }
        int window = window();
        LongFunction<Request> reset = id -> new Request.Reset(id, configuration);
        try {
            if (window > 1) {
                server.send(List.of(reset), List.of(), window);
                return ExternalSystem.resetting(this, server, knownCapabilities(), requestTimeout, window);
            }
            ProtocolFailure refused = notReady(server, server.exchange(reset, requestTimeout));
            if (refused == null) {
                return ExternalSystem.over(this, server, knownCapabilities(), requestTimeout, window);
            }
            release(server);
            return ExternalSystem.failed(this, refused, knownCapabilities());
        } catch (ProtocolFailure failure) {
            return ExternalSystem.failed(this, failure, knownCapabilities());
        }
    }

    /**
     * Why a system cannot use {@code server}, which answered its reset with {@code reply}: null when the
     * reply is ready; a refusal of the configuration (the server stays usable); any other reply breaks it.
     */
    ProtocolFailure notReady(ServerProcess server, Reply reply) {
        return switch (reply) {
            case Reply.Ready ready -> null;
            case Reply.Unsupported unsupported -> new ProtocolFailure("the server refused the configuration: "
                    + JsonFields.shown(unsupported.reason(), REASON_CHARS));
            case Reply.Error error -> server.fail("the server answered reset with a reply of type \"error\" instead of"
                    + " ready: " + JsonFields.shown(error.message(), REASON_CHARS));
            default -> server.fail("the server answered reset with a reply of type \""
                    + reply.encode().path("type").asText() + "\" instead of ready");
        };
    }

    /**
     * The reason a server gave for not building {@code configuration} (its {@code unsupported} reply to
     * reset), none when it answered ready; asked once per configuration.
     */
    @Override
    public Option<String> refusal(Configuration configuration) {
        return refusals.computeIfAbsent(configuration, this::ask);
    }

    private Option<String> ask(Configuration configuration) {
        try {
            ServerProcess kept = freshServers ? asking.poll() : null;
            ServerProcess server = kept != null ? kept : takeServer();
            Reply reply = server.exchange(id -> new Request.Reset(id, configuration), requestTimeout);
            keepForAsking(server);
            return reply instanceof Reply.Unsupported refusal
                    ? Option.some("the server refused it: " + JsonFields.shown(refusal.reason(), REASON_CHARS))
                    : Option.none();
        } catch (ProtocolFailure failure) {
            return Option.none(); // the campaign will report the failure as a finding
        }
    }

    /** Gives a server back after a sequence: kept for the next one, or stopped. */
    void release(ServerProcess server) {
        if (server.broken()) {
            return;
        }
        if (freshServers) {
            server.stop();
        } else {
            idle.push(server);
        }
    }

    /** Gives back a server used for a question, not a sequence: with fresh servers, kept for the next question. */
    private void keepForAsking(ServerProcess server) {
        if (freshServers && !server.broken()) {
            asking.push(server);
        } else {
            release(server);
        }
    }

    private ServerProcess takeServer() {
        ServerProcess server = idle.poll();
        return server != null ? server : startServer();
    }

    private ServerProcess startServer() {
        ServerProcess server = ServerProcess.start(command);
        Reply reply = server.exchange(id -> new Request.Hello(id, ProtocolServer.PROTOCOL, CLIENT, extensions), startTimeout);
        if (!(reply instanceof Reply.Hello greeting)) {
            String detail = reply instanceof Reply.Error error ? ": " + JsonFields.shown(error.message(), REASON_CHARS) : "";
            throw server.fail("the server answered hello with a reply of type \""
                    + reply.encode().path("type").asText() + "\"" + detail);
        }
        if (greeting.protocol() != ProtocolServer.PROTOCOL) {
            throw server.fail("the server speaks protocol " + greeting.protocol() + "; invs speaks "
                    + ProtocolServer.PROTOCOL);
        }
        boolean sameBuffer = extensions && greeting.sameBuffer(); // used only when both hello messages name it
        hello = new Reply.Hello(greeting.id(), greeting.protocol(), JsonFields.shown(greeting.server(), REASON_CHARS),
                greeting.capabilities(), greeting.profile(), greeting.pipelining(), sameBuffer);
        if (sameBuffer) {
            server.useSameBuffer();
        }
        return server;
    }

    /** How many requests a system may leave unanswered: what the server announced, within {@link #WINDOW}. */
    private int window() {
        Reply.Hello known = hello;
        return known == null || !pipelining ? 1 : Math.min(known.pipelining(), WINDOW);
    }

    /** The environment events the server announced in its hello reply; none before it answered. */
    public Option<Set<Capability>> announcedCapabilities() {
        Reply.Hello known = hello;
        return known == null ? Option.none() : Option.some(known.capabilities());
    }

    /** The server's name and version from its hello reply, empty before it answered or when it gave none. */
    public String serverName() {
        Reply.Hello known = hello;
        return known == null ? "" : known.server();
    }

    private Set<Capability> knownCapabilities() {
        return announcedCapabilities().getOrElse(() -> EnumSet.noneOf(Capability.class));
    }

    /** Stops every idle server. */
    @Override
    public void close() {
        for (ServerProcess server = idle.poll(); server != null; server = idle.poll()) {
            server.stop();
        }
        for (ServerProcess server = asking.poll(); server != null; server = asking.poll()) {
            server.stop();
        }
    }
}
