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
        assertEquals(true, served[0] <= 100_000 + 64 * 1024, "read " + served[0] + " bytes");
    }

    @Test
    void longLinesSpanningManyChunksArriveWhole() throws IOException {
        String longLine = "y".repeat(300_000);
        LineReader lines = reader(longLine + "\nend", 400_000);
        assertArrayEquals(longLine.getBytes(StandardCharsets.UTF_8), lines.next());
        assertEquals("end", next(lines));
    }

    /** A stream that hands out its bytes in the given pieces, one piece a read at most. */
    private static InputStream inPieces(String... pieces) {
        java.util.Deque<byte[]> left = new java.util.ArrayDeque<>();
        for (String piece : pieces) {
            left.add(piece.getBytes(StandardCharsets.UTF_8));
        }
        return new InputStream() {
            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                byte[] piece = left.poll();
                if (piece == null) {
                    return -1;
                }
                int count = Math.min(length, piece.length);
                System.arraycopy(piece, 0, buffer, offset, count);
                if (count < piece.length) {
                    left.addFirst(java.util.Arrays.copyOfRange(piece, count, piece.length));
                }
                return count;
            }
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aLineReadWholeAlreadyIsSkippedWhenItIsTheOneExpectedAndOtherwiseNothingIsConsumed() throws IOException {
        LineReader lines = new LineReader(inPieces("first\nsecond\nthird\r\nfour", "th\nfifth\n"), 10);
        assertEquals(false, lines.skipIfNext(bytes("first"), 5), "nothing read from the stream yet");
        assertEquals("first", next(lines));
        assertEquals(false, lines.skipIfNext(bytes("secone"), 6), "another line");
        assertEquals(false, lines.skipIfNext(bytes("secondx"), 6 - 1), "a prefix of the line");
        assertEquals(true, lines.skipIfNext(bytes("secondx"), 6), "the first 6 bytes of what is expected");
        assertEquals(2, lines.lineNumber());
        assertEquals(false, lines.skipIfNext(bytes("third"), 5), "ends in a carriage return: next reads it");
        assertEquals("third", next(lines));
        assertEquals(false, lines.skipIfNext(bytes("fourth"), 6), "not read whole yet");
        assertEquals("fourth", next(lines));
        assertEquals(true, lines.skipIfNext(bytes("fifth"), 5));
        assertEquals(5, lines.lineNumber());
        assertNull(next(lines));
    }

    @Test
    void aLineLongerThanTheLimitIsNeverSkippedSoThatNextRefusesIt() throws IOException {
        LineReader lines = new LineReader(inPieces("ok\n123456\n"), 5);
        assertEquals("ok", next(lines));
        assertEquals(false, lines.skipIfNext(bytes("123456"), 6));
        assertThrows(LineTooLongException.class, lines::next);
        LineReader unlimited = new LineReader(inPieces("ok\n123456\n"), Integer.MAX_VALUE);
        assertEquals("ok", next(unlimited));
        assertEquals(false, unlimited.skipIfNext(bytes("123456"), Integer.MAX_VALUE), "far more than was read");
        assertEquals("123456", next(unlimited));
    }
}
