package invs.fuzz.protocol;

import invs.conformance.sut.Capability;
import invs.conformance.sut.SystemUnderTest;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.trace.TraceFormatException;
import invs.spec.Configuration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

/**
 * The server side of the out-of-process protocol ({@code docs/protocol.md}) over any system under test:
 * reads requests line by line, answers each with one reply line, until {@code bye} or the end of its input.
 * {@code invs serve} runs it over the reference implementation (or a bug-zoo mutant) on standard input and
 * output, so that the protocol is tested end to end by the same adapter that drives other implementations.
 */
public final class ProtocolServer {
    /** The protocol version this server speaks. */
    public static final int PROTOCOL = 1;

    private final String name;
    private final SystemUnderTestFactory factory;
    private final Set<Capability> capabilities;
    private SystemUnderTest system;

    /**
     * A server called {@code name} (sent in the hello reply) whose boards come from {@code factory} and
     * which announces {@code capabilities}.
     */
    public ProtocolServer(String name, SystemUnderTestFactory factory, Set<Capability> capabilities) {
        this.name = name;
        this.factory = factory;
        this.capabilities = capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
    }

    /**
     * Serves requests from {@code in}, writing replies to {@code out}, until a {@code bye} request or the end
     * of {@code in}.
     */
    public void serve(InputStream in, OutputStream out) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                Reply reply = answer(line);
                writer.write(JsonFields.line(reply.encode()));
                writer.write('\n');
                writer.flush();
                if (reply instanceof Reply.Goodbye) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the protocol stream failed", e);
        } finally {
            closeSystem();
        }
    }

    /** The reply to one request line. */
    Reply answer(String line) {
        Request request;
        try {
            request = Request.decode(line);
        } catch (TraceFormatException e) {
            return new Reply.Error(idOf(line), "malformed request: " + e.getMessage());
        }
        return switch (request) {
            case Request.Hello hello -> hello.protocol() == PROTOCOL
                    ? new Reply.Hello(hello.id(), PROTOCOL, name, capabilities)
                    : new Reply.Error(hello.id(), "this server speaks protocol " + PROTOCOL + ", not " + hello.protocol());
            case Request.Reset reset -> reset(reset.id(), reset.configuration());
            case Request.Apply apply -> {
                if (system == null) {
                    yield new Reply.Error(apply.id(), "no board yet: send reset with a configuration first");
                }
                try {
                    yield new Reply.Answer(apply.id(), system.apply(apply.input()));
                } catch (RuntimeException e) {
                    yield new Reply.Error(apply.id(), "the implementation failed: " + e);
                }
            }
            case Request.Bye bye -> new Reply.Goodbye(bye.id());
        };
    }

    private Reply reset(long id, Configuration configuration) {
        closeSystem();
        if (!factory.supports(configuration)) {
            return new Reply.Unsupported(id, name + " cannot build this configuration");
        }
        try {
            system = factory.create(configuration);
            return new Reply.Ready(id);
        } catch (RuntimeException e) {
            return new Reply.Unsupported(id, String.valueOf(e.getMessage()));
        }
    }

    private void closeSystem() {
        if (system != null) {
            system.close();
            system = null;
        }
    }

    private static long idOf(String line) {
        try {
            var node = JsonFields.parse(line);
            return node.path("id").canConvertToLong() ? Math.max(0, node.path("id").asLong()) : 0;
        } catch (TraceFormatException e) {
            return 0;
        }
    }
}
