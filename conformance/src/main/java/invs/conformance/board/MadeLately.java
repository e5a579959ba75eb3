package invs.conformance.board;

import invs.spec.Configuration;

import java.util.function.Function;

/**
 * A value made from a configuration (its specification, its board), made once and shared while the
 * configuration is in use: a campaign opens thousands of sessions on a few boards, most often in turn, and
 * making such a value is not free. The value must be immutable and depend on the configuration alone, so
 * that sessions (and threads) can share it and no result depends on which of them made it. Keeps the
 * values of the last {@code kept} configurations; reading takes no lock. A configuration for which
 * {@code make} throws is not kept: it is asked again the next time. Neither is one of more than
 * {@link #MOST_APPS} apps: a peer may reset to boards of tens of thousands of apps (megabytes each), and
 * keeping the last few of those would hold more memory than any campaign's boards need.
 *
 * @param <V> the value made
 */
public final class MadeLately<V> {
    /** The most apps a configuration kept has; the value of a larger one is made each time it is asked. */
    public static final int MOST_APPS = 256;
    private final int kept;
    private final Function<Configuration, V> make;
    /** The values kept, the newest first; replaced, never changed. */
    private volatile Made<?>[] made = new Made<?>[0];

    /** A configuration and its value. */
    private record Made<V>(Configuration configuration, V value) {
    }

    /** Keeps the values {@code make} made for the last {@code kept} configurations. */
    public MadeLately(int kept, Function<Configuration, V> make) {
        if (kept < 1) {
            throw new IllegalArgumentException("keeps at least one configuration's value, not " + kept);
        }
        this.kept = kept;
        this.make = make;
    }

    /** The value of {@code configuration}: the one kept for it or an equal configuration, else a new one. */
    public V of(Configuration configuration) {
        Made<?>[] now = made;
        // The same configuration object, most often: a campaign hands its boards to every session.
        for (Made<?> kept : now) {
            if (kept.configuration() == configuration) {
                return value(kept);
            }
        }
        for (Made<?> kept : now) {
            if (kept.configuration().equals(configuration)) {
                return value(kept);
            }
        }
        V value = make.apply(configuration);
        return configuration.apps().size() > MOST_APPS ? value : keep(new Made<>(configuration, value));
    }

    /** How many configurations' values are kept now. */
    public int size() {
        return made.length;
    }

    /** Keeps {@code fresh}, unless another thread has kept its configuration's value meanwhile: the value kept. */
    private synchronized V keep(Made<V> fresh) {
        Made<?>[] now = made;
        for (Made<?> kept : now) {
            if (kept.configuration().equals(fresh.configuration())) {
                return value(kept);
            }
        }
        Made<?>[] next = new Made<?>[Math.min(kept, now.length + 1)];
        next[0] = fresh;
        System.arraycopy(now, 0, next, 1, next.length - 1);
        made = next;
        return fresh.value();
    }

    @SuppressWarnings("unchecked") // every entry was made by this.make
    private V value(Made<?> kept) {
        return (V) kept.value();
    }
}
