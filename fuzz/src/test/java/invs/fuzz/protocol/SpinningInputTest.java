package invs.fuzz.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * come while it polls or only after, the end of the stream, and a stream that cannot say what it holds.
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
