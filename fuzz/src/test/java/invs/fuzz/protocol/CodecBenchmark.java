package invs.fuzz.protocol;

import invs.conformance.board.NamedConfiguration;
import invs.conformance.board.StandardConfigurations;
import invs.conformance.generation.InputGenerator;
import invs.conformance.reference.ReferenceProvider;
import invs.conformance.sut.SystemUnderTest;
import invs.spec.Input;
import invs.spec.Observation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long the per-input protocol messages take to read: the request and reply lines of campaign-like
 * sequences (the default generator aimed by the reference implementation, 40 sequences of 150 inputs on
 * each standard board), written by {@link LineEncoder}; requests read as {@code invs serve} reads them
 * ({@link LineDecoder#apply}), replies as invs reads them ({@link Reply#decode(byte[])}). Prints the median
 * nanoseconds per line over the rounds (after as many rounds of warm-up). Usage: {@code CodecBenchmark
 * [ROUNDS]} (default 15), with the test class path of the fuzz module.
 */
public final class CodecBenchmark {
    private CodecBenchmark() {
    }

    /** Runs the benchmark and prints its figures. */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        List<byte[]> requests = new ArrayList<>();
        List<byte[]> replies = new ArrayList<>();
        ReferenceProvider reference = new ReferenceProvider();
        long id = 1;
        for (NamedConfiguration board : StandardConfigurations.all()) {
            for (long seed = 1; seed <= 40; seed++) {
                try (SystemUnderTest system = reference.create(board.configuration())) {
                    InputGenerator generator = new InputGenerator(board.configuration(), system.capabilities(), seed);
                    for (int step = 0; step < 150; step++, id++) {
                        Input input = generator.next();
                        Observation observation = system.apply(input);
                        generator.observe(input, observation);
                        requests.add(withoutFeed(LineEncoder.line(new Request.Apply(id, input))));
                        replies.add(withoutFeed(LineEncoder.line(new Reply.Answer(id, observation))));
                    }
                }
            }
        }
        double[] requestNanos = new double[rounds];
        double[] replyNanos = new double[rounds];
        long read = 0;
        for (int round = -rounds; round < rounds; round++) {
            long start = System.nanoTime();
            for (byte[] line : requests) {
                read += LineDecoder.apply(line).id();
            }
            long middle = System.nanoTime();
            for (byte[] line : replies) {
                read += ((Reply.Answer) Reply.decode(line)).id();
            }
            long end = System.nanoTime();
            if (round >= 0) {
                requestNanos[round] = (double) (middle - start) / requests.size();
                replyNanos[round] = (double) (end - middle) / replies.size();
            }
        }
        System.out.printf(Locale.ROOT, "%,d request lines (%.0f bytes on average), %,d reply lines (%.0f bytes), %d rounds"
                        + " (checksum %d)%n", requests.size(), average(requests), replies.size(), average(replies), rounds,
                read % 1000);
        System.out.printf(Locale.ROOT, "reading a request line: median %.1f ns; reading a reply line: median %.1f ns%n",
                median(requestNanos), median(replyNanos));
    }

    private static byte[] withoutFeed(byte[] line) {
        return Arrays.copyOf(line, line.length - 1);
    }

    private static double average(List<byte[]> lines) {
        return lines.stream().mapToInt(line -> line.length).average().orElse(0);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
