package invs.conformance.generation;

import invs.conformance.shadow.KernelShadow;
import invs.conformance.sut.Capability;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Command;
import invs.spec.DriverNumbers;
import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Restart;
import invs.spec.Subscribe;
import invs.spec.Tick;
import invs.spec.Unsubscribe;
import invs.spec.Yield;
import invs.spec.Drain;
import io.vavr.collection.Vector;

import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The bodies of the {@link Plan}s: each appends a short sequence of inputs aimed at its corners. Inputs the
 * system cannot take (capabilities) or the try leaves out (swarm) are dropped by the sink.
 */
final class Plans {
    private final SplittableRandom random;
    private final Arguments arguments;
    private final Set<Capability> capabilities;
    private final KernelShadow shadow;
    private final Consumer<Input> sink;
    private final int apps;
    private final int size;
    private final Vector<AppId> storageApps;

    Plans(SplittableRandom random, Arguments arguments, Set<Capability> capabilities, KernelShadow shadow,
          Consumer<Input> sink, int size, Vector<AppId> storageApps) {
        this.random = random;
        this.arguments = arguments;
        this.capabilities = capabilities;
        this.shadow = shadow;
        this.sink = sink;
        this.apps = shadow.apps();
        this.size = size;
        this.storageApps = storageApps;
    }

    /** Runs {@code plan}. */
    void run(Plan plan) {
        switch (plan) {
            case SINGLE -> single();
            case WATCH_LONG_READ -> watchLongRead(storageApp());
            case WRITE_THEN_READ -> writeThenRead(storageApp());
            case BOUNDS -> bounds(storageApp());
            case BUSY -> busy(storageApp());
            case BUSY_ACROSS_APPS -> busyAcrossApps();
            case EXHAUST -> exhaust();
            case INTERRUPTED_WRITE -> interruptedWrite(storageApp());
            case FAULT -> fault(storageApp());
            case REALLOW -> reallow(storageApp());
            case UNSUBSCRIBED -> unsubscribed(storageApp());
            case HIGH_WORD -> highWord(storageApp());
            case SUBSCRIBE_ALL -> subscribeAll(anyApp());
            case PERMISSIONS -> permissions();
        }
    }

    /** Subscribes most apps to most upcalls, as apps do when they start. */
    void prelude() {
        for (int app = 0; app < apps; app++) {
            for (int number = 0; number < DriverNumbers.SUBSCRIBE_NUMBERS; number++) {
                if (random.nextInt(10) < 8) {
                    add(new Subscribe(AppId.of(app), number));
                }
            }
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
                default -> add(arguments.operation(pendingApp));
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
            add(arguments.allowReadOnly(app, arguments.length()));
        } else if (kind < 71) {
            add(new AllowReadWrite(app, random.nextInt(30) == 0 ? DriverNumbers.BUFFER + 1 : DriverNumbers.BUFFER,
                    arguments.length()));
        } else if (kind < 77) {
            add(new Subscribe(app, random.nextInt(30) == 0 ? DriverNumbers.SUBSCRIBE_NUMBERS + random.nextInt(3)
                    : random.nextInt(DriverNumbers.SUBSCRIBE_NUMBERS)));
        } else if (kind < 79) {
            add(new Unsubscribe(app, random.nextInt(DriverNumbers.SUBSCRIBE_NUMBERS)));
        } else if (kind < 89) {
            add(new Drain());
        } else if (kind < 92) {
            add(arguments.reboot(capabilities.contains(Capability.TORN_REBOOT)));
        } else if (kind < 95) {
            add(new Restart(app));
        } else if (kind < 98) {
            add(new FlashFault());
        } else {
            add(new Command(app, arguments.unknownCommandNumber(), 0, 0));
        }
    }

    private void writeThenRead(AppId app) {
        int length = random.nextInt(4) == 0 ? 1 + random.nextInt(size) : arguments.shortLength(64);
        long offset = arguments.fittingOffset(length);
        add(arguments.allowReadOnly(app, length));
        add(Command.write(app, offset));
        settle();
        add(new Yield(app));
        int readLength = random.nextInt(3) == 0 ? size : length;
        long readOffset = readLength == size ? 0 : offset;
        add(new AllowReadWrite(app, DriverNumbers.BUFFER, readLength));
        add(Command.read(app, readOffset));
        settle();
        add(new Yield(app));
        add(new Yield(app));
    }

    private void bounds(AppId app) {
        int length = arguments.length();
        boolean write = random.nextBoolean();
        add(write ? arguments.allowReadOnly(app, length) : new AllowReadWrite(app, DriverNumbers.BUFFER, length));
        add(write ? Command.write(app, arguments.offset(length)) : Command.read(app, arguments.offset(length)));
        settle();
        add(new Yield(app));
    }

    private void busy(AppId app) {
        if (shadow.outstanding(app.slot()).isEmpty()) {
            add(arguments.operation(app));
        }
        if (random.nextBoolean()) {
            add(new Tick());
        }
        add(arguments.operation(app));
        add(new Yield(app));
        settle();
        add(new Yield(app));
        add(new Yield(app));
    }

    private void busyAcrossApps() {
        AppId first = storageApp();
        AppId second = anyApp();
        add(arguments.operation(first));
        add(arguments.operation(second));
        if (capabilities.contains(Capability.RESTART) && random.nextInt(3) == 0) {
            // The second app restarts while its operation waits behind the first's; it starts another.
            add(new Restart(second));
            add(arguments.operation(second));
            add(arguments.operation(second));
        }
        add(arguments.operation(first));
        for (int i = random.nextInt(6); i > 0; i--) {
            add(new Tick());
        }
        add(new Yield(first));
        add(new Yield(second));
        settle();
        add(new Yield(first));
        add(new Yield(second));
    }

    private void exhaust() {
        for (int app = 0; app < apps; app++) {
            AppId id = AppId.of(app);
            add(new Subscribe(id, DriverNumbers.subscribeNumberOf(DriverNumbers.GET_SIZE)));
            add(Command.size(id));
        }
        settle();
        for (int app = 0; app < apps; app++) {
            add(new Yield(AppId.of(app)));
        }
        AppId app = storageApp();
        add(arguments.operation(app));
        settle();
        add(new Yield(app));
    }

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
        add(arguments.allowReadOnly(app, length));
        add(Command.write(app, arguments.fittingOffset(length)));
        // A page update takes several flash operations: cut it anywhere in the first few pages.
        for (int i = random.nextInt(3) == 0 ? random.nextInt(4) : random.nextInt(40); i > 0; i--) {
            add(new Tick());
        }
        add(reboot ? arguments.reboot(capabilities.contains(Capability.TORN_REBOOT)) : new Restart(app));
        add(new Subscribe(app, DriverNumbers.subscribeNumberOf(DriverNumbers.READ)));
        add(new Subscribe(app, DriverNumbers.subscribeNumberOf(DriverNumbers.WRITE)));
        readAll(app);
    }

    private void readAll(AppId app) {
        add(new AllowReadWrite(app, DriverNumbers.BUFFER, size));
        add(Command.read(app, 0));
        settle();
        add(new Yield(app));
    }

    private void watchLongRead(AppId app) {
        int length = Math.min(size, 1 + random.nextInt(size));
        add(new AllowReadWrite(app, DriverNumbers.BUFFER, length));
        add(Command.read(app, arguments.fittingOffset(length)));
        for (int look = 1 + random.nextInt(4); look > 0; look--) {
            for (int i = random.nextInt(6); i > 0; i--) {
                add(new Tick());
            }
            add(new Yield(app));
        }
        settle();
        add(new Yield(app));
    }

    private void fault(AppId app) {
        if (!capabilities.contains(Capability.FLASH_FAULT)) {
            bounds(app);
            return;
        }
        if (random.nextInt(3) == 0) {
            // The fault lands in the middle of a write's page updates: part of its range may change.
            readAll(app);
            int length = 1 + random.nextInt(size);
            add(arguments.allowReadOnly(app, length));
            add(Command.write(app, arguments.fittingOffset(length)));
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
            int length = arguments.shortLength(64);
            add(arguments.allowReadOnly(app, length));
            add(Command.write(app, arguments.fittingOffset(length)));
        } else {
            add(arguments.operation(app));
        }
        settle();
        add(new Yield(app));
        if (random.nextBoolean()) {
            readAll(app);
        }
    }

    private void reallow(AppId app) {
        boolean write = random.nextBoolean();
        // Sometimes long enough to take several chunks, so that the re-allow lands between them.
        int length = random.nextInt(3) == 0 ? 1 + random.nextInt(size) : arguments.shortLength(64);
        add(write ? arguments.allowReadOnly(app, length) : new AllowReadWrite(app, DriverNumbers.BUFFER, length));
        int offset = arguments.fittingOffset(length);
        add(write ? Command.write(app, offset) : Command.read(app, offset));
        for (int i = random.nextInt(3); i > 0; i--) {
            add(new Tick());
        }
        int other = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 1 + random.nextInt(size);
            default -> arguments.shortLength(64);
        };
        add(write ? arguments.allowReadOnly(app, other) : new AllowReadWrite(app, DriverNumbers.BUFFER, other));
        settle();
        add(new Yield(app));
    }

    private void unsubscribed(AppId app) {
        int command = random.nextBoolean() ? DriverNumbers.READ : DriverNumbers.WRITE;
        int number = DriverNumbers.subscribeNumberOf(command);
        add(new Unsubscribe(app, number));
        if (command == DriverNumbers.READ) {
            add(new AllowReadWrite(app, DriverNumbers.BUFFER, arguments.shortLength(32)));
            add(Command.read(app, 0));
        } else {
            add(arguments.allowReadOnly(app, arguments.shortLength(32)));
            add(Command.write(app, 0));
        }
        settle();
        add(new Yield(app));
        add(new Subscribe(app, number));
        add(new Yield(app));
    }

    private void highWord(AppId app) {
        int length = arguments.shortLength(32);
        boolean write = random.nextBoolean();
        add(write ? arguments.allowReadOnly(app, length) : new AllowReadWrite(app, DriverNumbers.BUFFER, length));
        add(arguments.highWordAccess(app, write ? DriverNumbers.WRITE : DriverNumbers.READ, length));
        settle();
        add(new Yield(app));
    }

    private void subscribeAll(AppId app) {
        for (int number = 0; number < DriverNumbers.SUBSCRIBE_NUMBERS; number++) {
            add(new Subscribe(app, number));
        }
    }

    private void permissions() {
        AppId app = anyApp();
        add(Command.exists(app));
        add(Command.size(app));
        settle();
        add(new Yield(app));
        add(new AllowReadWrite(app, DriverNumbers.BUFFER, 1 + random.nextInt(16)));
        add(Command.read(app, 0));
        settle();
        add(new Yield(app));
        add(arguments.allowReadOnly(app, 1 + random.nextInt(16)));
        add(Command.write(app, 0));
        settle();
        add(new Yield(app));
    }

    /** Brings pending operations to completion: usually a drain, else a run of ticks. */
    private void settle() {
        if (capabilities.contains(Capability.DRAIN) && random.nextInt(8) != 0) {
            add(new Drain());
        } else if (capabilities.contains(Capability.TICK)) {
            for (int i = 1 + random.nextInt(40); i > 0; i--) {
                add(new Tick());
            }
        }
    }

    private Command randomCommand(AppId app) {
        int kind = random.nextInt(20);
        if (kind < 2) {
            return Command.exists(app);
        }
        if (kind < 7) {
            return Command.size(app);
        }
        int number = kind < 13 ? DriverNumbers.READ : DriverNumbers.WRITE;
        long offset = arguments.offset(Math.max(shadow.bufferLength(app.slot(), number), 1));
        return number == DriverNumbers.READ ? Command.read(app, offset) : Command.write(app, offset);
    }

    /** An app with an operation outstanding, or -1. */
    private int pendingApp() {
        int start = random.nextInt(apps);
        for (int i = 0; i < apps; i++) {
            int app = (start + i) % apps;
            if (shadow.outstanding(app).isDefined()) {
                return app;
            }
        }
        return -1;
    }

    private AppId anyApp() {
        return AppId.of(random.nextInt(apps));
    }

    private AppId storageApp() {
        return storageApps.isEmpty() || random.nextInt(10) == 0 ? anyApp()
                : storageApps.get(random.nextInt(storageApps.size()));
    }

    private void add(Input input) {
        sink.accept(input);
    }
}
