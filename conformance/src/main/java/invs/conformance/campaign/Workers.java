package invs.conformance.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one piece of work on several threads at once, the calling thread among them. */
final class Workers {
    private Workers() {
    }

    /** Runs {@code work} on {@code threads} threads and waits for all; rethrows the first failure. */
    static void run(int threads, Runnable work) {
        if (threads <= 1) {
            work.run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads - 1, runnable -> {
            Thread thread = new Thread(runnable, "invs-campaign");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 1; i < threads; i++) {
                running.add(pool.submit(work));
            }
            work.run();
            for (Future<?> future : running) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the campaign was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
