package invs.conformance.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineReaderTest {
    private static LineReader reader(String text, int max) {
        return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
    }

    private static String next(LineReader reader) throws IOException {
        byte[] line = reader.next();
        return line == null ? null : new String(line, StandardCharsets.UTF_8);
    }

    @Test
    void linesEndAtLineFeedsWithOrWithoutACarriageReturnAndTheLastNeedsNone() throws IOException {
        LineReader lines = reader("one\r\ntwo\n\nthree", 10);
        assertEquals("one", next(lines));
        assertEquals("two", next(lines));
        assertEquals("", next(lines));
        assertEquals("three", next(lines));
        assertNull(next(lines));
        assertEquals(4, lines.lineNumber());
    }

    @Test
    void aLineAtTheLimitIsReadAndOneByteMoreIsRefusedWithItsNumber() throws IOException {
        LineReader lines = reader("12345\r\n123456\nok\n", 5);
        assertEquals("12345", next(lines), "the carriage return does not count");
        LineTooLongException e = assertThrows(LineTooLongException.class, lines::next);
        assertEquals(2, e.line());
        assertEquals(5, e.limit());
        lines.skipRest();
        assertEquals("ok", next(lines), "reading goes on after the long line");
        assertEquals(3, lines.lineNumber());
    }

    @Test
    void anEndlessLineIsRefusedAfterReadingLittleMoreThanTheLimit() {
        int[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return 'x';
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                java.util.Arrays.fill(buffer, offset, offset + length, (byte) 'x');
                served[0] += length;
                return length;
            }
        };
        LineReader lines = new LineReader(endless, 100_000);
        assertThrows(LineTooLongException.class, lines::next);
        assertEquals(true, served[0] <= 100_000 + 8192, "read " + served[0] + " bytes");
    }

    @Test
    void longLinesSpanningManyChunksArriveWhole() throws IOException {
        String longLine = "y".repeat(50_000);
        LineReader lines = reader(longLine + "\nend", 60_000);
        assertArrayEquals(longLine.getBytes(StandardCharsets.UTF_8), lines.next());
        assertEquals("end", next(lines));
    }
}
