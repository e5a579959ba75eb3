package invs.fuzz.bench;

import invs.conformance.generation.InputGenerator;
import invs.conformance.reference.ReferenceSystem;
import invs.conformance.replay.Replay;
import invs.conformance.replay.ReplayResult;
import invs.conformance.sut.Capability;
import invs.conformance.trace.Trace;
import invs.conformance.trace.TraceHeader;
import invs.conformance.trace.TraceStep;
import invs.fuzz.ChildJava;
import invs.fuzz.protocol.ExternalProvider;
import invs.fuzz.protocol.SlowLink;
import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import io.vavr.collection.Vector;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;

/**
 * How long replaying a long recorded trace takes over the out-of-process protocol ({@code invs replay
 * --sut-command}): against {@code invs serve} in a child process, and against the same server behind a link
 * that delivers each reply late ({@link SlowLink}, as a board behind a serial line or a debugger would),
 * each driven one request at a time and pipelined; and pipelined behind a link that carries
 * BYTES_PER_SECOND bytes a second each way, as a serial line would (and delivers each reply 100 µs late),
 * against {@code invs serve} leaving
 * out the buffers a yield shows again (the {@code same-buffer} extension) and writing each in full (its hello
 * request asking for no extension, as {@code --sut-no-extensions} does). The
 * trace is recorded on the reference implementation (the default generator's full mix on the doc profile's
 * default board, seed 7), so every replay conforms; the slow link and the serial line replay its first
 * SLOW_INPUTS inputs only. Each way is replayed twice to warm up, then ROUNDS times; the benchmark prints
 * each way's median time and rate, the pipelined/one-at-a-time speed-up per server, and what leaving
 * buffers out saves on the serial line.
 *
 * <p>Usage: {@code ReplayBenchmark [INPUTS [SLOW_INPUTS [DELAY_MICROS [ROUNDS [BYTES_PER_SECOND]]]]]}
 * (defaults 20,000, 2,000, 1,000, 5, 100,000: a serial line of about a megabaud); run by {@code ./build
 * bench} among the others.
 */
public final class ReplayBenchmark {
    private static final Duration REQUEST = Duration.ofSeconds(30);
    private static final Duration START = Duration.ofSeconds(60);

    private ReplayBenchmark() {
    }

    /** Runs the benchmark and prints its figures. */
    public static void main(String[] args) {
        int inputs = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int slowInputs = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        long delay = args.length > 2 ? Long.parseLong(args[2]) : 1_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        long bytesPerSecond = args.length > 4 ? Long.parseLong(args[4]) : 100_000;
        Trace trace = recorded(Configuration.defaults(Profile.DOC), inputs, 7);
        Trace shorter = new Trace(trace.header(), trace.steps().take(slowInputs));
        System.out.printf(Locale.ROOT, "replaying a trace of %,d inputs; behind a link of %,d µs, its first %,d%n",
                trace.length(), delay, shorter.length());
        String served = ChildJava.serve();
        String slow = ChildJava.command(SlowLink.class.getName(), Long.toString(delay), served);
        double serveOne = time("invs serve, one request at a time", served, false, true, trace, rounds);
        double servePipelined = time("invs serve, pipelined", served, true, true, trace, rounds);
        double slowOne = time("behind the slow link, one request at a time", slow, false, true, shorter, rounds);
        double slowPipelined = time("behind the slow link, pipelined", slow, true, true, shorter, rounds);
        System.out.printf(Locale.ROOT, "pipelined replay: %.1f× faster against invs serve, %.1f× behind the slow link%n",
                serveOne / servePipelined, slowOne / slowPipelined);
        String line = Long.toString(bytesPerSecond);
        String serial = ChildJava.command(SlowLink.class.getName(), "100", served, line);
        double leftOut = time("serial line, buffers shown again left out", serial, true, true, shorter, rounds);
        double inFull = time("serial line, every buffer in full", serial, true, false, shorter, rounds);
        System.out.printf(Locale.ROOT, "behind a serial line of %,d bytes/s, leaving buffers out: %.2f× faster%n",
                bytesPerSecond, inFull / leftOut);
    }

    /** A trace of {@code length} inputs of the default generator, with the reference implementation's answers. */
    static Trace recorded(Configuration configuration, int length, long seed) {
        InputGenerator generator = new InputGenerator(configuration, EnumSet.allOf(Capability.class), seed);
        ReferenceSystem reference = new ReferenceSystem(configuration);
        Vector<TraceStep> steps = Vector.empty();
        for (int step = 0; step < length; step++) {
            Input input = generator.next();
            Observation observation = reference.apply(input);
            generator.observe(input, observation);
            steps = steps.append(TraceStep.of(input, observation));
        }
        return new Trace(TraceHeader.of(configuration, seed, "reference"), steps);
    }

    /**
     * Replays {@code trace} against servers of {@code command}, asked for the protocol's extensions when
     * {@code extensions}, twice to warm up then {@code rounds} times: the median seconds.
     */
    private static double time(String way, String command, boolean pipelining, boolean extensions, Trace trace, int rounds) {
        double[] seconds = new double[rounds];
        try (ExternalProvider provider = new ExternalProvider(command, REQUEST, START, false, pipelining, extensions)) {
            for (int round = -2; round < rounds; round++) {
                long start = System.nanoTime();
                ReplayResult result = Replay.replay(trace, provider);
                long took = System.nanoTime() - start;
                if (!result.conforms()) {
                    throw new IllegalStateException(way + ": the replay did not conform:\n" + result.report());
                }
                if (round >= 0) {
                    seconds[round] = took / 1e9;
                }
            }
        }
        Arrays.sort(seconds);
        double median = rounds % 2 == 1 ? seconds[rounds / 2] : (seconds[rounds / 2 - 1] + seconds[rounds / 2]) / 2;
        System.out.printf(Locale.ROOT, "%-46s median %7.3f s (%,.0f inputs/s); rounds %s%n", way, median,
                trace.length() / median, Arrays.toString(Arrays.stream(seconds).map(s -> Math.round(s * 1000) / 1000.0).toArray()));
        return median;
    }
}
