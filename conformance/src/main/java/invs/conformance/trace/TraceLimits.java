package invs.conformance.trace;

/**
 * How large the values a trace file or a protocol peer supplies may be, so that a few bytes of input
 * cannot make invs allocate gigabytes: a buffer (the {@code length} of an {@code allow-rw}, the
 * {@code data} of an {@code allow-ro}, the {@code buffer} of a {@code yielded} observation) holds at most
 * {@link #maxBuffer()} bytes; a line at most {@link #maxLine()} bytes; and the buffers the yields of one
 * trace show, together, at most {@link #maxShown()} bytes (each yield shows the app's whole read-write
 * buffer, so a short trace with a large buffer and many yields would otherwise copy it many times); a
 * trace holds at most {@link #maxSteps()} steps (a trace is held in memory whole, a few hundred bytes a
 * step once read and run, so a file of short lines could otherwise fill the heap); and the buffers a trace
 * holds once read, its inputs' data and its observations' buffers together, take at most
 * {@link #maxHeldBuffers()} bytes, a {@linkplain #HEAP_SHARE quarter} of the heap (else many lines, each
 * within the line limit, could fill it).
 *
 * @param maxBuffer the largest buffer, in bytes: 1 to {@link #MAX_BUFFER}
 * @param maxSteps  the most steps a trace may hold: 1 or more
 * @param heap      the heap the buffers of a trace share, in bytes: this JVM's ({@link Runtime#maxMemory()})
 *                  unless given; 1 or more
 */
public record TraceLimits(int maxBuffer, int maxSteps, long heap) {
    /** The default largest buffer: 1 MiB. */
    public static final int DEFAULT_MAX_BUFFER = 1 << 20;
    /** The largest value {@link #maxBuffer()} may take: 256 MiB, so that a line still fits in an array. */
    public static final int MAX_BUFFER = 1 << 28;
    /**
     * The default most steps of a trace: a million. A finding's trace, shrunk, has a few dozen; a long
     * recorded session a few hundred thousand. Reading and checking or replaying a million steps fits in about 250 MB of
     * heap (docs/trace-format.md).
     */
    public static final int DEFAULT_MAX_STEPS = 1_000_000;
    /** How many largest buffers the yields of one trace may show together. */
    public static final int SHOWN_BUFFERS = 16;
    /** The part of the {@linkplain #heap() heap} the buffers of one trace may take: one in 4. */
    public static final int HEAP_SHARE = 4;
    private static final int LINE_SLACK = 64 * 1024;

    /** Checks the limits. */
    public TraceLimits {
        if (maxBuffer < 1 || maxBuffer > MAX_BUFFER) {
            throw new IllegalArgumentException("the largest buffer must be 1 to " + MAX_BUFFER + " bytes, got " + maxBuffer);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("a trace must be allowed at least 1 step, got " + maxSteps);
        }
        if (heap < 1) {
            throw new IllegalArgumentException("the heap must be at least 1 byte, got " + heap);
        }
    }

    /** Limits of the largest buffer {@code maxBuffer} and {@code maxSteps} steps, relative to this JVM's heap. */
    public TraceLimits(int maxBuffer, int maxSteps) {
        this(maxBuffer, maxSteps, Runtime.getRuntime().maxMemory());
    }

    /** Limits of the largest buffer {@code maxBuffer} and the {@linkplain #DEFAULT_MAX_STEPS default most steps}. */
    public TraceLimits(int maxBuffer) {
        this(maxBuffer, DEFAULT_MAX_STEPS);
    }

    /** The default limits. */
    public static TraceLimits standard() {
        return new TraceLimits(DEFAULT_MAX_BUFFER, DEFAULT_MAX_STEPS);
    }

    /** These limits with at most {@code steps} steps a trace. */
    public TraceLimits withMaxSteps(int steps) {
        return new TraceLimits(maxBuffer, steps, heap);
    }

    /** These limits relative to a heap of {@code bytes} instead of this one's. */
    public TraceLimits withHeap(long bytes) {
        return new TraceLimits(maxBuffer, maxSteps, bytes);
    }

    /**
     * The longest line, in bytes: room for two buffers in hexadecimal (an input and an observation, four
     * characters per byte in all) and 64 KiB for the rest.
     */
    public int maxLine() {
        return 4 * maxBuffer + LINE_SLACK;
    }

    /** The most bytes of buffers the yields of one trace may show together: {@value #SHOWN_BUFFERS} buffers. */
    public long maxShown() {
        return (long) SHOWN_BUFFERS * maxBuffer;
    }

    /**
     * The most bytes of buffers one trace may hold once read, its inputs' {@code data} and its observations'
     * {@code buffer}s together: a {@linkplain #HEAP_SHARE quarter} of the {@linkplain #heap() heap}, in whole
     * MiB when it is 1 MiB or more. Each buffer read is held on its own, even one equal to another.
     */
    public long maxHeldBuffers() {
        long share = heap / HEAP_SHARE;
        return share >= 1 << 20 ? share >> 20 << 20 : share;
    }

    /**
     * What is wrong with a trace whose buffers take more than {@link #maxHeldBuffers()}, for a message: the
     * limit, the heap, and how to give Java more (twice the heap, at least 8 GiB, as an example).
     */
    public String tooManyHeldBuffers() {
        long suggestion = Math.max(8, 2 * ((heap + (1L << 30) - 1) >> 30));
        return "the buffers of the trace up to this step take more than " + size(maxHeldBuffers()) + ", a quarter of"
                + " this JVM's " + (heap >= 1 << 20 ? (heap >> 20) + " MiB" : size(heap)) + " heap (a trace is held in"
                + " memory whole); give Java more memory (INVS_JAVA_OPTS=-Xmx" + suggestion + "g, for example)";
    }

    /** {@code bytes} for messages: {@code 1 MiB}, {@code 512 KiB} or {@code 1000 bytes}. */
    public static String size(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }
}
