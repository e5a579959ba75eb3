package invs.spec.model;

import invs.spec.Bytes;
import invs.spec.Upcall;
import io.vavr.collection.HashSet;
import io.vavr.collection.Queue;
import io.vavr.collection.Set;
import io.vavr.control.Option;

/**
 * What the kernel and the driver hold for one app (its grant): the allowed buffers, the subscriptions,
 * the queued upcalls, and the outstanding operation. A value: equal parts make equal states. Its hash is
 * computed on first use and kept (most states the specification builds are never hashed, and Vavr
 * collections do not cache their hashes).
 */
public final class AppState {
    private final Bytes readOnly;
    private final Cells readWrite;
    private final Option<ReadSource> readSource;
    private final Set<Integer> subscriptions;
    private final Queue<Upcall> upcalls;
    private final Option<Operation> pending;
    private final Grant grant;
    /** The hash, 0 until computed. */
    private int hash;

    /**
     * An app state of these parts.
     *
     * @param readOnly      read-only allow 0 (empty when none)
     * @param readWrite     read-write allow 0 (empty when none)
     * @param readSource    where unknown bytes at the start of {@code readWrite} came from, if anywhere
     * @param subscriptions the subscribe numbers with a non-null upcall
     * @param upcalls       upcalls queued for the app, oldest first
     * @param pending       the outstanding operation, if any
     * @param grant         whether the kernel holds the app's grant (clause TRD104_GRANT_NOMEM)
     */
    public AppState(Bytes readOnly, Cells readWrite, Option<ReadSource> readSource, Set<Integer> subscriptions,
                    Queue<Upcall> upcalls, Option<Operation> pending, Grant grant) {
        this.readOnly = readOnly;
        this.readWrite = readWrite;
        this.readSource = readSource;
        this.subscriptions = subscriptions;
        this.upcalls = upcalls;
        this.pending = pending;
        this.grant = grant;
    }

    /** An app state of these parts, with the grant allocated. */
    public AppState(Bytes readOnly, Cells readWrite, Option<ReadSource> readSource, Set<Integer> subscriptions,
                    Queue<Upcall> upcalls, Option<Operation> pending) {
        this(readOnly, readWrite, readSource, subscriptions, upcalls, pending, Grant.ALLOCATED);
    }

    /** Read-only allow 0 (empty when none). */
    public Bytes readOnly() {
        return readOnly;
    }

    /** Read-write allow 0 (empty when none). */
    public Cells readWrite() {
        return readWrite;
    }

    /** Where unknown bytes at the start of {@link #readWrite} came from, if anywhere. */
    public Option<ReadSource> readSource() {
        return readSource;
    }

    /** The subscribe numbers with a non-null upcall. */
    public Set<Integer> subscriptions() {
        return subscriptions;
    }

    /** Upcalls queued for the app, oldest first. */
    public Queue<Upcall> upcalls() {
        return upcalls;
    }

    /** The outstanding operation, if any. */
    public Option<Operation> pending() {
        return pending;
    }

    /** Whether the kernel holds the app's grant (clause TRD104_GRANT_NOMEM). */
    public Grant grant() {
        return grant;
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof AppState that && (hash == 0 || that.hash == 0 || hash == that.hash)
                && readWrite.equals(that.readWrite) && readOnly.equals(that.readOnly) && pending.equals(that.pending)
                && upcalls.equals(that.upcalls) && subscriptions.equals(that.subscriptions)
                && readSource.equals(that.readSource) && grant == that.grant;
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            // As java.util.Objects.hash of the six parts, without its array.
            h = 1;
            h = 31 * h + readOnly.hashCode();
            h = 31 * h + readWrite.hashCode();
            h = 31 * h + readSource.hashCode();
            h = 31 * h + subscriptions.hashCode();
            h = 31 * h + upcalls.hashCode();
            h = 31 * h + pending.hashCode();
            h = 31 * h + grant.ordinal();
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return "AppState[readOnly=" + readOnly + ", readWrite=" + readWrite + ", readSource=" + readSource
                + ", subscriptions=" + subscriptions + ", upcalls=" + upcalls + ", pending=" + pending
                + ", grant=" + grant + "]";
    }

    private static final AppState FRESH = new AppState(Bytes.empty(), Cells.empty(), Option.none(), HashSet.empty(),
            Queue.empty(), Option.none(), Grant.NONE);

    /** A process that has just started: no grant yet, nothing allowed, subscribed, queued or pending. */
    public static AppState fresh() {
        return FRESH;
    }

    /** This state with another read-only buffer. */
    public AppState withReadOnly(Bytes buffer) {
        return new AppState(buffer, readWrite, readSource, subscriptions, upcalls, pending, grant);
    }

    /** This state with another read-write buffer and its source. */
    public AppState withReadWrite(Cells buffer, Option<ReadSource> source) {
        return new AppState(readOnly, buffer, source, subscriptions, upcalls, pending, grant);
    }

    /** This state with another memory of where unknown bytes of the read-write buffer came from. */
    public AppState withReadSource(Option<ReadSource> source) {
        return new AppState(readOnly, readWrite, source, subscriptions, upcalls, pending, grant);
    }

    /** This state with other subscriptions and queue. */
    public AppState withSubscriptions(Set<Integer> numbers, Queue<Upcall> queue) {
        return new AppState(readOnly, readWrite, readSource, numbers, queue, pending, grant);
    }

    /** This state with another queue. */
    public AppState withUpcalls(Queue<Upcall> queue) {
        return new AppState(readOnly, readWrite, readSource, subscriptions, queue, pending, grant);
    }

    /** This state with another outstanding operation. */
    public AppState withPending(Option<Operation> operation) {
        return new AppState(readOnly, readWrite, readSource, subscriptions, upcalls, operation, grant);
    }

    /** This state with the kernel's answer about the grant. */
    public AppState withGrant(Grant answer) {
        return answer == grant ? this : new AppState(readOnly, readWrite, readSource, subscriptions, upcalls, pending, answer);
    }

    /** This state with {@code upcall} queued if the app is subscribed to its number, else dropped. */
    public AppState deliver(Upcall upcall) {
        return subscriptions.contains(upcall.subscribeNumber()) ? withUpcalls(upcalls.enqueue(upcall)) : this;
    }
}
