package invs.fuzz.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

/**
 * A pipelining server's requests: the replies are flushed before every wait for the client, and the wait
 * polls first only after a request that came alone; after a batch it blocks at once.
 */
class ServerInputTest {

    @Test
    void pollsAfterALoneRequestAndBlocksAtOnceAfterABatch() throws IOException {
        // every wait finds nothing, and each read returns at once: far within the poll of 200 ms
        SlowStream requests = new SlowStream();
        Flushes replies = new Flushes();
        try (ServerInput in = new ServerInput(requests, replies, 200_000_000)) {
            in.requestRead();
            assertTrue(in.pollsNextWait());
            int looks = requests.looks;
            assertEquals('x', in.read());
            assertTrue(requests.looks > looks + 1, "after a lone request the wait polls");
            assertEquals(1, replies.flushes, "the replies are flushed before the wait");
            assertTrue(in.polling(), "a wait shorter than a poll keeps polling worth it");

            in.requestRead();
            in.requestRead();
            assertFalse(in.pollsNextWait());
            looks = requests.looks;
            assertEquals('x', in.read());
            assertEquals(looks + 1, requests.looks, "after a batch the wait blocks after one look");
            assertEquals(2, replies.flushes, "the replies are flushed before the wait");

            in.requestRead();
            assertTrue(in.pollsNextWait(), "the count starts again at each wait");
            looks = requests.looks;
            assertEquals('x', in.read());
            assertTrue(requests.looks > looks + 1, "a lone request after a batch: the wait polls again");
            assertEquals(3, replies.flushes);
        }
    }

    @Test
    void aWaitBeforeAnyRequestPolls() throws IOException {
        SlowStream requests = new SlowStream();
        try (ServerInput in = new ServerInput(requests, new Flushes(), 200_000_000)) {
            assertTrue(in.pollsNextWait(), "the client's hello comes alone");
            assertEquals('x', in.read());
            assertTrue(requests.looks > 1);
        }
    }

    /** Replies that count how often they are flushed. */
    private static final class Flushes extends OutputStream {
        int flushes;

        @Override
        public void write(int b) {
            // nothing to keep
        }

        @Override
        public void flush() {
            flushes++;
        }
    }
}
