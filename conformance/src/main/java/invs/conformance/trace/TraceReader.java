package invs.conformance.trace;

import invs.spec.Observation;
import io.vavr.collection.Vector;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a trace file from a stream, line by line, within {@link TraceLimits}: each line is bounded, must be
 * valid UTF-8 (a byte-order mark at the start is skipped) and is decoded as soon as it is read; every
 * buffer is checked against the limit (whether the apps exist depends on the configuration the trace
 * runs on: {@link InputBounds#checkSteps}). Every problem is a {@link TraceFormatException} naming the line,
 * for example {@code line 3: not valid UTF-8 at byte 17} or
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
        Vector<TraceStep> steps = Vector.empty();
        Vector<Integer> stepLines = Vector.empty();
        for (String line = next(lines, limits); line != null; line = next(lines, limits)) {
            if (line.isBlank()) {
                continue;
            }
            int number = (int) lines.lineNumber();
            TraceStep step = TraceCodec.parseStep(line, number, steps.size() + 1);
            InputBounds.bufferProblem(step.input(), limits).forEach(problem -> {
                throw problem.at(number, "input");
            });
            for (Observation observation : step.observation()) {
                InputBounds.problem(observation, limits).forEach(problem -> {
                    throw problem.at(number, "observation");
                });
            }
            steps = steps.append(step);
            stepLines = stepLines.append(number);
        }
        return new TraceFile(new Trace(header, steps), stepLines);
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
