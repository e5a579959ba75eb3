package invs.fuzz.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A read that polls before it blocks reads exactly what the stream holds: bytes that are there, bytes that
 * come while it polls or only after, the end of the stream, and a stream that cannot say what it holds; it
 * polls only while the waits are short enough for polling to catch.
 */
class SpinningInputTest {

    @Test
    void readsWhatIsThereAndTheEnd() throws IOException {
        byte[] data = "{\"type\":\"ready\",\"id\":2}\n".getBytes(StandardCharsets.US_ASCII);
        try (SpinningInput in = new SpinningInput(new ByteArrayInputStream(data), 1_000_000)) {
            assertArrayEquals(data, in.readAllBytes());
            assertEquals(-1, in.read());
        }
    }

    @Test
    void readsBytesThatComeDuringTheSpinAndAfterIt() throws Exception {
        PipedInputStream pipe = new PipedInputStream();
        PipedOutputStream out = new PipedOutputStream(pipe);
        Thread writer = new Thread(() -> {
            try {
                out.write('a');
                out.flush();
                Thread.sleep(50); // well past the spin of 100 µs: the read blocks for this one
                out.write('b');
                out.close();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        try (SpinningInput in = new SpinningInput(pipe, 100_000)) {
            writer.start();
            assertEquals('a', in.read());
            assertEquals('b', in.read());
            assertEquals(-1, in.read());
        }
        writer.join();
    }

    @Test
    void pollsOnlyWhilePollingPays() throws IOException {
        SlowStream slow = new SlowStream();
        byte[] buffer = new byte[1];
        try (SpinningInput in = new SpinningInput(slow, 200_000_000)) {
            in.pollWhilePaying(200_000_000);
            slow.readMillis = 400; // longer than the poll: batches with long waits between them
            assertEquals(1, in.read(buffer, 0, 1));
            assertTrue(slow.looks > 1, "the first wait polls");
            assertFalse(in.polling(), "a poll that found nothing stops polling");
            int looks = slow.looks;
            assertEquals(1, in.read(buffer, 0, 1));
            assertEquals(looks + 1, slow.looks, "the next wait blocks after one look");
            assertFalse(in.polling(), "a long wait keeps it blocking");
            slow.readMillis = 0; // a wait that polling would have caught: requests one at a time
            assertEquals(1, in.read(buffer, 0, 1));
            assertTrue(in.polling(), "a short wait resumes polling");
            looks = slow.looks;
            assertEquals('x', in.read());
            assertTrue(slow.looks > looks + 1, "the wait after it polls again");
        }
    }

    @Test
    void pollsBeforeEveryWaitUnlessToldToPollWhilePollingPays() throws IOException {
        SlowStream slow = new SlowStream();
        byte[] buffer = new byte[1];
        try (SpinningInput in = new SpinningInput(slow, 50_000_000)) {
            slow.readMillis = 100; // longer than the poll: a server slow to answer one request at a time
            for (int read = 0; read < 3; read++) {
                int looks = slow.looks;
                assertEquals(1, in.read(buffer, 0, 1));
                assertTrue(slow.looks > looks + 1, "every wait polls first");
                assertTrue(in.polling());
            }
            in.pollWhilePaying(50_000_000);
            assertEquals(1, in.read(buffer, 0, 1));
            assertFalse(in.polling(), "a poll that found nothing stops polling");
            in.pollAlways(50_000_000);
            assertTrue(in.polling(), "polling before every wait again");
        }
    }

    @Test
    void readsWhatIsThereWithoutAskingTheStreamAgain() throws IOException {
        Holding pipe = new Holding("{\"type\":\"ready\",\"id\":2}\n");
        byte[] buffer = new byte[8192];
        // As the JDK's process streams are: buffered, and a buffered read short of what it was asked asks the
        // pipe whether more has come.
        try (SpinningInput in = new SpinningInput(new BufferedInputStream(pipe), 1_000_000)) {
            assertEquals(24, in.read(buffer, 0, buffer.length));
            assertEquals("{\"type\":\"ready\",\"id\":2}\n", new String(buffer, 0, 24, StandardCharsets.US_ASCII));
            assertEquals(1, pipe.looks, "the pipe is asked what it holds once, before the read");
        }
    }

    /** A pipe holding a few bytes, that counts how often it is asked how many. */
    private static final class Holding extends InputStream {
        private final byte[] held;
        private int at;
        int looks;

        Holding(String held) {
            this.held = held.getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public int available() {
            looks++;
            return held.length - at;
        }

        @Override
        public int read() {
            return at < held.length ? held[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int count = Math.min(length, held.length - at);
            System.arraycopy(held, at, buffer, offset, count);
            at += count;
            return count == 0 && length > 0 ? -1 : count;
        }
    }

    @Test
    @Timeout(10) // a spin that never ends fails here instead of hanging the build
    void aStreamThatCannotSayWhatItHoldsIsReadAtOnce() throws IOException {
        InputStream closed = new InputStream() {
            @Override
            public int read() {
                return -1;
            }

            @Override
            public int available() throws IOException {
                throw new IOException("Stream closed");
            }
        };
        try (SpinningInput in = new SpinningInput(closed, Long.MAX_VALUE / 4)) {
            assertEquals(-1, in.read(), "no endless spin on a stream whose available() fails");
        }
    }
}
