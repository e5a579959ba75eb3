package invs.fuzz.progress;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** A terminal progress bar (me.tongfei progressbar) with the live figures as its message. */
final class BarDisplay implements ProgressDisplay {
    private final long total;
    private final Supplier<ProgressSnapshot> source;
    private final ProgressBar bar;
    private final ScheduledExecutorService poller;

    BarDisplay(String task, long total, String unit, Supplier<ProgressSnapshot> source, PrintStream terminal) {
        this.total = Math.max(1, total);
        this.source = source;
        this.bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(this.total).setUnit(unit, 1)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(250).hideEta()
                .setConsumer(new ConsoleProgressBarConsumer(terminal)).build();
        this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "invs-progress");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleAtFixedRate(this::update, 0, 200, TimeUnit.MILLISECONDS);
    }

    private void update() {
        ProgressSnapshot snapshot = source.get();
        bar.stepTo(Math.round(Math.min(1, Math.max(0, snapshot.fraction())) * total));
        bar.setExtraMessage(snapshot.message());
    }

    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        update();
        bar.close();
    }
}
