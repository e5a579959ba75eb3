package invs.conformance.check;

import invs.conformance.shadow.KernelShadow;
import invs.spec.DriverNumbers;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;

/**
 * What can be known about each app's accepted operations and their upcalls from observations alone.
 *
 * <p>An app has at most one operation outstanding: accepting a command means the previous one has
 * completed. A completed operation queues its upcall iff the app is subscribed to its number at that
 * moment; a subscribe or unsubscribe drops the upcalls queued on its number; upcalls leave the queue in
 * completion order. Completion itself is invisible, so an entry is <em>certain</em> while the
 * subscription to its number has not changed since it was accepted (its upcall is then queued iff the app
 * is subscribed), and uncertain afterwards. Entries known to have no upcall in the queue are dropped.
 *
 * @param <P> what the oracle remembers about each operation
 */
final class Ledger<P> {

    /** One accepted operation. */
    static final class Entry<P> {
        final int number;
        final P payload;
        final int acceptedAt;
        final long sequence;
        boolean completed;
        boolean certain = true;
        boolean readBufferChanged;
        boolean writeBufferChanged;

        Entry(int number, P payload, int acceptedAt, long sequence) {
            this.number = number;
            this.payload = payload;
            this.acceptedAt = acceptedAt;
            this.sequence = sequence;
        }

        /** Whether its upcall is certainly in the queue. */
        boolean certainlyQueued(boolean subscribed) {
            return completed && certain && subscribed;
        }
    }

    /**
     * The entry an upcall belongs to.
     *
     * @param entry   the entry
     * @param certain whether it could belong to no other entry
     * @param last    whether no operation of the app was accepted after it (even one whose upcall is gone)
     */
    record Match<P>(Entry<P> entry, boolean certain, boolean last) {
    }

    private final List<List<Entry<P>>> entries = new ArrayList<>();
    private final KernelShadow shadow;
    private final long[] latest;
    private long sequence;

    /** A ledger reading subscriptions from {@code shadow}, which is updated after each step it is told of. */
    Ledger(KernelShadow shadow) {
        this.shadow = shadow;
        int apps = shadow.apps();
        latest = new long[apps];
        Arrays.fill(latest, -1);
        for (int app = 0; app < apps; app++) {
            entries.add(new ArrayList<>());
        }
    }

    /** {@code app}'s command was accepted (so its previous operation had completed). */
    Entry<P> accepted(int app, int number, P payload, int step) {
        List<Entry<P>> list = entries.get(app);
        list.forEach(entry -> entry.completed = true);
        Entry<P> entry = new Entry<>(number, payload, step, sequence++);
        latest[app] = entry.sequence;
        list.add(entry);
        normalise(app);
        return entry;
    }

    /** The sequence number the next accepted operation will get. */
    long nextSequence() {
        return sequence;
    }

    /** Whether {@code app} may have an operation outstanding. */
    boolean pending(int app) {
        List<Entry<P>> list = entries.get(app);
        return !list.isEmpty() && !list.getLast().completed;
    }

    /** The outstanding operation of {@code app}, or null. */
    Entry<P> outstanding(int app) {
        return pending(app) ? entries.get(app).getLast() : null;
    }

    /** The entries of {@code app}, oldest first. */
    List<Entry<P>> entries(int app) {
        return entries.get(app);
    }

    /** {@code app} subscribed or unsubscribed {@code number} (the shadow learns which afterwards). */
    void subscription(int app, int number) {
        if (!DriverNumbers.isSubscribeNumber(number)) {
            return;
        }
        for (Entry<P> entry : entries.get(app)) {
            if (entry.number == number) {
                entry.certain = false;
            }
        }
        // Completed entries on this number had their queued upcall dropped, if they had one.
        entries.get(app).removeIf(entry -> entry.number == number && entry.completed);
    }

    /** Whether {@code app} is subscribed to {@code number}. */
    boolean subscribed(int app, int number) {
        return shadow.subscribed(app, number);
    }

    /** {@code app} allowed another read-write buffer. */
    void readBufferChanged(int app) {
        entries.get(app).forEach(entry -> entry.readBufferChanged = true);
    }

    /** {@code app} allowed another read-only buffer: its outstanding operation may use either. */
    void writeBufferChanged(int app) {
        Entry<P> outstanding = outstanding(app);
        if (outstanding != null) {
            outstanding.writeBufferChanged = true;
        }
    }

    /** Every outstanding operation has completed. */
    void drained() {
        for (int app = 0; app < entries.size(); app++) {
            entries.get(app).forEach(entry -> entry.completed = true);
            normalise(app);
        }
    }

    /** {@code app} restarted: its operation is cut, its subscriptions and queue are gone. */
    void restarted(int app) {
        entries.get(app).clear();
    }

    /** The board rebooted. */
    void rebooted() {
        for (int app = 0; app < entries.size(); app++) {
            restarted(app);
        }
    }

    /**
     * {@code app} received an upcall on {@code number}: the entry it belongs to, removed from the ledger,
     * or null when no entry can explain it.
     */
    Match<P> upcall(int app, int number) {
        List<Entry<P>> list = entries.get(app);
        int index = -1;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).number == number) {
                index = i;
                break;
            }
        }
        if (index < 0) {
            return null;
        }
        Entry<P> entry = list.get(index);
        boolean certain = entry.certain && subscribed(app, number);
        boolean last = entry.sequence == latest[app];
        // Everything queued before it has been delivered or was never queued.
        for (int i = 0; i <= index; i++) {
            list.getFirst().completed = true;
            list.removeFirst();
        }
        if (!certain) {
            list.stream().filter(other -> other.number == number).forEach(other -> other.certain = false);
        }
        return new Match<>(entry, certain, last);
    }

    /**
     * {@code app} yielded and no upcall ran: the entries whose upcall was certainly queued (a liveness
     * failure), after which every completed entry is known to have no upcall left.
     */
    List<Entry<P>> noUpcall(int app) {
        List<Entry<P>> list = entries.get(app);
        List<Entry<P>> missing = new ArrayList<>();
        for (Entry<P> entry : list) {
            if (entry.certainlyQueued(subscribed(app, entry.number))) {
                missing.add(entry);
            }
        }
        list.removeIf(entry -> entry.completed);
        return missing;
    }

    private void normalise(int app) {
        // By index, from the end: this runs at every accepted command and drain of every check.
        List<Entry<P>> list = entries.get(app);
        for (int at = list.size() - 1; at >= 0; at--) {
            Entry<P> entry = list.get(at);
            if (entry.completed && !subscribed(app, entry.number)) {
                list.remove(at);
            }
        }
    }
}
