package invs.fuzz.campaign;

import invs.conformance.campaign.CampaignListener;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Live counts of a running campaign, heard from the engine and read by progress displays from another thread. */
public final class CampaignCounters implements CampaignListener {
    private final long start = System.nanoTime();
    private final AtomicLong tries = new AtomicLong();
    private final AtomicLong syscalls = new AtomicLong();
    private final AtomicInteger rules = new AtomicInteger();
    private volatile boolean shrinking;
    private final Runnable onStart;

    /** Counters that run {@code onStart} once, when the campaign's tries begin (its boards are supported). */
    public CampaignCounters(Runnable onStart) {
        this.onStart = onStart;
    }

    @Override
    public void started() {
        onStart.run();
    }

    @Override
    public void tryFinished(long index, int steps, long checked, boolean failed) {
        tries.incrementAndGet();
        syscalls.addAndGet(checked);
    }

    @Override
    public void ruleBroken(String rule, int count) {
        rules.set(count);
    }

    @Override
    public void shrinking(int findings) {
        shrinking = true;
    }

    /** Tries finished so far. */
    public long tries() {
        return tries.get();
    }

    /** System calls checked so far. */
    public long syscalls() {
        return syscalls.get();
    }

    /** Distinct rules broken so far (before shrinking and grouping into causes). */
    public int findings() {
        return rules.get();
    }

    /** Whether the tries are over and findings are being shrunk. */
    public boolean isShrinking() {
        return shrinking;
    }

    /** Seconds since the campaign started. */
    public double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
