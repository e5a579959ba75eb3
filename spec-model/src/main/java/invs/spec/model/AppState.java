package invs.spec.model;

import invs.spec.Bytes;
import invs.spec.ErrorCode;
import invs.spec.Upcall;
import io.vavr.collection.Array;
import io.vavr.control.Option;

/**
 * What the kernel and the driver hold for one app (its grant): the allowed buffers, the subscriptions,
 * the queued upcalls, and the outstanding operation. A value: equal parts make equal states. Its hash is
 * computed on first use and kept (most states the specification builds are never hashed, and Vavr
 * collections do not cache their hashes).
 *
 * <p>A queued upcall may be marked {@linkplain #mayFail(int) as one that may instead be FAIL}: the
 * operation that queued it completed unseen, and may have failed with a flash fault instead. Such a state
 * stands for the states with each marked upcall as it is or FAIL, each FAIL having used one more armed
 * fault ({@link FaultAlternatives}).
 */
public final class AppState {
    private static final long FAIL_STATUS = ErrorCode.FAIL.number();

    private final Bytes readOnly;
    private final Cells readWrite;
    private final Option<ReadSource> readSource;
    private final Subscriptions subscriptions;
    private final Array<Upcall> upcalls;
    private final Option<Operation> pending;
    private final Grant grant;
    /** Bit i set: the i-th queued upcall (from the oldest, below 64) may instead be FAIL, using a fault. */
    private final long mayFail;
    /** Whether an unmarked FAIL upcall is queued: 0 until computed, then 1 (no) or 2 (yes). */
    private byte queuesUnmarkedFail;
    /** The hash, 0 until computed. */
    private int hash;
    /** The hash of all but the read-write buffer's bytes ({@link #shapeHash}), 0 until computed. */
    private int shape;

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
    public AppState(Bytes readOnly, Cells readWrite, Option<ReadSource> readSource, Subscriptions subscriptions,
                    Array<Upcall> upcalls, Option<Operation> pending, Grant grant) {
        this(readOnly, readWrite, readSource, subscriptions, upcalls, pending, grant, 0L);
    }

    private AppState(Bytes readOnly, Cells readWrite, Option<ReadSource> readSource, Subscriptions subscriptions,
                     Array<Upcall> upcalls, Option<Operation> pending, Grant grant, long mayFail) {
        this.mayFail = mayFail;
        this.readOnly = readOnly;
        this.readWrite = readWrite;
        this.readSource = readSource;
        this.subscriptions = subscriptions;
        this.upcalls = upcalls;
        this.pending = pending;
        this.grant = grant;
    }

    /** An app state of these parts, with the grant allocated. */
    public AppState(Bytes readOnly, Cells readWrite, Option<ReadSource> readSource, Subscriptions subscriptions,
                    Array<Upcall> upcalls, Option<Operation> pending) {
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
    public Subscriptions subscriptions() {
        return subscriptions;
    }

    /** Upcalls queued for the app, oldest first. */
    public Array<Upcall> upcalls() {
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

    /**
     * Whether the queued upcall at {@code position} (0 the oldest) may instead be FAIL, having used one more
     * armed fault; only the first 64 positions may be.
     */
    public boolean mayFail(int position) {
        return position < Long.SIZE && (mayFail >>> position & 1) != 0;
    }

    /** Whether any queued upcall may instead be FAIL. */
    public boolean anyMayFail() {
        return mayFail != 0;
    }

    /**
     * Whether a FAIL upcall not marked as one that may be FAIL is queued at a position that could be marked
     * (computed on first use and kept: frontier states share their apps' states, and this is asked of every
     * state on most steps).
     */
    boolean queuesUnmarkedFail() {
        byte known = queuesUnmarkedFail;
        if (known == 0) {
            known = 1;
            if (!upcalls.isEmpty()) {
                int position = 0;
                for (Upcall upcall : upcalls) {
                    if (position >= Long.SIZE) {
                        break;
                    }
                    if (upcall.status() == FAIL_STATUS && !mayFail(position)) {
                        known = 2;
                        break;
                    }
                    position++;
                }
            }
            queuesUnmarkedFail = known;
        }
        return known == 2;
    }

    /** How many queued upcalls may instead be FAIL. */
    public int mayFailCount() {
        return Long.bitCount(mayFail);
    }

    /** This state with the queued upcall at {@code position} (below 64) marked as one that may instead be FAIL. */
    AppState withMayFail(int position) {
        return new AppState(readOnly, readWrite, readSource, subscriptions, upcalls, pending, grant,
                mayFail | 1L << position);
    }

    /** This state with the queued upcall at {@code position} replaced by {@code upcall}, its mark kept. */
    AppState withUpcallAt(int position, Upcall upcall) {
        return new AppState(readOnly, readWrite, readSource, subscriptions, upcalls.update(position, upcall), pending,
                grant, mayFail);
    }

    /** This state with its oldest queued upcall taken (there is one), the marks moved along. */
    AppState withOldestTaken() {
        return new AppState(readOnly, readWrite, readSource, subscriptions, upcalls.tail(), pending, grant,
                mayFail >>> 1);
    }

    /**
     * This state subscribed to {@code numbers}, the upcalls queued on {@code number} dropped, the marks
     * moved along.
     */
    AppState withSubscriptionsDropping(Subscriptions numbers, int number) {
        Array<Upcall> kept = Array.empty();
        long marks = 0;
        int position = 0;
        int at = 0;
        for (Upcall upcall : upcalls) {
            if (upcall.subscribeNumber() != number) {
                if (mayFail(position) && at < Long.SIZE) {
                    marks |= 1L << at;
                }
                kept = kept.append(upcall);
                at++;
            }
            position++;
        }
        return new AppState(readOnly, readWrite, readSource, numbers, kept, pending, grant, marks);
    }

    /**
     * Whether this app state knows no more than {@code other}: equal but for the read-write buffer, where
     * this one knows no byte {@code other}'s does not ({@link BufferSubsumption}).
     */
    boolean knowsNoMoreThan(AppState other) {
        return other == this || shapeHash() == other.shapeHash() && grant == other.grant && mayFail == other.mayFail
                && readWrite.knowsNoMoreThan(other.readWrite) && pending.equals(other.pending)
                && readSource.equals(other.readSource) && subscriptions.equals(other.subscriptions)
                && readOnly.equals(other.readOnly) && upcalls.equals(other.upcalls);
    }

    /** A hash of all {@link #knowsNoMoreThan} compares for equality: all but the read-write buffer's bytes. */
    int shapeHash() {
        int h = shape;
        if (h == 0) {
            h = hashWith(readWrite.length());
            shape = h;
        }
        return h;
    }

    /**
     * As java.util.Objects.hash of the parts, without its array, the read-write buffer counted as
     * {@code buffer}, the marks only when some upcall is marked.
     */
    private int hashWith(int buffer) {
        int h = 1;
        h = 31 * h + readOnly.hashCode();
        h = 31 * h + buffer;
        h = 31 * h + readSource.hashCode();
        h = 31 * h + subscriptions.hashCode();
        h = 31 * h + upcalls.hashCode();
        h = 31 * h + pending.hashCode();
        h = 31 * h + grant.ordinal();
        return mayFail != 0 ? 31 * h + Long.hashCode(mayFail) : h;
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof AppState that && (hash == 0 || that.hash == 0 || hash == that.hash)
                && readWrite.equals(that.readWrite) && readOnly.equals(that.readOnly) && pending.equals(that.pending)
                && upcalls.equals(that.upcalls) && subscriptions.equals(that.subscriptions)
                && readSource.equals(that.readSource) && grant == that.grant && mayFail == that.mayFail;
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = hashWith(readWrite.hashCode());
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return "AppState[readOnly=" + readOnly + ", readWrite=" + readWrite + ", readSource=" + readSource
                + ", subscriptions=" + subscriptions + ", upcalls=" + upcalls + ", pending=" + pending
                + ", grant=" + grant + (mayFail == 0 ? "" : ", mayFail=" + Long.toBinaryString(mayFail)) + "]";
    }

    private static final AppState FRESH = new AppState(Bytes.empty(), Cells.empty(), Option.none(), Subscriptions.NONE,
            Array.empty(), Option.none(), Grant.NONE);

    /** A process that has just started: no grant yet, nothing allowed, subscribed, queued or pending. */
    public static AppState fresh() {
        return FRESH;
    }

    /** This state with another read-only buffer. */
    public AppState withReadOnly(Bytes buffer) {
        return new AppState(buffer, readWrite, readSource, subscriptions, upcalls, pending, grant, mayFail);
    }

    /** This state with another read-write buffer and its source. */
    public AppState withReadWrite(Cells buffer, Option<ReadSource> source) {
        return new AppState(readOnly, buffer, source, subscriptions, upcalls, pending, grant, mayFail);
    }

    /** This state with another memory of where unknown bytes of the read-write buffer came from. */
    public AppState withReadSource(Option<ReadSource> source) {
        return new AppState(readOnly, readWrite, source, subscriptions, upcalls, pending, grant, mayFail);
    }

    /** This state with other subscriptions and queue, no queued upcall marked as one that may be FAIL. */
    public AppState withSubscriptions(Subscriptions numbers, Array<Upcall> queue) {
        return new AppState(readOnly, readWrite, readSource, numbers, queue, pending, grant);
    }

    /** This state with another queue, no queued upcall marked as one that may be FAIL. */
    public AppState withUpcalls(Array<Upcall> queue) {
        return new AppState(readOnly, readWrite, readSource, subscriptions, queue, pending, grant);
    }

    /** This state with another outstanding operation. */
    public AppState withPending(Option<Operation> operation) {
        return new AppState(readOnly, readWrite, readSource, subscriptions, upcalls, operation, grant, mayFail);
    }

    /** This state with the kernel's answer about the grant. */
    public AppState withGrant(Grant answer) {
        return answer == grant ? this
                : new AppState(readOnly, readWrite, readSource, subscriptions, upcalls, pending, answer, mayFail);
    }

    /** This state with {@code upcall} queued if the app is subscribed to its number, else dropped. */
    public AppState deliver(Upcall upcall) {
        return subscriptions.contains(upcall.subscribeNumber()) ? new AppState(readOnly, readWrite, readSource,
                subscriptions, upcalls.append(upcall), pending, grant, mayFail) : this;
    }
}
