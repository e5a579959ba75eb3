package invs.fuzz.protocol;

import invs.spec.Tick;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The thread that writes a pipelining server's requests, whether it polls for the next batch or blocks. */
class RequestWriterTest {
    /** What the writer wrote, and a permit for each flush. */
    private static final class Written extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Semaphore flushes = new Semaphore(0);

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int offset, int length) {
            bytes.write(b, offset, length);
        }

        @Override
        public void flush() {
            flushes.release();
        }

        void awaitFlushes(int count) throws InterruptedException {
            assertTrue(flushes.tryAcquire(count, 10, TimeUnit.SECONDS), "the writer flushed " + count + " times");
        }

        synchronized List<Long> ids() {
            List<Long> ids = new ArrayList<>();
            for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
                ids.add(JsonFields.parse(line).path("id").asLong());
            }
            return ids;
        }
    }

    @Test
    void writesEveryBatchInOrderWhetherItPolledOrBlockedForIt() throws InterruptedException {
        Written out = new Written();
        RequestWriter writer = new RequestWriter(out, "test-writer");
        try {
            long id = 1;
            for (int batch = 0; batch < 40; batch++) {
                List<AwaitedReply> requests = new ArrayList<>();
                for (int request = 0; request <= batch % 3; request++) {
                    requests.add(new AwaitedReply(new Request.Apply(id++, new Tick()), null));
                }
                writer.send(requests);
                if (batch % 10 == 9) {
                    Thread.sleep(20); // longer than a poll: the next batch finds the writer blocked
                }
            }
            out.awaitFlushes(40);
            List<Long> expected = new ArrayList<>();
            for (long each = 1; each < id; each++) {
                expected.add(each);
            }
            assertEquals(expected, out.ids());
        } finally {
            writer.close();
        }
    }

    @Test
    void stopsPollingAfterAWaitLongerThanAPollAndStillWritesWhatComesNext() throws InterruptedException {
        Written out = new Written();
        RequestWriter writer = new RequestWriter(out, "test-writer");
        try {
            assertTrue(writer.polling(), "a new writer polls first");
            writer.send(List.of(new AwaitedReply(new Request.Apply(1, new Tick()), null)));
            out.awaitFlushes(1);
            Thread.sleep(200); // the poll after the first batch finds nothing; the writer blocks
            writer.send(List.of(new AwaitedReply(new Request.Apply(2, new Tick()), null)));
            out.awaitFlushes(1);
            assertFalse(writer.polling(), "a wait of 200 ms is longer than a poll: polling did not pay");
            assertEquals(List.of(1L, 2L), out.ids());
        } finally {
            writer.close();
        }
    }
}
