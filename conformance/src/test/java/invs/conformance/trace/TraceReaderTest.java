package invs.conformance.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Configuration;
import invs.spec.Profile;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceReaderTest {
    private static final String HEADER = TraceCodec.format(Trace.ofInputs(
            TraceHeader.of(Configuration.defaults(Profile.DOC), 0, "hand"), Vector.empty())).strip();
    private static final String YIELD = "{\"step\":1,\"input\":{\"kind\":\"yield\",\"app\":0}}";

    private static TraceFile read(byte[] bytes, TraceLimits limits) throws IOException {
        return TraceReader.read(new ByteArrayInputStream(bytes), limits);
    }

    private static TraceFile read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8), TraceLimits.standard());
    }

    private static String problem(String text, TraceLimits limits) {
        return assertThrows(TraceFormatException.class,
                () -> read(text.getBytes(StandardCharsets.UTF_8), limits)).getMessage();
    }

    @Test
    void stepsKeepTheirLinesAcrossBlankLines() throws IOException {
        TraceFile file = read(HEADER + "\n\n" + YIELD + "\r\n\n" + YIELD.replace("\"step\":1", "\"step\":2") + "\n");
        assertEquals(2, file.trace().length());
        assertEquals(Vector.of(3, 5), file.stepLines());
        assertEquals(new Yield(AppId.of(0)), file.trace().steps().head().input());
    }

    @Test
    void aByteOrderMarkAtTheStartIsAccepted() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write((HEADER + "\n" + YIELD + "\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(read(HEADER + "\n" + YIELD + "\n").trace(), read(bytes.toByteArray(), TraceLimits.standard()).trace());
        assertEquals(TraceCodec.parse(HEADER + "\n" + YIELD), TraceCodec.parse("\uFEFF" + HEADER + "\n" + YIELD));
    }

    @Test
    void invalidUtf8IsNamedByLineAndByte() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((HEADER + "\n" + YIELD + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'{', '"', (byte) 0xC0, 'x'});
        TraceFormatException e = assertThrows(TraceFormatException.class,
                () -> read(bytes.toByteArray(), TraceLimits.standard()));
        assertEquals("line 3: not valid UTF-8 at byte 3", e.getMessage());
    }

    @Test
    void buffersBeyondTheLimitAreRefusedBeforeAnythingIsAllocated() {
        assertEquals("line 2, field input.length: 2000000000 bytes is more than the largest buffer allowed, 1 MiB"
                        + " (--max-buffer)",
                problem(HEADER + "\n{\"step\":1,\"input\":{\"kind\":\"allow-rw\",\"app\":0,\"number\":0,\"length\":2000000000}}",
                        TraceLimits.standard()));
        TraceLimits four = new TraceLimits(4);
        assertEquals("line 2, field input.data: 5 bytes is more than the largest buffer allowed, 4 bytes (--max-buffer)",
                problem(HEADER + "\n{\"step\":1,\"input\":{\"kind\":\"allow-ro\",\"app\":0,\"number\":0,\"data\":\"0102030405\"}}",
                        four));
        assertEquals("line 2, field observation.buffer: 5 bytes is more than the largest buffer allowed, 4 bytes"
                        + " (--max-buffer)",
                problem(HEADER + "\n{\"step\":1,\"input\":{\"kind\":\"yield\",\"app\":0},\"observation\":{\"kind\":"
                        + "\"yielded\",\"upcall\":null,\"buffer\":\"0102030405\"}}", four));
    }

    @Test
    void aBufferWithinARaisedLimitIsReadWhateverItsLength() throws IOException {
        int length = 11 << 20; // 22 million hexadecimal digits: more than Jackson's default string limit
        String data = "ab".repeat(length);
        TraceFile file = read((HEADER + "\n{\"step\":1,\"input\":{\"kind\":\"allow-ro\",\"app\":0,\"number\":0,\"data\":\""
                + data + "\"}}\n").getBytes(StandardCharsets.US_ASCII), new TraceLimits(12 << 20));
        assertEquals(length, ((invs.spec.AllowReadOnly) file.trace().steps().head().input()).data().length());
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedWithoutReadingItAll() {
        TraceLimits small = new TraceLimits(1);
        String huge = "{\"step\":1,\"note\":\"" + "x".repeat(small.maxLine()) + "\"}";
        assertEquals("line 2: longer than 65540 bytes, the longest line allowed (it grows with --max-buffer, now 1"
                + " bytes); is this a trace file?", problem(HEADER + "\n" + huge, small));
    }

    @Test
    void truncatedAndEmptyFilesAreNamed() {
        assertEquals("line 1: expected the trace header, got an empty file", problem("", TraceLimits.standard()));
        String truncated = problem(HEADER + "\n" + YIELD + "\n{\"step\":2,\"inp", TraceLimits.standard());
        assertEquals(true, truncated.startsWith("line 3: not valid JSON: Unexpected end-of-input"), truncated);
    }

    @Test
    void traceCodecReadsFilesWithinTheStandardLimits(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("t.jsonl");
        Files.writeString(file, "\uFEFF" + HEADER + "\n" + YIELD + "\n");
        assertEquals(1, TraceCodec.read(file).length());
        Files.writeString(file, HEADER + "\n{\"step\":1,\"input\":{\"kind\":\"allow-rw\",\"app\":0,\"number\":0,\"length\":"
                + (TraceLimits.DEFAULT_MAX_BUFFER + 1) + "}}\n");
        assertThrows(TraceFormatException.class, () -> TraceCodec.read(file));
        assertEquals(new AllowReadWrite(AppId.of(0), 0, 5), TraceCodec.parse(HEADER
                + "\n{\"step\":1,\"input\":{\"kind\":\"allow-rw\",\"app\":0,\"number\":0,\"length\":5}}").steps().head().input());
    }

    @Test
    void aTraceHoldsAtMostTheLimitOfSteps() throws IOException {
        String steps = YIELD + "\n\n" + YIELD.replace("\"step\":1", "\"step\":2") + "\n";
        assertEquals(2, read((HEADER + "\n" + steps).getBytes(StandardCharsets.UTF_8), new TraceLimits(16, 2)).trace().length());
        String third = YIELD.replace("\"step\":1", "\"step\":3");
        assertEquals("line 5: more than 2 steps, the most a trace may hold (--max-steps)",
                problem(HEADER + "\n" + steps + third + "\n", new TraceLimits(16, 2)));
        // the line past the limit is not decoded: the limit is named even when it is malformed
        assertEquals("line 5: more than 2 steps, the most a trace may hold (--max-steps)",
                problem(HEADER + "\n" + steps + "{not json\n", new TraceLimits(16, 2)));
        assertEquals(TraceLimits.DEFAULT_MAX_STEPS, TraceLimits.standard().maxSteps());
        assertEquals(TraceLimits.DEFAULT_MAX_STEPS, new TraceLimits(16).maxSteps());
        assertEquals(new TraceLimits(16, 7), new TraceLimits(16).withMaxSteps(7));
        assertThrows(IllegalArgumentException.class, () -> new TraceLimits(16, 0));
    }

    private static String allow(int step, String data) {
        return "{\"step\":" + step + ",\"input\":{\"kind\":\"allow-ro\",\"app\":0,\"number\":0,\"data\":\"" + data
                + "\"},\"observation\":{\"kind\":\"success\"}}\n";
    }

    private static String yielded(int step, String buffer) {
        return "{\"step\":" + step + ",\"input\":{\"kind\":\"yield\",\"app\":0},\"observation\":{\"kind\":\"yielded\","
                + "\"upcall\":null,\"buffer\":\"" + buffer + "\"}}\n";
    }

    @Test
    void theBuffersOfATraceTogetherTakeAtMostAQuarterOfTheHeap() throws IOException {
        TraceLimits limits = new TraceLimits(16).withHeap(160); // 40 bytes of buffers, each buffer up to 16
        assertEquals(40, limits.maxHeldBuffers());
        String sixteen = "ab".repeat(16);
        String steps = allow(1, sixteen) + yielded(2, sixteen) + allow(3, "ab".repeat(8)) + allow(4, "");
        assertEquals(4, read((HEADER + "\n" + steps).getBytes(StandardCharsets.UTF_8), limits).trace().length());
        String message = "the buffers of the trace up to this step take more than 40 bytes, a quarter of this JVM's 160"
                + " bytes heap (a trace is held in memory whole); give Java more memory (INVS_JAVA_OPTS=-Xmx8g, for example)";
        assertEquals("line 6, field input.data: " + message, problem(HEADER + "\n" + steps + allow(5, "01"), limits));
        assertEquals("line 6, field observation.buffer: " + message,
                problem(HEADER + "\n" + steps + yielded(5, "01"), limits));
        // the reader stops at the step past the limit, before reading further: a malformed line after it is not reached
        assertEquals("line 6, field input.data: " + message,
                problem(HEADER + "\n" + steps + allow(5, "01") + "{not json\n", limits));
    }

    @Test
    void theBufferLimitFollowsTheHeapInWholeMebibytes() {
        assertEquals(Runtime.getRuntime().maxMemory(), TraceLimits.standard().heap());
        assertEquals(Runtime.getRuntime().maxMemory(), new TraceLimits(16, 7).heap());
        assertEquals(256L << 20, TraceLimits.standard().withHeap(1L << 30).maxHeldBuffers());
        assertEquals(247L << 20, TraceLimits.standard().withHeap(989L << 20).maxHeldBuffers());
        assertEquals(2L << 30, TraceLimits.standard().withHeap(8L << 30).withMaxSteps(5).maxHeldBuffers());
        assertThrows(IllegalArgumentException.class, () -> new TraceLimits(16, 1, 0));
        assertEquals("the buffers of the trace up to this step take more than 10240 MiB, a quarter of this JVM's 40960"
                + " MiB heap (a trace is held in memory whole); give Java more memory (INVS_JAVA_OPTS=-Xmx80g, for example)",
                TraceLimits.standard().withHeap(40L << 30).tooManyHeldBuffers());
        String past = problem(HEADER + "\n" + allow(1, "ab".repeat((1 << 20) + 1)), new TraceLimits(2 << 20).withHeap(4 << 20));
        assertEquals("line 2, field input.data: the buffers of the trace up to this step take more than 1 MiB, a quarter"
                + " of this JVM's 4 MiB heap (a trace is held in memory whole); give Java more memory"
                + " (INVS_JAVA_OPTS=-Xmx8g, for example)", past);
    }
}
