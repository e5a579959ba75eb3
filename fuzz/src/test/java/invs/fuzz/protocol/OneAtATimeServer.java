package invs.fuzz.protocol;

import invs.conformance.reference.ReferenceProvider;
import invs.conformance.sut.Capability;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.trace.TraceLimits;
import invs.conformance.zoo.Zoo;
import io.vavr.control.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

/**
 * A protocol server for tests that holds its clients to the rule for servers that do not announce
 * pipelining: one request, then its reply. It serves the reference implementation, or the zoo mutant
 * named by {@code --mutant NAME}, announcing no pipelining, and exits with status 4 (after a line on its
 * standard error) as soon as a request has arrived before it answered the one before. With
 * {@code --announce} it announces pipelining and still holds the client to one request at a time, so that
 * the detection itself can be tested.
 */
public final class OneAtATimeServer {
    /** The exit status when two requests arrived before an answer. */
    static final int PIPELINED = 4;

    private OneAtATimeServer() {
    }

    /** {@code OneAtATimeServer [--mutant NAME] [--announce]}. */
    public static void main(String[] args) throws IOException {
        SystemUnderTestFactory factory = new ReferenceProvider();
        boolean announce = false;
        for (int at = 0; at < args.length; at++) {
            switch (args[at]) {
                case "--mutant" -> factory = Zoo.named(args[++at]).get();
                case "--announce" -> announce = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[at]);
            }
        }
        ProtocolServer server = new ProtocolServer("one at a time", factory, EnumSet.allOf(Capability.class),
                TraceLimits.standard(), Option.none(), announce ? ProtocolServer.PIPELINING : 1);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (in.ready()) {
                System.err.println("a request arrived before the answer to the one before: " + line);
                System.err.flush();
                System.exit(PIPELINED);
            }
            Reply reply = server.answer(line);
            System.out.println(JsonFields.line(reply.encode()));
            System.out.flush();
            if (reply instanceof Reply.Goodbye) {
                return;
            }
        }
    }
}
