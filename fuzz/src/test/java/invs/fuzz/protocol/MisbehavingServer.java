package invs.fuzz.protocol;

import invs.conformance.sut.Capability;
import invs.conformance.reference.ReferenceProvider;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

/**
 * A protocol server for tests: the reference implementation, until it has answered a number of inputs
 * since the last reset (so that failures are deterministic and shrink); then it misbehaves in one way:
 * {@code crash} (exits with status 3 after a line on standard error),
 * {@code hang} (never answers, and stops reading its input), {@code log} (answers, then writes a log line on its
 * standard output), {@code stall} (like {@code hang}, after writing
 * {@code pid N} on its standard error at the start), {@code garbage} (answers a line that is not JSON), {@code wrong-id}
 * (answers with another request's id), {@code error} (answers with an error reply), {@code buffer-left-out} (answers a yield's reply
 * with its buffer left out, {@code null}, whatever the input), {@code buffer-left-out-unagreed} (the same,
 * its hello not naming the extension), {@code buffer-left-out-unasked} (the same, its hello naming the
 * extension whether asked or not), {@code mute} (never
 * answers hello, from the start), {@code reset-error} (answers every reset with an error reply), {@code slow}
 * (answers every input as the reference does, each a delay after the one before, 200 ms unless a third
 * argument gives it in milliseconds: a slow board, not a wrong one).
 */
public final class MisbehavingServer {
    private MisbehavingServer() {
    }

    /** {@code MisbehavingServer MODE INPUTS [DELAY_MS]}. */
    public static void main(String[] args) throws IOException, InterruptedException {
        String mode = args[0];
        int after = Integer.parseInt(args[1]);
        long delay = args.length > 2 ? Long.parseLong(args[2]) : 200;
        ProtocolServer server = new ProtocolServer("misbehaving " + mode, new ReferenceProvider(),
                EnumSet.allOf(Capability.class));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int inputs = 0;
        if (mode.equals("stall")) {
            System.err.println("pid " + ProcessHandle.current().pid());
            System.err.flush();
        }
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (mode.equals("mute")) {
                Thread.sleep(Long.MAX_VALUE);
            }
            if (line.contains("\"type\":\"reset\"")) {
                inputs = 0;
                if (mode.equals("reset-hang")) {
                    Thread.sleep(Long.MAX_VALUE);
                }
                if (mode.equals("reset-error")) {
                    System.out.println("{\"type\":\"error\",\"id\":" + idOf(line) + ",\"message\":\"cannot build this board\"}");
                    System.out.flush();
                    continue;
                }
            }
            if (mode.equals("buffer-left-out-unagreed")) { // the hello is answered as if invs had not asked
                line = line.replace(",\"extensions\":[\"same-buffer\"]", "");
            }
            if (mode.equals("buffer-left-out-unasked") && line.contains("\"type\":\"hello\"")) { // named unasked
                line = line.replace("\"protocol\":1", "\"protocol\":1,\"extensions\":[\"same-buffer\"]");
            }
            boolean striking = line.contains("\"type\":\"input\"") && inputs++ >= after;
            if (striking && mode.equals("slow")) {
                Thread.sleep(delay);
            } else if (striking) {
                switch (mode) {
                    case "crash" -> {
                        System.err.println("panicked at 'index out of bounds' in storage.rs:42");
                        System.err.flush();
                        System.exit(3);
                    }
                    case "hang", "stall" -> Thread.sleep(Long.MAX_VALUE);
                    case "garbage" -> {
                        System.out.println("this is not JSON");
                        System.out.flush();
                        continue;
                    }
                    case "wrong-id" -> {
                        System.out.println("{\"type\":\"observation\",\"id\":999999,\"observation\":{\"kind\":\"success\"}}");
                        System.out.flush();
                        continue;
                    }
                    case "log" -> {
                        // the right reply, then a log line on standard output: a server that logs on the wrong stream
                        String reply = JsonFields.line(server.answer(line).encode());
                        System.out.print(reply + "\nanswered " + inputs + " inputs\n"); // in one write: both arrive together
                        System.out.flush();
                        continue;
                    }
                    case "twice" -> {
                        // the right reply, then the same again: a server that answers each request twice
                        String reply = JsonFields.line(server.answer(line).encode());
                        System.out.print(reply + "\n\n" + reply + "\n"); // in one write: both arrive together
                        System.out.flush();
                        continue;
                    }
                    case "huge-buffer" -> {
                        // a yield that shows a 1 MiB buffer where the app allowed none
                        System.out.println("{\"type\":\"observation\",\"id\":" + idOf(line)
                                + ",\"observation\":{\"kind\":\"yielded\",\"upcall\":null,\"buffer\":\""
                                + "00".repeat(1 << 20) + "\"}}");
                        System.out.flush();
                        continue;
                    }
                    case "buffer-left-out", "buffer-left-out-unagreed", "buffer-left-out-unasked" -> {
                        // a yield's reply whose buffer is left out (same-buffer), whatever the input
                        System.out.println("{\"type\":\"observation\",\"id\":" + idOf(line)
                                + ",\"observation\":{\"kind\":\"yielded\",\"upcall\":null,\"buffer\":null}}");
                        System.out.flush();
                        continue;
                    }
                    case "error" -> {
                        System.out.println("{\"type\":\"error\",\"id\":" + idOf(line) + ",\"message\":\"out of cheese\"}");
                        System.out.flush();
                        continue;
                    }
                    default -> throw new IllegalArgumentException("unknown mode " + mode);
                }
            }
            System.out.println(JsonFields.line(server.answer(line).encode()));
            System.out.flush();
        }
    }

    private static long idOf(String line) {
        return JsonFields.parse(line).path("id").asLong();
    }
}
