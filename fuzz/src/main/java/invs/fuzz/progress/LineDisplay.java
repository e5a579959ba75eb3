package invs.fuzz.progress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Plain progress lines every few seconds, for logs and CI where a redrawn bar would be noise. */
final class LineDisplay implements ProgressDisplay {
    private final String task;
    private final Supplier<ProgressSnapshot> source;
    private final PrintWriter out;
    private final ScheduledExecutorService poller;

    LineDisplay(String task, Supplier<ProgressSnapshot> source, PrintWriter out, Duration interval) {
        this.task = task;
        this.source = source;
        this.out = out;
        this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "invs-progress");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleAtFixedRate(this::print, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void print() {
        ProgressSnapshot snapshot = source.get();
        synchronized (out) {
            out.printf("%s: %3.0f%% %s%n", task, 100 * Math.min(1, snapshot.fraction()), snapshot.message());
            out.flush();
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        print();
    }
}
