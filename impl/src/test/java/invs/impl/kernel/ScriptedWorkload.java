package invs.impl.kernel;

import invs.impl.board.Board;
import invs.impl.board.BoardConfiguration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

import invs.impl.driver.Region;

/**
 * Three apps running phases of concurrent requests on a board (overwrites that need page updates,
 * writes across a page boundary, multi-chunk transfers), with an oracle of what each region must hold:
 * every byte is known, or unknown because a write to it failed or was cut by a crash.
 */
final class ScriptedWorkload {
    static final int APPS = 3;
    static final int REGION = 2048;

    /** One request of one app. */
    record Request(int app, int command, int offset, byte[] data, int readLength) {
        static Request size(int app) {
            return new Request(app, 1, 0, null, 0);
        }

        static Request write(int app, int offset, int length, int seed) {
            return new Request(app, 3, offset, Userspace.bytes(length, seed), 0);
        }

        static Request read(int app, int offset, int length) {
            return new Request(app, 2, offset, null, length);
        }
    }

    static final List<List<Request>> PHASES = List.of(
            List.of(Request.size(0), Request.write(1, 0, 600, 1), Request.write(2, 1900, 148, 2)),
            List.of(Request.write(1, 1400, 648, 3), Request.read(0, 0, 100)),
            List.of(Request.write(0, 2000, 48, 4), Request.write(1, 0, 600, 5)),
            List.of(Request.write(2, 0, 2048, 6)),
            List.of(Request.read(1, 0, 600), Request.write(0, 10, 30, 7), Request.write(2, 1000, 1048, 8)),
            List.of(Request.read(0, 0, 2048), Request.write(1, 2040, 8, 9), Request.read(2, 0, 2048)));

    /** The default board (4096-byte pages, 512-byte kernel buffer), or one with small pages and buffer. */
    static BoardConfiguration config(boolean smallPages) {
        BoardConfiguration config = BoardConfiguration.defaults().withStorageLength(3 * 4096)
                .withApps(ProcessConfiguration.selfOnly(0x1001), ProcessConfiguration.selfOnly(0x1002), ProcessConfiguration.selfOnly(0x1003));
        return smallPages ? config.withPageSize(256).withKernelBufferSize(100) : config;
    }

    static int owner(int app) {
        return 0x1001 + app;
    }

    /** The chip starts used: old bytes everywhere in the storage area, but no valid header. */
    static byte[] usedStorage() {
        byte[] storage = Userspace.bytes(3 * 4096, 77);
        storage[3] = 0x00; // version 0: not a header
        return storage;
    }

    final Board board;
    final byte[][] content = new byte[APPS][REGION];
    final boolean[][] unknown = new boolean[APPS][REGION];
    final boolean[] regionAcknowledged = new boolean[APPS];
    final Request[] inFlight = new Request[APPS];
    long tick;
    int failures;

    ScriptedWorkload(boolean smallPages) {
        board = new Board(config(smallPages), usedStorage());
        for (byte[] region : content) {
            Arrays.fill(region, (byte) 0xFF);
        }
    }

    /**
     * Runs the phases; before each tick {@code interrupt} may act (inject a fault) and returns true to
     * stop there (a crash).
     *
     * @return whether the workload ran to its end
     */
    boolean run(LongPredicate interrupt) {
        for (List<Request> phase : PHASES) {
            for (Request request : phase) {
                issue(request);
            }
            while (Arrays.stream(inFlight).anyMatch(r -> r != null)) {
                if (interrupt.test(tick)) {
                    return false;
                }
                board.tick();
                tick++;
                for (int app = 0; app < APPS; app++) {
                    if (inFlight[app] != null) {
                        int a = app;
                        board.yieldNoWait(app).ifPresent(upcall -> observe(a, upcall));
                    }
                }
            }
        }
        return true;
    }

    private void issue(Request request) {
        int app = request.app();
        board.subscribe(app, request.command() - 1);
        if (request.data() != null) {
            board.allowReadOnly(app, 0, request.data());
        }
        if (request.readLength() > 0) {
            board.allowReadWrite(app, 0, request.readLength());
        }
        assertEquals(SyscallResult.SUCCESS, board.command(app, request.command(), request.offset(), 0));
        inFlight[app] = request;
    }

    private void observe(int app, Upcall upcall) {
        Request request = inFlight[app];
        inFlight[app] = null;
        assertEquals(request.command() - 1, upcall.subscribeNumber());
        if (upcall.arg0() == ErrorCode.FAIL.number()) {
            failures++;
            if (request.data() != null) {
                Arrays.fill(unknown[app], request.offset(), request.offset() + request.data().length, true);
            }
            return;
        }
        assertEquals(0, upcall.arg0(), "status of " + request + " at tick " + tick);
        regionAcknowledged[app] = true;
        switch (request.command()) {
            case 1 -> assertEquals(REGION, upcall.arg1());
            case 2 -> {
                assertEquals(request.readLength(), upcall.arg1());
                learn(app, request.offset(), board.readWriteBuffer(app));
            }
            case 3 -> {
                assertEquals(request.data().length, upcall.arg1());
                System.arraycopy(request.data(), 0, content[app], request.offset(), request.data().length);
                Arrays.fill(unknown[app], request.offset(), request.offset() + request.data().length, false);
            }
            default -> fail("unexpected command " + request.command());
        }
    }

    /** Checks read bytes against what is known; unknown bytes become known (reads are stable). */
    private void learn(int app, int offset, byte[] read) {
        for (int i = 0; i < read.length; i++) {
            int at = offset + i;
            if (unknown[app][at]) {
                content[app][at] = read[i];
                unknown[app][at] = false;
            } else {
                assertEquals(content[app][at], read[i], "app " + app + " byte " + at + " at tick " + tick);
            }
        }
    }

    /** Power fails now: writes in flight are unknown from here on. */
    void powerCut(int tornBytes) {
        board.reboot(tornBytes);
        for (int app = 0; app < APPS; app++) {
            Request request = inFlight[app];
            if (request != null && request.data() != null) {
                Arrays.fill(unknown[app], request.offset(), request.offset() + request.data().length, true);
            }
            inFlight[app] = null;
        }
    }

    /** Where each app's region is, from the storage's headers. */
    Map<Integer, Integer> regionAddresses() {
        Map<Integer, Integer> addresses = new HashMap<>();
        for (Region region : StorageChain.of(board.storageImage())) {
            assertTrue(addresses.putIfAbsent(region.owner(), region.headerAddress()) == null,
                    "one region per owner: " + StorageChain.of(board.storageImage()));
        }
        return addresses;
    }

    /**
     * Every app finds (or now allocates) exactly one region; acknowledged regions are where
     * {@code expected} says; every known byte is intact; a new write sticks.
     */
    void verify(Map<Integer, Integer> expected, String context) {
        Userspace user = new Userspace(board);
        for (int app = 0; app < APPS; app++) {
            assertEquals(REGION, user.regionSize(app), context);
        }
        Map<Integer, Integer> addresses = regionAddresses();
        for (int app = 0; app < APPS; app++) {
            assertTrue(addresses.containsKey(owner(app)), context);
            if (regionAcknowledged[app]) {
                assertEquals(expected.get(owner(app)), addresses.get(owner(app)), "region of app " + app + ", " + context);
            }
            byte[] now = user.readBytes(app, 0, REGION);
            for (int i = 0; i < REGION; i++) {
                if (!unknown[app][i]) {
                    assertEquals(content[app][i], now[i], "app " + app + " byte " + i + ", " + context);
                }
            }
        }
        for (int app = 0; app < APPS; app++) {
            byte[] probe = Userspace.bytes(64, app + 1000);
            assertEquals(new Upcall(2, 0, 64, 0), user.write(app, 1984, probe), context);
            assertArrayEquals(probe, user.readBytes(app, 1984, 64), context);
            System.arraycopy(probe, 0, content[app], 1984, 64);
            Arrays.fill(unknown[app], 1984, REGION, false);
            regionAcknowledged[app] = true;
        }
    }
}
