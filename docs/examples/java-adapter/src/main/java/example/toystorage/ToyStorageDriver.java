package example.toystorage;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A toy implementation of Tock's Isolated Nonvolatile Storage driver (0x50004), written without invs: regions
 * kept in memory (they survive app restarts and reboots, as nonvolatile storage does), and every accepted
 * operation completed at once, its upcall queued for the app's next yield. It knows nothing of flash pages,
 * headers or interrupted writes; the conformance suite checks that what it shows is what the driver document
 * allows.
 */
public final class ToyStorageDriver {
    /** Status codes (TRD104 numbers). */
    public static final int SUCCESS = 0;
    public static final int RESERVE = 5;
    public static final int INVAL = 6;
    public static final int NOMEM = 9;
    public static final int NOSUPPORT = 10;

    /**
     * A process as the driver sees it.
     *
     * @param owner     the id it writes storage as (its region's owner), if it may use storage at all
     * @param mayRead   whether it may read storage owned by {@code owner}
     * @param mayModify whether it may modify storage owned by {@code owner}
     */
    public record Process(OptionalLong owner, boolean mayRead, boolean mayModify) {
    }

    /**
     * An upcall delivered to an app.
     *
     * @param number the subscribe number (0 size, 1 read done, 2 write done)
     * @param status the status (0 for SUCCESS)
     * @param arg1   a length or count on SUCCESS, else 0
     */
    public record Upcall(int number, int status, long arg1) {
    }

    private final int regionSize;
    private final long regionCapacity;
    private final OptionalInt transferLimit;
    private final boolean wideOffsets;
    private final List<Process> processes;
    private final Map<Long, byte[]> regions = new HashMap<>();
    private final AppState[] apps;

    /** What the driver holds for one app; gone when the app restarts. */
    private static final class AppState {
        byte[] readOnly;
        byte[] readWrite;
        final boolean[] subscribed = new boolean[3];
        final ArrayDeque<Upcall> queued = new ArrayDeque<>();
    }

    /**
     * A driver for {@code processes} (in process-slot order) with regions of {@code regionSize} bytes, at most
     * {@code regionCapacity} of them, moving at most {@code transferLimit} bytes per operation if given, with
     * 64-bit offsets when {@code wideOffsets} (else a nonzero upper offset word is out of the region).
     */
    public ToyStorageDriver(int regionSize, long regionCapacity, OptionalInt transferLimit, boolean wideOffsets,
                            List<Process> processes) {
        this.regionSize = regionSize;
        this.regionCapacity = regionCapacity;
        this.transferLimit = transferLimit;
        this.wideOffsets = wideOffsets;
        this.processes = List.copyOf(processes);
        this.apps = new AppState[processes.size()];
        Arrays.setAll(apps, slot -> new AppState());
    }

    /** {@code command(0x50004, number, arg1, arg2)} by {@code app}: the status it returns. */
    public int command(int app, int number, long arg1, long arg2) {
        Process process = processes.get(app);
        return switch (number) {
            case 0 -> SUCCESS;
            case 1 -> process.owner().isEmpty() ? NOSUPPORT : complete(app, 0, size(process));
            case 2 -> process.owner().isEmpty() || !process.mayRead() ? NOSUPPORT : complete(app, 1, read(app, process, arg1, arg2));
            case 3 -> process.owner().isEmpty() || !process.mayModify() ? NOSUPPORT
                    : complete(app, 2, write(app, process, arg1, arg2));
            default -> NOSUPPORT;
        };
    }

    /** Read-only allow {@code number}: shares {@code data} for writes. */
    public int allowReadOnly(int app, int number, byte[] data) {
        if (number != 0) {
            return NOSUPPORT;
        }
        apps[app].readOnly = data.clone();
        return SUCCESS;
    }

    /** Read-write allow {@code number}: shares a fresh buffer of {@code length} zero bytes for reads (0 takes it back). */
    public int allowReadWrite(int app, int number, int length) {
        if (number != 0) {
            return NOSUPPORT;
        }
        apps[app].readWrite = new byte[length];
        return SUCCESS;
    }

    /** Subscribe {@code number}: later completions of that kind queue an upcall; queued ones of that number are dropped. */
    public int subscribe(int app, int number, boolean subscribe) {
        if (number < 0 || number > 2) {
            return NOSUPPORT;
        }
        apps[app].subscribed[number] = subscribe;
        apps[app].queued.removeIf(upcall -> upcall.number() == number);
        return SUCCESS;
    }

    /** Yield-no-wait: the oldest queued upcall of {@code app}, if any. */
    public Optional<Upcall> yield(int app) {
        return Optional.ofNullable(apps[app].queued.poll());
    }

    /** What {@code app}'s read-write buffer holds (empty when none is shared). */
    public byte[] readBuffer(int app) {
        byte[] buffer = apps[app].readWrite;
        return buffer == null ? new byte[0] : buffer.clone();
    }

    /** The app restarts: its buffers, subscriptions and queued upcalls are gone; its region stays. */
    public void restart(int app) {
        apps[app] = new AppState();
    }

    /** The board restarts: every app restarts; the regions stay. */
    public void reboot() {
        Arrays.setAll(apps, slot -> new AppState());
    }

    private int complete(int app, int number, Upcall upcall) {
        if (apps[app].subscribed[number]) {
            apps[app].queued.add(upcall);
        }
        return SUCCESS;
    }

    private Upcall size(Process process) {
        return region(process) == null ? error(0, NOMEM) : new Upcall(0, SUCCESS, regionSize);
    }

    private Upcall read(int app, Process process, long arg1, long arg2) {
        byte[] region = region(process);
        byte[] buffer = apps[app].readWrite;
        int length = buffer == null ? 0 : buffer.length;
        if (region == null) {
            return error(1, NOMEM);
        }
        if (length == 0) {
            return error(1, RESERVE);
        }
        OptionalLong offset = offset(arg1, arg2, length);
        if (offset.isEmpty()) {
            return error(1, INVAL);
        }
        int count = Math.min(length, transferLimit.orElse(length));
        System.arraycopy(region, (int) offset.getAsLong(), buffer, 0, count);
        return new Upcall(1, SUCCESS, count);
    }

    private Upcall write(int app, Process process, long arg1, long arg2) {
        byte[] region = region(process);
        byte[] data = apps[app].readOnly;
        int length = data == null ? 0 : data.length;
        if (region == null) {
            return error(2, NOMEM);
        }
        if (length == 0) {
            return error(2, RESERVE);
        }
        OptionalLong offset = offset(arg1, arg2, length);
        if (offset.isEmpty()) {
            return error(2, INVAL);
        }
        int count = Math.min(length, transferLimit.orElse(length));
        System.arraycopy(data, 0, region, (int) offset.getAsLong(), count);
        return new Upcall(2, SUCCESS, count);
    }

    /** The region of {@code process}'s owner, allocated (erased: 0xFF) on first use; null when none fits. */
    private byte[] region(Process process) {
        long owner = process.owner().getAsLong();
        byte[] region = regions.get(owner);
        if (region == null && regions.size() < regionCapacity) {
            region = new byte[regionSize];
            Arrays.fill(region, (byte) 0xFF);
            regions.put(owner, region);
        }
        return region;
    }

    /** The offset of an access of {@code length} bytes, when it lies within the region. */
    private OptionalLong offset(long low, long high, int length) {
        if (high != 0 && !wideOffsets) {
            return OptionalLong.empty();
        }
        long offset = low | high << 32;
        boolean within = Long.compareUnsigned(offset, regionSize) < 0 && length <= regionSize
                && offset + length <= regionSize;
        return within ? OptionalLong.of(offset) : OptionalLong.empty();
    }

    private static Upcall error(int number, int status) {
        return new Upcall(number, status, 0);
    }
}
