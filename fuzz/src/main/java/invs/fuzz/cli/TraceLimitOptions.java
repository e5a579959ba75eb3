package invs.fuzz.cli;

import invs.conformance.trace.TraceLimits;
import picocli.CommandLine.Option;

/** The option that bounds the buffers of traces and requests: {@code --max-buffer}. */
public final class TraceLimitOptions {
    @Option(names = "--max-buffer", paramLabel = "BYTES", converter = SizeConverter.class,
            description = "The largest buffer a trace or a request may use (an allow-rw length, allow-ro data, a"
                    + " yielded buffer); lines may be four times as long (default: 1M, at most 256M).")
    private Long maxBuffer;

    /** The limits these options set. @throws UserError when the value is out of range */
    public TraceLimits limits() {
        if (maxBuffer == null) {
            return TraceLimits.standard();
        }
        if (maxBuffer < 1 || maxBuffer > TraceLimits.MAX_BUFFER) {
            throw new UserError("--max-buffer: 1 byte to " + TraceLimits.size(TraceLimits.MAX_BUFFER) + ", got " + maxBuffer);
        }
        return new TraceLimits(maxBuffer.intValue());
    }

    /** Whether {@code --max-buffer} was given. */
    public boolean given() {
        return maxBuffer != null;
    }
}
