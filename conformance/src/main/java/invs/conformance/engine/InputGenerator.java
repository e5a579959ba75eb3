package invs.conformance.engine;

import invs.conformance.sut.Capability;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Subscribe;
import invs.spec.Tick;
import invs.spec.Unsubscribe;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A seeded, state-aware, weighted generator of inputs for one configuration. It keeps a small view of
 * what it has seen (buffers allowed, subscriptions, operations pending) and mixes single random inputs
 * with short plans that reach the corners on purpose: BUSY in one app and across apps, accesses ending
 * at size-1, size and size+1, offsets with a nonzero high word or near 2^32, zero-length and missing
 * buffers, storage exhaustion, reboots (torn) and restarts in the middle of an operation, flash faults,
 * re-allows while pending, completions while unsubscribed.
 *
 * <p>The same seed, configuration and observations give the same inputs.
 */
public final class InputGenerator {
    private static final long TWO_32 = 1L << 32;

    private final Configuration configuration;
    private final Set<Capability> capabilities;
    private final SplittableRandom random;
    private final int apps;
    private final int size;
    private final Vector<AppId> storageApps;
    private final ArrayDeque<Input> planned = new ArrayDeque<>();
    private final boolean[] pending;
    private final boolean[][] subscribed;
    private final int[] readOnly;
    private final int[] readWrite;
    private boolean started;

    /** A generator for {@code configuration} that uses only the events {@code capabilities} allow. */
    public InputGenerator(Configuration configuration, Set<Capability> capabilities, long seed) {
        this.configuration = configuration;
        this.capabilities = capabilities;
        this.random = new SplittableRandom(seed);
        this.apps = configuration.apps().size();
        this.size = configuration.regionSize();
        this.storageApps = configuration.appIds()
                .filter(app -> configuration.app(app).permissions().writeId().isDefined());
        this.pending = new boolean[apps];
        this.subscribed = new boolean[apps][3];
        this.readOnly = new int[apps];
        this.readWrite = new int[apps];
    }

    /** The next input. */
    public Input next() {
        if (!started) {
            started = true;
            prelude();
        }
        while (planned.isEmpty()) {
            plan();
        }
        return planned.poll();
    }

    /** Tells the generator what {@code input} was answered with, so that it can aim its next inputs. */
    public void observe(Input input, Observation observation) {
        switch (input) {
            case Command command when observation instanceof Observation.Success
                    && command.number() >= 1 && command.number() <= 3 -> pending[command.app().slot()] = true;
            case AllowReadOnly allow when allow.number() == 0 -> readOnly[allow.app().slot()] = allow.data().length();
            case AllowReadWrite allow when allow.number() == 0 -> readWrite[allow.app().slot()] = allow.length();
            case Subscribe(var app, int number) when number >= 0 && number < 3 -> subscribed[app.slot()][number] = true;
            case Unsubscribe(var app, int number) when number >= 0 && number < 3 -> subscribed[app.slot()][number] = false;
            case Yield(var app) when observation instanceof Observation.Yielded(Option<Upcall> upcall, var buffer)
                    && upcall.isDefined() -> pending[app.slot()] = false;
            case Drain drain -> Arrays.fill(pending, false);
            case Restart(var app) -> forget(app.slot());
            case Reboot reboot -> {
                for (int app = 0; app < apps; app++) {
                    forget(app);
                }
            }
            default -> {
            }
        }
    }

    /** The capability an input needs, none for a system call. */
    public static Option<Capability> capabilityOf(Input input) {
        return switch (input) {
            case Tick tick -> Option.some(Capability.TICK);
            case Drain drain -> Option.some(Capability.DRAIN);
            case Reboot reboot -> Option.some(reboot.tornBytes() > 0 ? Capability.TORN_REBOOT : Capability.REBOOT);
            case Restart restart -> Option.some(Capability.RESTART);
            case FlashFault fault -> Option.some(Capability.FLASH_FAULT);
            default -> Option.none();
        };
    }

    private void forget(int app) {
        pending[app] = false;
        readOnly[app] = 0;
        readWrite[app] = 0;
        Arrays.fill(subscribed[app], false);
    }

    // ---- plans -------------------------------------------------------------------------------

    private void prelude() {
        for (int app = 0; app < apps; app++) {
            for (int number = 0; number < 3; number++) {
                if (random.nextInt(10) < 8) {
                    add(new Subscribe(AppId.of(app), number));
                }
            }
        }
    }

    private void plan() {
        int choice = random.nextInt(100);
        if (choice < 27) {
            single();
        } else if (choice < 30) {
            watchLongRead(storageApp());
        } else if (choice < 40) {
            writeThenRead(storageApp());
        } else if (choice < 52) {
            bounds(storageApp());
        } else if (choice < 58) {
            busy(storageApp());
        } else if (choice < 64) {
            busyAcrossApps();
        } else if (choice < 67) {
            exhaust();
        } else if (choice < 73) {
            interruptedWrite(storageApp());
        } else if (choice < 77) {
            fault(storageApp());
        } else if (choice < 81) {
            reallow(storageApp());
        } else if (choice < 85) {
            unsubscribed(storageApp());
        } else if (choice < 90) {
            highWord(storageApp());
        } else if (choice < 95) {
            subscribeAll(anyApp());
        } else {
            permissions();
        }
    }

    private void single() {
        AppId app = anyApp();
        int waiting = pendingApp();
        if (waiting >= 0 && random.nextInt(4) == 0) {
            // An operation is pending: let it progress, or look for its upcall, or poke it.
            AppId pendingApp = AppId.of(waiting);
            switch (random.nextInt(3)) {
                case 0 -> add(new Tick());
                case 1 -> add(new Yield(pendingApp));
                default -> add(operation(pendingApp));
            }
            return;
        }
        int kind = random.nextInt(100);
        if (kind < 25) {
            add(new Yield(app));
        } else if (kind < 40) {
            add(new Tick());
        } else if (kind < 55) {
            add(randomCommand(app));
        } else if (kind < 63) {
            add(allowReadOnly(app, length()));
        } else if (kind < 71) {
            add(new AllowReadWrite(app, random.nextInt(30) == 0 ? 1 : 0, length()));
        } else if (kind < 77) {
            add(new Subscribe(app, random.nextInt(30) == 0 ? 3 + random.nextInt(3) : random.nextInt(3)));
        } else if (kind < 79) {
            add(new Unsubscribe(app, random.nextInt(3)));
        } else if (kind < 89) {
            add(new Drain());
        } else if (kind < 92) {
            add(reboot());
        } else if (kind < 95) {
            add(new Restart(app));
        } else if (kind < 98) {
            add(new FlashFault());
        } else {
            add(new Command(app, random.nextInt(2) == 0 ? 4 + random.nextInt(8) : (int) (0xFFFF_FFFFL & random.nextLong()),
                    0, 0));
        }
    }

    /** Write a buffer, read it back (possibly at another offset), both answered. */
    private void writeThenRead(AppId app) {
        int length = random.nextInt(4) == 0 ? 1 + random.nextInt(size) : 1 + random.nextInt(Math.min(size, 64));
        long offset = random.nextInt(size - length + 1);
        add(allowReadOnly(app, length));
        add(Command.write(app, offset));
        settle();
        add(new Yield(app));
        int readLength = random.nextInt(3) == 0 ? size : length;
        long readOffset = readLength == size ? 0 : offset;
        add(new AllowReadWrite(app, 0, readLength));
        add(Command.read(app, readOffset));
        settle();
        add(new Yield(app));
        add(new Yield(app));
    }

    /** A read or write at a boundary: end at size-1, size, size+1; length above size; offset at size. */
    private void bounds(AppId app) {
        int length = length();
        boolean write = random.nextBoolean();
        add(write ? allowReadOnly(app, length) : new AllowReadWrite(app, 0, length));
        add(write ? Command.write(app, offset(length)) : Command.read(app, offset(length)));
        settle();
        add(new Yield(app));
    }

    /** Two commands of one app in a row: the second one is BUSY. */
    private void busy(AppId app) {
        if (!pending[app.slot()]) {
            add(operation(app));
        }
        if (random.nextBoolean()) {
            add(new Tick());
        }
        add(operation(app));
        add(new Yield(app));
        settle();
        add(new Yield(app));
        add(new Yield(app));
    }

    /** Commands of several apps while each other's are pending. */
    private void busyAcrossApps() {
        AppId first = storageApp();
        AppId second = anyApp();
        add(operation(first));
        add(operation(second));
        if (capabilities.contains(Capability.RESTART) && random.nextInt(3) == 0) {
            // The second app restarts while its operation waits behind the first's; it starts another.
            add(new Restart(second));
            add(operation(second));
            add(operation(second));
        }
        add(operation(first));
        for (int i = random.nextInt(6); i > 0; i--) {
            add(new Tick());
        }
        add(new Yield(first));
        add(new Yield(second));
        settle();
        add(new Yield(first));
        add(new Yield(second));
    }

    /** Every app asks for its size: on a small storage some get NOMEM; then reads and writes of all. */
    private void exhaust() {
        for (int app = 0; app < apps; app++) {
            AppId id = AppId.of(app);
            add(new Subscribe(id, 0));
            add(Command.size(id));
        }
        settle();
        for (int app = 0; app < apps; app++) {
            add(new Yield(AppId.of(app)));
        }
        AppId app = storageApp();
        add(operation(app));
        settle();
        add(new Yield(app));
    }

    /** Know the region, write part of it, cut the write by a reboot or restart, read everything back. */
    private void interruptedWrite(AppId app) {
        boolean reboot = capabilities.contains(Capability.REBOOT) && (random.nextBoolean()
                || !capabilities.contains(Capability.RESTART));
        if (!reboot && !capabilities.contains(Capability.RESTART)) {
            writeThenRead(app);
            return;
        }
        if (random.nextInt(4) != 0) {
            readAll(app);
        }
        int length = 1 + random.nextInt(size);
        add(allowReadOnly(app, length));
        add(Command.write(app, random.nextInt(size - length + 1)));
        // A page update takes several flash operations: cut it anywhere in the first few pages.
        for (int i = random.nextInt(3) == 0 ? random.nextInt(4) : random.nextInt(40); i > 0; i--) {
            add(new Tick());
        }
        add(reboot ? reboot() : new Restart(app));
        add(new Subscribe(app, 1));
        add(new Subscribe(app, 2));
        readAll(app);
    }

    private void readAll(AppId app) {
        add(new AllowReadWrite(app, 0, size));
        add(Command.read(app, 0));
        settle();
        add(new Yield(app));
    }

    /** A read long enough to take several chunks, watched from the app while it is in flight. */
    private void watchLongRead(AppId app) {
        int length = Math.min(size, 1 + random.nextInt(size));
        add(new AllowReadWrite(app, 0, length));
        add(Command.read(app, random.nextInt(size - length + 1)));
        for (int look = 1 + random.nextInt(4); look > 0; look--) {
            for (int i = random.nextInt(6); i > 0; i--) {
                add(new Tick());
            }
            add(new Yield(app));
        }
        settle();
        add(new Yield(app));
    }

    /** A flash fault, then an operation that may meet it; or a write already under way that meets it. */
    private void fault(AppId app) {
        if (!capabilities.contains(Capability.FLASH_FAULT)) {
            bounds(app);
            return;
        }
        if (random.nextInt(3) == 0) {
            // The fault lands in the middle of a write's page updates: part of its range may change.
            readAll(app);
            int length = 1 + random.nextInt(size);
            add(allowReadOnly(app, length));
            add(Command.write(app, random.nextInt(size - length + 1)));
            for (int i = 1 + random.nextInt(12); i > 0; i--) {
                add(new Tick());
            }
            add(new FlashFault());
            settle();
            add(new Yield(app));
            readAll(app);
            return;
        }
        add(new FlashFault());
        if (random.nextBoolean()) {
            int length = 1 + random.nextInt(Math.min(size, 64));
            add(allowReadOnly(app, length));
            add(Command.write(app, random.nextInt(size - length + 1)));
        } else {
            add(operation(app));
        }
        settle();
        add(new Yield(app));
        if (random.nextBoolean()) {
            readAll(app);
        }
    }

    /** Re-allow a buffer while the operation that uses it is pending. */
    private void reallow(AppId app) {
        boolean write = random.nextBoolean();
        // Sometimes long enough to take several chunks, so that the re-allow lands between them.
        int length = random.nextInt(3) == 0 ? 1 + random.nextInt(size) : 1 + random.nextInt(Math.min(size, 64));
        add(write ? allowReadOnly(app, length) : new AllowReadWrite(app, 0, length));
        add(write ? Command.write(app, random.nextInt(size - length + 1)) : Command.read(app, random.nextInt(size - length + 1)));
        for (int i = random.nextInt(3); i > 0; i--) {
            add(new Tick());
        }
        int other = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 1 + random.nextInt(size);
            default -> 1 + random.nextInt(Math.min(size, 64));
        };
        add(write ? allowReadOnly(app, other) : new AllowReadWrite(app, 0, other));
        settle();
        add(new Yield(app));
    }

    /** An operation completes while its app is not subscribed; then it subscribes and yields. */
    private void unsubscribed(AppId app) {
        int number = 1 + random.nextInt(2);
        add(new Unsubscribe(app, number));
        if (number == 1) {
            add(new AllowReadWrite(app, 0, 1 + random.nextInt(Math.min(size, 32))));
            add(Command.read(app, 0));
        } else {
            add(allowReadOnly(app, 1 + random.nextInt(Math.min(size, 32))));
            add(Command.write(app, 0));
        }
        settle();
        add(new Yield(app));
        add(new Subscribe(app, number));
        add(new Yield(app));
    }

    /** Offsets with a nonzero high word, or a low word near 2^32. */
    private void highWord(AppId app) {
        int length = 1 + random.nextInt(Math.min(size, 32));
        boolean write = random.nextBoolean();
        add(write ? allowReadOnly(app, length) : new AllowReadWrite(app, 0, length));
        long low = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(size - length + 1);
            case 2 -> 0xFFFF_FFFFL - random.nextInt(length + 1);
            default -> random.nextLong() & 0xFFFF_FFFFL;
        };
        long high = switch (random.nextInt(3)) {
            case 0 -> 1;
            case 1 -> 0xFFFF_FFFFL;
            default -> random.nextLong() & 0xFFFF_FFFFL;
        };
        if (random.nextInt(4) == 0) {
            high = 0;
        }
        add(new Command(app, write ? 3 : 2, low, high));
        settle();
        add(new Yield(app));
    }

    private void subscribeAll(AppId app) {
        for (int number = 0; number < 3; number++) {
            add(new Subscribe(app, number));
        }
    }

    /** An app without full permissions tries everything. */
    private void permissions() {
        AppId app = anyApp();
        add(Command.exists(app));
        add(Command.size(app));
        settle();
        add(new Yield(app));
        add(new AllowReadWrite(app, 0, 1 + random.nextInt(16)));
        add(Command.read(app, 0));
        settle();
        add(new Yield(app));
        add(allowReadOnly(app, 1 + random.nextInt(16)));
        add(Command.write(app, 0));
        settle();
        add(new Yield(app));
    }

    // ---- pieces ------------------------------------------------------------------------------

    private void settle() {
        if (capabilities.contains(Capability.DRAIN) && random.nextInt(8) != 0) {
            add(new Drain());
        } else if (capabilities.contains(Capability.TICK)) {
            for (int i = 1 + random.nextInt(40); i > 0; i--) {
                add(new Tick());
            }
        }
    }

    private Command operation(AppId app) {
        return switch (random.nextInt(3)) {
            case 0 -> Command.size(app);
            case 1 -> Command.read(app, random.nextInt(size));
            default -> Command.write(app, random.nextInt(size));
        };
    }

    private Command randomCommand(AppId app) {
        int kind = random.nextInt(20);
        if (kind < 2) {
            return Command.exists(app);
        }
        if (kind < 7) {
            return Command.size(app);
        }
        int length = kind < 13 ? readWrite[app.slot()] : readOnly[app.slot()];
        long offset = offset(Math.max(length, 1));
        return kind < 13 ? Command.read(app, offset) : Command.write(app, offset);
    }

    private AllowReadOnly allowReadOnly(AppId app, int length) {
        byte[] data = new byte[length];
        switch (random.nextInt(6)) {
            case 0 -> Arrays.fill(data, (byte) (1 + random.nextInt(254)));
            case 1 -> {
                for (int i = 0; i < length; i++) {
                    data[i] = (byte) i;
                }
            }
            default -> random.nextBytes(data);
        }
        return new AllowReadOnly(app, random.nextInt(40) == 0 ? 1 : 0, Bytes.of(data));
    }

    private int length() {
        int kind = random.nextInt(100);
        if (kind < 30) {
            return 1 + random.nextInt(16);
        }
        if (kind < 55) {
            return Math.max(0, size - 1 + random.nextInt(3));
        }
        if (kind < 75) {
            return 1 + random.nextInt(size);
        }
        if (kind < 85) {
            return 512 + random.nextInt(2);
        }
        if (kind < 92) {
            return 0;
        }
        return 1 + random.nextInt(2 * size + 2);
    }

    private long offset(int length) {
        long fit = Math.max(0, size - length);
        return switch (random.nextInt(14)) {
            case 0, 1 -> 0;
            case 2, 3 -> random.nextLong(fit + 1);
            case 4 -> fit;
            case 5 -> Math.max(0, fit - 1);
            case 6 -> fit + 1;
            case 7 -> size - 1;
            case 8 -> size;
            case 9 -> size + 1;
            case 10 -> TWO_32 - 1 - random.nextInt(length + 1);
            case 11 -> TWO_32;
            case 12 -> TWO_32 + random.nextLong(fit + 1);
            default -> random.nextLong() & 0x0000_FFFF_FFFF_FFFFL;
        };
    }

    private Reboot reboot() {
        int torn = switch (random.nextInt(3)) {
            case 0 -> 0;
            case 1 -> 1 + random.nextInt(16);
            default -> 1 + random.nextInt(600);
        };
        if (!capabilities.contains(Capability.TORN_REBOOT)) {
            torn = 0;
        }
        return new Reboot(torn);
    }

    /** An app with an operation pending (as far as the observations tell), or -1. */
    private int pendingApp() {
        int start = random.nextInt(apps);
        for (int i = 0; i < apps; i++) {
            int app = (start + i) % apps;
            if (pending[app]) {
                return app;
            }
        }
        return -1;
    }

    private AppId anyApp() {
        return AppId.of(random.nextInt(apps));
    }

    private AppId storageApp() {
        return storageApps.isEmpty() || random.nextInt(10) == 0 ? anyApp() : storageApps.get(random.nextInt(storageApps.size()));
    }

    private void add(Input input) {
        if (Session.supported(input, capabilities)) {
            planned.add(input);
        }
    }
}
