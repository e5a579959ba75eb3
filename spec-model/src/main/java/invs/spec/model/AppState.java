package invs.spec.model;

import invs.spec.Bytes;
import invs.spec.Upcall;
import io.vavr.collection.HashSet;
import io.vavr.collection.Queue;
import io.vavr.collection.Set;
import io.vavr.control.Option;

/**
 * What the kernel and the driver hold for one app (its grant): the allowed buffers, the subscriptions,
 * the queued upcalls, and the outstanding operation.
 *
 * @param readOnly      read-only allow 0 (empty when none)
 * @param readWrite     read-write allow 0 (empty when none)
 * @param readSource    where unknown bytes at the start of {@code readWrite} came from, if anywhere
 * @param subscriptions the subscribe numbers with a non-null upcall
 * @param upcalls       upcalls queued for the app, oldest first
 * @param pending       the outstanding operation, if any
 * @param grant         whether the kernel holds the app's grant (clause TRD104_GRANT_NOMEM)
 * @param hash          the state's hash, computed once by the constructor (whatever is passed)
 */
public record AppState(Bytes readOnly, Cells readWrite, Option<ReadSource> readSource, Set<Integer> subscriptions,
                       Queue<Upcall> upcalls, Option<Operation> pending, Grant grant, int hash) {

    /** Computes the hash; the {@code hash} argument is ignored. */
    public AppState {
        hash = hashOf(readOnly, readWrite, readSource, subscriptions, upcalls, pending, grant);
    }

    /** The hash of an app state of these parts (a value method, like {@link #hashCode}). */
    private static int hashOf(Bytes readOnly, Cells readWrite, Option<ReadSource> readSource, Set<Integer> subscriptions,
                              Queue<Upcall> upcalls, Option<Operation> pending, Grant grant) {
        return 31 * java.util.Objects.hash(readOnly, readWrite, readSource, subscriptions, upcalls, pending) + grant.ordinal();
    }

    /** An app state of these parts. */
    public AppState(Bytes readOnly, Cells readWrite, Option<ReadSource> readSource, Set<Integer> subscriptions,
                    Queue<Upcall> upcalls, Option<Operation> pending, Grant grant) {
        this(readOnly, readWrite, readSource, subscriptions, upcalls, pending, grant, 0);
    }

    /** An app state of these parts, with the grant allocated. */
    public AppState(Bytes readOnly, Cells readWrite, Option<ReadSource> readSource, Set<Integer> subscriptions,
                    Queue<Upcall> upcalls, Option<Operation> pending) {
        this(readOnly, readWrite, readSource, subscriptions, upcalls, pending, Grant.ALLOCATED, 0);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AppState that && hash == that.hash && readWrite.equals(that.readWrite)
                && readOnly.equals(that.readOnly) && pending.equals(that.pending) && upcalls.equals(that.upcalls)
                && subscriptions.equals(that.subscriptions) && readSource.equals(that.readSource) && grant == that.grant;
    }

    @Override
    public int hashCode() {
        return hash;
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
