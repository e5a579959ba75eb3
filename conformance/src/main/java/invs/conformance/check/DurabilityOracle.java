package invs.conformance.check;

import invs.conformance.shadow.AccessOffset;
import invs.conformance.shadow.KernelShadow;
import invs.spec.DriverNumbers;

import invs.spec.AddressWidth;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.App;
import invs.spec.Bytes;
import invs.spec.Clause;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Subscribe;
import invs.spec.Unsubscribe;
import invs.spec.Upcall;
import invs.spec.Yield;
import invs.spec.model.Specification;
import io.vavr.control.Option;

/**
 * {@link Property#DURABILITY} from observations alone. For each app's region the oracle keeps the bytes
 * it has seen: written by a write whose SUCCESS upcall arrived, or read back. A write marks its range
 * unknown from the moment it is accepted (it may complete, fail or be cut at any time). Any later read
 * that returns other values for bytes no write of the app has touched since shows that storage changed
 * by itself: an acknowledged write was lost, or an interrupted write or another app's activity reached
 * outside its range.
 */
final class DurabilityOracle implements Oracle {
    private static final Clause CLAUSE = Clause.CLARIFIED_DURABILITY;

    /** An accepted read or write: where it goes and, for a write, the data it was given. */
    private record Access(boolean write, long offset, boolean valid, Bytes data, int count, long sequence) {
    }

    private final Configuration configuration;
    private final Ledger<Access> ledger;
    private final KernelShadow kernel;
    /** The bytes seen of each app's region, made when the app first reads or writes; null before. */
    private final Shadow[] shadows;
    /** Whether each app has a region it may read or write (a write id). */
    private final boolean[] owners;
    /** The most bytes one read or write moves. */
    private final int transferLimit;

    /**
     * The bytes seen of one region: each byte's value, the step since which it is known, and the last
     * write that may change it. Made for every app that reads or writes in every session, so it stores
     * "none" as 0 (each step and sequence number plus one) and needs no filling; held in pages of
     * {@link #PAGE} bytes made when a byte of theirs is first learnt or changed, so that what it holds grows
     * with the bytes a sequence moves, not with the region's size (a trace of a few lines may give its
     * apps regions of 16 MiB each).
     */
    private static final class Shadow {
        private static final int PAGE_BITS = 12;
        private static final int PAGE = 1 << PAGE_BITS;
        private final int size;
        private final Page[] pages;

        /** One page: 9 bytes for each byte of the region it covers (the last page only as far as the region goes). */
        private static final class Page {
            final byte[] values;
            /** 1 + the step since which each byte is known, 0 while it is not. */
            final int[] knownSince;
            /** 1 + the sequence number of the last write that may change each byte, 0 for none. */
            final int[] stamp;

            Page(int length) {
                values = new byte[length];
                knownSince = new int[length];
                stamp = new int[length];
            }
        }

        Shadow(int size) {
            this.size = size;
            this.pages = new Page[(int) ((size + (long) PAGE - 1) >>> PAGE_BITS)];
        }

        int size() {
            return size;
        }

        /** The page of byte {@code at}, or null while none of its bytes was learnt or changed. */
        private Page seen(int at) {
            return pages[at >>> PAGE_BITS];
        }

        private Page made(int at) {
            Page page = pages[at >>> PAGE_BITS];
            if (page == null) {
                int start = at & -PAGE;
                page = new Page(Math.min(PAGE, size - start));
                pages[at >>> PAGE_BITS] = page;
            }
            return page;
        }

        /** The value of byte {@code at} (0 where nothing was learnt). */
        byte value(int at) {
            Page page = seen(at);
            return page == null ? 0 : page.values[at & (PAGE - 1)];
        }

        /** The step since which byte {@code at} is known. */
        int since(int at) {
            Page page = seen(at);
            return page == null ? -1 : page.knownSince[at & (PAGE - 1)] - 1;
        }

        /** What is done to the bytes {@code [index, stop)} of one page, the first of them byte {@code first} of the range. */
        private interface Segment {
            /** -1 to go on to the next page, or a byte's offset in the region to stop at. */
            int visit(Page page, int index, int stop, int first);
        }

        /**
         * Visits the range {@code [from, from + count)} page by page, making its pages if {@code make} (else a page
         * never made is skipped); the offset a visit stopped at, or -1.
         */
        private int walk(int from, int count, boolean make, Segment segment) {
            for (int at = from, end = from + count; at < end; ) {
                Page page = make ? made(at) : seen(at);
                int index = at & (PAGE - 1);
                int stop = Math.min(PAGE, index + end - at);
                int stopped = page == null ? -1 : segment.visit(page, index, stop, at - from);
                if (stopped >= 0) {
                    return at + stopped - index;
                }
                at += stop - index;
            }
            return -1;
        }

        /** Write {@code sequence} may change bytes {@code [from, from + count)}: they are unknown. */
        void unknown(int from, int count, long sequence) {
            int stamp = Math.toIntExact(sequence + 1);
            walk(from, count, true, (page, index, stop, first) -> {
                java.util.Arrays.fill(page.knownSince, index, stop, 0);
                java.util.Arrays.fill(page.stamp, index, stop, stamp);
                return -1;
            });
        }

        /**
         * Write {@code sequence} put {@code data[0, count)} at {@code from}: the bytes it was the last write
         * that may change are known from {@code step}. A page never made holds no byte a write may change.
         */
        void written(int from, int count, Bytes data, long sequence, int step) {
            long stamp = sequence + 1;
            walk(from, count, false, (page, index, stop, first) -> {
                for (int i = index; i < stop; i++) {
                    if (page.stamp[i] == stamp) {
                        page.values[i] = data.get(first + i - index);
                        page.knownSince[i] = step + 1;
                    }
                }
                return -1;
            });
        }

        /**
         * A read accepted with number {@code sequence} (a write accepted after it has a greater one) showed
         * {@code buffer[0, count)} from {@code from}: the first byte no later write may change that was known
         * and is shown otherwise (its offset in the region), or -1. The bytes before it (all of them, for -1)
         * that were unknown are known from {@code step}. Its pages are made: a page never made holds only
         * unknown bytes, which the read teaches.
         */
        int contradiction(int from, int count, Bytes buffer, long sequence, int step) {
            long stamp = sequence + 1;
            return walk(from, count, true, (page, index, stop, first) -> {
                for (int i = index; i < stop; i++) {
                    if (page.stamp[i] > stamp) {
                        continue;
                    }
                    byte shown = buffer.get(first + i - index);
                    if (page.knownSince[i] == 0) {
                        page.values[i] = shown;
                        page.knownSince[i] = step + 1;
                    } else if (page.values[i] != shown) {
                        return i;
                    }
                }
                return -1;
            });
        }
    }

    DurabilityOracle(Configuration configuration, KernelShadow kernel) {
        this.configuration = configuration;
        this.kernel = kernel;
        int apps = configuration.apps().size();
        this.ledger = new Ledger<>(kernel);
        this.shadows = new Shadow[apps];
        this.owners = new boolean[apps];
        this.transferLimit = configuration.transferLimit().getOrElse(Integer.MAX_VALUE);
        for (int app = 0; app < apps; app++) {
            App spec = configuration.apps().get(app);
            owners[app] = spec.permissions().writeId().isDefined();
        }
    }

    /** The bytes seen of {@code app}'s region (which it has: a write id); nothing seen until the app reads or writes. */
    private Shadow shadow(int app) {
        if (shadows[app] == null) {
            shadows[app] = new Shadow(configuration.regionSize());
        }
        return shadows[app];
    }

    @Override
    public Option<Violation> check(int step, Input input, Observation observation) {
        // One case a type, the conditions inside: a guard that fails would dispatch the switch again.
        boolean success = observation instanceof Observation.Success;
        switch (input) {
            case Command command -> {
                if (success && (command.number() == DriverNumbers.READ || command.number() == DriverNumbers.WRITE)) {
                    accepted(step, command);
                } else if (success && command.number() == DriverNumbers.GET_SIZE) {
                    ledger.accepted(command.app().slot(), DriverNumbers.subscribeNumberOf(command.number()), null, step);
                }
            }
            case AllowReadOnly allow -> {
                if (success && allow.number() == DriverNumbers.BUFFER) {
                    allowedReadOnly(step, allow);
                }
            }
            case AllowReadWrite allow -> ledger.readBufferChanged(allow.app().slot());
            case Subscribe(var app, int number) -> {
                if (success) {
                    ledger.subscription(app.slot(), number);
                }
            }
            case Unsubscribe(var app, int number) -> {
                if (success) {
                    ledger.subscription(app.slot(), number);
                }
            }
            case Drain drain -> ledger.drained();
            case Restart(var app) -> ledger.restarted(app.slot());
            case Reboot reboot -> ledger.rebooted();
            case Yield(var app) when observation instanceof Observation.Yielded(Option<Upcall> upcall, Bytes buffer) -> {
                if (upcall.isDefined()) {
                    return delivered(step, input, observation, app.slot(), upcall.get(), buffer);
                }
                ledger.noUpcall(app.slot());
            }
            default -> {
            }
        }
        return Option.none();
    }

    private void accepted(int step, Command command) {
        int app = command.app().slot();
        boolean write = command.number() == DriverNumbers.WRITE;
        long offset = AccessOffset.of(configuration, command).getOrElse(-1L);
        boolean valid = offset >= 0 && owners[app];
        Bytes data = write ? kernel.readOnly(app).getOrElse(Bytes.empty()) : Bytes.empty();
        int count = 0;
        if (write && valid && within(offset, data.length())) {
            count = transferCount(data.length());
            flux(app, (int) offset, count, ledger.nextSequence());
        }
        ledger.accepted(app, DriverNumbers.subscribeNumberOf(command.number()), new Access(write, offset, valid, data, count, ledger.nextSequence()),
                step);
    }

    private void allowedReadOnly(int step, AllowReadOnly allow) {
        int app = allow.app().slot();
        Ledger.Entry<Access> outstanding = ledger.outstanding(app);
        ledger.writeBufferChanged(app);
        if (outstanding != null && outstanding.payload != null && outstanding.payload.write()) {
            // The write may use the new buffer: everything either buffer may reach is unknown.
            Access access = outstanding.payload;
            if (access.valid() && access.offset() < configuration.regionSize()) {
                int reach = Math.max(access.data().length(), allow.data().length());
                int end = (int) Math.min(configuration.regionSize(), access.offset() + (long) transferCount(reach));
                flux(app, (int) access.offset(), end - (int) access.offset(), access.sequence());
            }
        }
    }

    private Option<Violation> delivered(int step, Input input, Observation observation, int app, Upcall upcall,
                                        Bytes buffer) {
        Ledger.Match<Access> match = ledger.upcall(app, upcall.subscribeNumber());
        if (match == null || match.entry().payload == null || !match.certain() || upcall.status() != 0) {
            return Option.none();
        }
        Access access = match.entry().payload;
        if (!owners[app] || !access.valid() || upcall.arg1() < 0) {
            return Option.none();
        }
        Shadow shadow = shadow(app);
        long count = upcall.arg1();
        if (access.write()) {
            if (!match.entry().writeBufferChanged && match.last() && count <= access.count()) {
                shadow.written((int) access.offset(), (int) count, access.data(), access.sequence(), step);
            }
            return Option.none();
        }
        if (!match.last() || match.entry().readBufferChanged || count > buffer.length()
                || access.offset() + count > shadow.size()) {
            return Option.none();
        }
        return compareRead(step, input, observation, app, shadow, access, (int) count, buffer);
    }

    private Option<Violation> compareRead(int step, Input input, Observation observation, int app, Shadow shadow,
                                          Access access, int count, Bytes buffer) {
        int offset = (int) access.offset();
        int at = shadow.contradiction(offset, count, buffer, access.sequence(), step);
        if (at < 0) {
            return Option.none();
        }
        byte shown = buffer.get(at - offset);
        String why = String.format("byte %d of app%d's region read as 0x%02x, but it was 0x%02x since step %d"
                        + " (written with a SUCCESS upcall, or read) and no write of app%d has touched it since",
                at, app, shown & 0xFF, shadow.value(at) & 0xFF, shadow.since(at) + 1, app);
        String description = "input:    " + input + "\nobserved: " + observation + "\nexpected: " + why
                + "\nclause:   " + CLAUSE.citation();
        return Option.some(new Violation(Property.DURABILITY, Option.some(CLAUSE), step, input,
                Option.some(observation), description, Option.none()));
    }

    private void flux(int app, int offset, int count, long sequence) {
        shadow(app).unknown(offset, count, sequence);
    }

    private boolean within(long offset, int length) {
        int size = configuration.regionSize();
        return length > 0 && Long.compareUnsigned(offset, size) < 0 && length <= size && offset + length <= size;
    }

    private int transferCount(int length) {
        return Math.min(transferLimit, length);
    }
}
