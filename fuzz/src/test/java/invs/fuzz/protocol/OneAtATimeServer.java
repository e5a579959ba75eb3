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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A protocol server for tests that holds its clients to the rule for servers that do not announce
 * pipelining: one request, then its reply. It serves the reference implementation, or the zoo mutant
 * named by {@code --mutant NAME}, announcing no pipelining, and exits with status 4 (after a line on its
 * standard error) as soon as a request has arrived before it answered the one before. With
 * {@code --announce} it announces pipelining and still holds the client to one request at a time, so that
 * the detection itself can be tested. With {@code --window N} it announces a window of N and holds the
 * client to it: at most N requests unanswered when one arrives.
 */
public final class OneAtATimeServer {
    /** The exit status when more requests arrived than were allowed before an answer. */
    static final int PIPELINED = 4;

    private OneAtATimeServer() {
    }

    /** {@code OneAtATimeServer [--mutant NAME] [--announce | --window N]}. */
    public static void main(String[] args) throws IOException, InterruptedException {
        SystemUnderTestFactory factory = new ReferenceProvider();
        int announced = 1;
        int allowed = 1;
        for (int at = 0; at < args.length; at++) {
            switch (args[at]) {
                case "--mutant" -> factory = Zoo.named(args[++at]).get();
                case "--announce" -> announced = ProtocolServer.PIPELINING;
                case "--window" -> {
                    announced = Integer.parseInt(args[++at]);
                    allowed = announced;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[at]);
            }
        }
        ProtocolServer server = new ProtocolServer("one at a time", factory, EnumSet.allOf(Capability.class),
                TraceLimits.standard(), Option.none(), announced);
        // a reader thread counts each request as it arrives; a request is answered when counted before its reply
        // is written, so that the client may send the next one only after the count
        BlockingQueue<String> arrived = new LinkedBlockingQueue<>();
        AtomicLong answered = new AtomicLong();
        int window = allowed;
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            long read = 0;
            try {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    read++;
                    if (read - answered.get() > window) {
                        System.err.println((window == 1 ? "a request arrived before the answer to the one before: "
                                : (read - answered.get()) + " requests unanswered, more than the window of " + window + ": ")
                                + line);
                        System.err.flush();
                        System.exit(PIPELINED);
                    }
                    arrived.put(line);
                }
            } catch (IOException | InterruptedException e) {
                // the input ended
            }
            arrived.add(END);
        });
        for (String line = arrived.take(); !line.equals(END); line = arrived.take()) {
            Reply reply = server.answer(line);
            answered.incrementAndGet();
            System.out.println(JsonFields.line(reply.encode()));
            System.out.flush();
            if (reply instanceof Reply.Goodbye) {
                return;
            }
        }
        reader.join(1000);
    }

    /** What the reader queues when the input ends (no line of the protocol is empty of JSON). */
    private static final String END = "\u0000end";
}
