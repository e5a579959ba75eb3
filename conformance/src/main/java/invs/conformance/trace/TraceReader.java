package invs.conformance.trace;

import invs.spec.AllowReadOnly;
import invs.spec.Observation;
import io.vavr.collection.Vector;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a trace file from a stream, line by line, within {@link TraceLimits}: each line is bounded, must be
 * valid UTF-8 (a byte-order mark at the start is skipped) and is decoded as soon as it is read; every
 * buffer is checked against the limit (whether the apps exist depends on the configuration the trace
 * runs on: {@link InputBounds#checkSteps}), and so is the number of steps, before a step past
 * {@link TraceLimits#maxSteps()} is decoded, and so are the bytes of all the buffers read, the reader
 * stopping at the step that takes them past {@link TraceLimits#maxHeldBuffers()}. Every problem is a
 * {@link TraceFormatException} naming the line, for example {@code line 3: not valid UTF-8 at byte 17} or
 * {@code line 2, field input.length: 2000000000 bytes is more than the largest buffer allowed, 1 MiB (--max-buffer)}.
 */
public final class TraceReader {
    private TraceReader() {
    }

    /**
     * The trace {@code in} holds.
     *
     * @throws TraceFormatException when it is malformed or goes past the limits
     * @throws IOException          when the stream cannot be read
     */
    public static TraceFile read(InputStream in, TraceLimits limits) throws IOException {
        LineReader lines = new LineReader(in, limits.maxLine());
        String first = next(lines, limits);
        if (first == null || first.isBlank()) {
            throw new TraceFormatException(1, "", "expected the trace header, got " + (first == null ? "an empty file"
                    : "an empty line"));
        }
        TraceHeader header = TraceCodec.parseHeader(Utf8Text.withoutByteOrderMark(first));
        List<TraceStep> steps = new ArrayList<>();
        int[] stepLines = new int[16]; // not boxed: a long trace has a line number for each step
        long held = 0; // the bytes of the buffers read: each held on its own, even one equal to another
        for (String line = next(lines, limits); line != null; line = next(lines, limits)) {
            if (line.isBlank()) {
                continue;
            }
            int number = (int) lines.lineNumber();
            if (steps.size() == limits.maxSteps()) {
                throw new TraceFormatException(number, "", "more than " + limits.maxSteps()
                        + " steps, the most a trace may hold (--max-steps)");
            }
            TraceStep step = TraceCodec.parseStep(line, number, steps.size() + 1);
            InputBounds.bufferProblem(step.input(), limits).forEach(problem -> {
                throw problem.at(number, "input");
            });
            if (step.input() instanceof AllowReadOnly allow) {
                held = hold(held, allow.data().length(), number, "input.data", limits);
            }
            for (Observation observation : step.observation()) {
                InputBounds.problem(observation, limits).forEach(problem -> {
                    throw problem.at(number, "observation");
                });
                if (observation instanceof Observation.Yielded yielded) {
                    held = hold(held, yielded.readBuffer().length(), number, "observation.buffer", limits);
                }
            }
            if (steps.size() == stepLines.length) {
                stepLines = Arrays.copyOf(stepLines, 2 * stepLines.length);
            }
            stepLines[steps.size()] = number;
            steps.add(step);
        }
        return new TraceFile(new Trace(header, Vector.ofAll(steps)), Vector.ofAll(Arrays.copyOf(stepLines, steps.size())));
    }

    /**
     * The bytes of buffers held once a buffer of {@code bytes} more, on {@code line} in {@code field}, is.
     *
     * @throws TraceFormatException when they are more than {@link TraceLimits#maxHeldBuffers()}
     */
    private static long hold(long held, int bytes, int line, String field, TraceLimits limits) {
        long after = held + bytes;
        if (after > limits.maxHeldBuffers()) {
            throw new TraceFormatException(line, field, limits.tooManyHeldBuffers());
        }
        return after;
    }

    private static String next(LineReader lines, TraceLimits limits) throws IOException {
        byte[] bytes;
        try {
            bytes = lines.next();
        } catch (LineTooLongException e) {
            throw new TraceFormatException((int) e.line(), "", "longer than " + TraceLimits.size(e.limit())
                    + ", the longest line allowed (it grows with --max-buffer, now " + TraceLimits.size(limits.maxBuffer())
                    + "); is this a trace file?");
        }
        if (bytes == null) {
            return null;
        }
        try {
            return Utf8Text.decode(bytes);
        } catch (TraceFormatException e) {
            throw e.at((int) lines.lineNumber(), "");
        }
    }
}
