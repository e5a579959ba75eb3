package invs.fuzz.campaign;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Live counts of a running campaign, read by progress displays from another thread. */
public final class CampaignCounters {
    private final long start = System.nanoTime();
    private final AtomicLong tries = new AtomicLong();
    private final AtomicLong syscalls = new AtomicLong();
    private final AtomicInteger rules = new AtomicInteger();
    private volatile boolean shrinking;

    void tryFinished(long checked) {
        tries.incrementAndGet();
        syscalls.addAndGet(checked);
    }

    void rulesBroken(int count) {
        rules.set(count);
    }

    void shrinking() {
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

    /** Distinct rules broken so far (findings before shrinking). */
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
