package invs.fuzz.protocol;

import invs.conformance.sut.Capability;
import invs.conformance.sut.SystemUnderTest;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.trace.AllowedBuffers;
import invs.conformance.trace.InputBounds;
import invs.conformance.trace.LineReader;
import invs.conformance.trace.LineTooLongException;
import invs.conformance.trace.TraceFormatException;
import invs.conformance.trace.TraceLimits;
import invs.conformance.trace.Utf8Text;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Configuration;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.control.Option;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The server side of the out-of-process protocol ({@code docs/protocol.md}) over any system under test:
 * reads requests line by line, answers each with one reply line, until {@code bye} or the end of its input.
 * {@code invs serve} runs it over the reference implementation (or a bug-zoo mutant, or the provider
 * {@code --sut} names) on standard input and output, so that the protocol is tested end to end by the same
 * adapter that drives other implementations.
 *
 * <p>It announces pipelining ({@link #PIPELINING} requests) unless made with a window of 1: it answers
 * requests in order as it reads them, and when requests arrive ahead of their replies it writes the
 * replies in runs (at most {@link #FLUSH_EVERY} at a time) instead of flushing after each one, and
 * always before it waits for more requests. It polls for the next request for a while before it blocks
 * only after a request that came alone; after a batch it blocks at once ({@link ServerInput}). When the
 * client's hello asks for the {@code same-buffer} extension it uses it: a yield that shows the buffer its
 * app's last yield showed leaves it out ({@link ShownBuffers}).
 */
public final class ProtocolServer {
    /** The protocol version this server speaks. */
    public static final int PROTOCOL = 1;
    /** The pipelining window this server announces unless told otherwise. */
    public static final int PIPELINING = 256;
    /** The most replies a pipelining server holds back before flushing them. */
    static final int FLUSH_EVERY = 16;
    /**
     * How long a pipelining server polls for the next request after a request that came alone before it
     * blocks waiting for it ({@link ServerInput}), and invs for the next reply to a batch, while polling pays
     * ({@link SpinningInput}): 100 microseconds.
     */
    static final long SPIN_NANOS = 100_000;
    /** Jackson's default reading, which takes the last of two fields and ignores what follows an object. */
    private static final ObjectMapper LENIENT = new ObjectMapper();

    private final String name;
    private final SystemUnderTestFactory factory;
    private final Set<Capability> capabilities;
    private final TraceLimits limits;
    private final Option<Profile> reading;
    private final int pipelining;
    private SystemUnderTest system;
    private Configuration configuration;
    private final RecentResets resets = new RecentResets();
    private AllowedBuffers allowed;
    /**
     * The buffer each app showed last since the reset, while the client reads a buffer left out as that one
     * (the {@code same-buffer} extension, asked for in its hello); null when it did not ask.
     */
    private ShownBuffers shown;

    /**
     * A server called {@code name} (sent in the hello reply) whose boards come from {@code factory} and
     * which announces {@code capabilities}, within the standard limits.
     */
    public ProtocolServer(String name, SystemUnderTestFactory factory, Set<Capability> capabilities) {
        this(name, factory, capabilities, TraceLimits.standard());
    }

    /**
     * A server like {@link #ProtocolServer(String, SystemUnderTestFactory, Set)} that answers requests
     * longer than {@link TraceLimits#maxLine()} bytes, and inputs with a larger buffer than
     * {@link TraceLimits#maxBuffer()}, with an {@code error} reply.
     */
    public ProtocolServer(String name, SystemUnderTestFactory factory, Set<Capability> capabilities, TraceLimits limits) {
        this(name, factory, capabilities, limits, Option.none());
    }

    /**
     * A server with one fixed behaviour: it implements {@code reading} whatever profile a configuration
     * names (it builds every board under that reading), and announces it in its hello reply.
     */
    public ProtocolServer(String name, SystemUnderTestFactory factory, Set<Capability> capabilities, TraceLimits limits,
                          Option<Profile> reading) {
        this(name, factory, capabilities, limits, reading, PIPELINING);
    }

    /**
     * A server like {@link #ProtocolServer(String, SystemUnderTestFactory, Set, TraceLimits, Option)} that
     * announces a pipelining window of {@code pipelining} requests (1: none; it then flushes every reply).
     */
    public ProtocolServer(String name, SystemUnderTestFactory factory, Set<Capability> capabilities, TraceLimits limits,
                          Option<Profile> reading, int pipelining) {
        if (pipelining < 1) {
            throw new IllegalArgumentException("a pipelining window is at least 1: " + pipelining);
        }
        this.pipelining = pipelining;
        this.reading = reading;
        this.name = name;
        this.factory = factory;
        this.capabilities = capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
        this.limits = limits;
    }

    /**
     * Serves requests from {@code in}, writing replies to {@code out}, until a {@code bye} request or the end
     * of {@code in}.
     *
     * @throws UncheckedIOException when a stream fails
     */
    public void serve(InputStream in, OutputStream out) {
        OutputStream replies = pipelining > 1 ? new BufferedOutputStream(out, 1 << 16) : out;
        ServerInput input = pipelining > 1 ? new ServerInput(in, replies, SPIN_NANOS) : null;
        LineReader reader = new LineReader(input != null ? input : in, limits.maxLine());
        LineEncoder lines = new LineEncoder();
        int held = 0;
        try {
            while (true) {
                Reply reply;
                try {
                    byte[] line = reader.next();
                    if (line == null) {
                        break;
                    }
                    reply = answer(line);
                } catch (LineTooLongException e) {
                    reader.skipRest();
                    reply = new Reply.Error(0, "malformed request: longer than " + TraceLimits.size(e.limit())
                            + ", the longest request line this server reads (it grows with --max-buffer)");
                }
                if (reply == null) {
                    continue;
                }
                if (input != null) {
                    input.requestRead();
                }
                lines.clear();
                lines.add(reply);
                lines.writeTo(replies);
                if (pipelining == 1 || ++held >= FLUSH_EVERY || reply instanceof Reply.Goodbye) {
                    replies.flush();
                    held = 0;
                }
                if (reply instanceof Reply.Goodbye) {
                    break;
                }
            }
            replies.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the protocol stream failed", e);
        } finally {
            // Replies held back are written even when the server ends on a failure of its own (out of
            // memory): the client then sees every request answered up to the one that failed.
            flushQuietly(replies);
            closeSystem();
        }
    }

    private static void flushQuietly(OutputStream replies) {
        try {
            replies.flush();
        } catch (IOException e) {
            // The stream failed already; the failure that ends the server says so.
        }
    }

    /**
     * The reply to one request line's bytes, null for a blank line (spaces, tabs and carriage returns only,
     * as JSON counts white space; any other character is a malformed request): an input request read
     * straight from the bytes when {@link LineDecoder} vouches for the line, a reset to a board reset to lately with the
     * configuration decoded then ({@link RecentResets}), any other request through its text.
     */
    private Reply answer(byte[] bytes) {
        if (ReplyLines.isBlank(bytes)) {
            return null;
        }
        Request.Apply input = LineDecoder.apply(bytes);
        if (input != null) {
            return apply(input);
        }
        Request.Reset recalled = resets.recalled(bytes);
        if (recalled != null) {
            return reset(recalled.id(), recalled.configuration());
        }
        String line;
        try {
            line = Utf8Text.decode(bytes);
        } catch (TraceFormatException e) {
            return new Reply.Error(0, "malformed request: " + e.getMessage());
        }
        return answer(line, bytes);
    }

    /** The reply to one request line. */
    Reply answer(String line) {
        return answer(line, null);
    }

    /** The reply to one request line, whose bytes are {@code bytes} (null when not known). */
    private Reply answer(String line, byte[] bytes) {
        Request request;
        try {
            request = Request.decode(line);
        } catch (TraceFormatException e) {
            if (isReset(line)) {
                closeSystem(); // as a reset refused as unsupported: no board until the next good reset
            }
            return new Reply.Error(idOf(line), "malformed request: " + e.getMessage());
        }
        if (bytes != null && request instanceof Request.Reset reset) {
            resets.keep(bytes, reset);
        }
        return answer(request);
    }

    private Reply answer(Request request) {
        return switch (request) {
            case Request.Hello hello -> hello(hello);
            case Request.Reset reset -> reset(reset.id(), reset.configuration());
            case Request.Apply apply -> apply(apply);
            case Request.Bye bye -> new Reply.Goodbye(bye.id());
        };
    }

    private Reply hello(Request.Hello hello) {
        if (hello.protocol() != PROTOCOL) {
            return new Reply.Error(hello.id(), "this server speaks protocol " + PROTOCOL + ", not " + hello.protocol());
        }
        shown = hello.sameBuffer() ? new ShownBuffers() : null;
        return new Reply.Hello(hello.id(), PROTOCOL, name, capabilities, reading, pipelining, hello.sameBuffer());
    }

    private Reply apply(Request.Apply apply) {
        if (system == null) {
            return new Reply.Error(apply.id(), "no board yet: send reset with a configuration first");
        }
        Option<TraceFormatException> problem = InputBounds.problem(apply.input(), configuration, limits)
                .orElse(() -> allowed.admit(apply.input()));
        if (problem.isDefined()) {
            return new Reply.Error(apply.id(), "cannot apply the input: " + problem.get().at(0, "input").getMessage());
        }
        Observation observation;
        try {
            observation = system.apply(apply.input());
        } catch (RuntimeException e) {
            return new Reply.Error(apply.id(), "the implementation failed: " + e);
        }
        if (shown != null && apply.input() instanceof Yield(AppId app)
                && observation instanceof Observation.Yielded(Option<Upcall> upcall, Bytes buffer)
                && shown.repeats(app, buffer)) {
            return new Reply.SameBuffer(apply.id(), upcall);
        }
        return new Reply.Answer(apply.id(), observation);
    }

    private Reply reset(long id, Configuration asked) {
        closeSystem();
        Configuration configuration = reading.filter(fixed -> fixed != asked.profile())
                .map(fixed -> asked.withProfile(fixed).withTransferLimit(Configuration.defaultTransferLimit(fixed)))
                .getOrElse(asked);
        Option<String> reason = factory.refusal(configuration);
        if (reason.isDefined() || !factory.supports(configuration)) {
            return new Reply.Unsupported(id, name + " cannot build this configuration"
                    + reason.map(text -> ": " + text).getOrElse(""));
        }
        try {
            system = factory.create(configuration);
            this.configuration = configuration;
            allowed = new AllowedBuffers(limits);
            return new Reply.Ready(id);
        } catch (RuntimeException e) {
            return new Reply.Unsupported(id, String.valueOf(e.getMessage()));
        }
    }

    private void closeSystem() {
        if (shown != null) {
            shown.clear(); // a reset, refused or not, starts the apps' buffers afresh
        }
        if (system != null) {
            system.close();
            system = null;
            configuration = null;
        }
    }

    /** The id of a malformed request, when it is a JSON integer of 0 or more that fits 64 bits; else 0. */
    private static long idOf(String line) {
        try {
            var id = JsonFields.parse(line).path("id");
            return id.isIntegralNumber() && id.canConvertToLong() ? Math.max(0, id.asLong()) : 0;
        } catch (TraceFormatException e) {
            return 0;
        }
    }

    /**
     * Whether a malformed request may be a reset: it begins with a JSON object whose {@code type} is
     * {@code reset}, read leniently (a field given twice, the last wins; anything after the object ignored),
     * since the strict reading refused it.
     */
    private static boolean isReset(String line) {
        try {
            return "reset".equals(LENIENT.readTree(line).path("type").textValue());
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
