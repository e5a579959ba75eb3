package invs.impl.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import invs.impl.board.Board;
import invs.impl.board.BoardConfiguration;
import invs.impl.board.BoardStatistics;
import invs.impl.kernel.ProcessConfiguration;

/**
 * Prints the implementation's figures: syscalls per second for a mixed workload, flash erases and
 * bytes programmed per written byte, and boot time (first use after a reboot) for 1, 16 and 255
 * regions. A plain main, not a test:
 * <pre>./build bench</pre>
 */
public final class ImplBenchmark {
    private ImplBenchmark() {}

    public static void main(String[] args) {
        System.out.println("invs impl benchmark (" + Runtime.version() + ")");
        mixedWorkload();
        flashCost();
        bootTime();
    }

    // ---- syscalls per second -------------------------------------------------------------------

    private static BoardConfiguration fourApps() {
        return BoardConfiguration.defaults().withStorageLength(4 * 4096)
                .withApps(ProcessConfiguration.selfOnly(1), ProcessConfiguration.selfOnly(2), ProcessConfiguration.selfOnly(3), ProcessConfiguration.selfOnly(4));
    }

    /**
     * Random syscalls of four apps (allows of 0..600 bytes, subscribes, commands with offsets in and
     * out of range, yields), each followed by one tick, the way a lockstep fuzzer drives a board.
     */
    private static long mixedSteps(Board board, Random random, int steps) {
        byte[][] payloads = new byte[8][];
        for (int i = 0; i < payloads.length; i++) {
            payloads[i] = new byte[random.nextInt(600)];
            random.nextBytes(payloads[i]);
        }
        long sink = 0;
        for (int i = 0; i < steps; i++) {
            int app = random.nextInt(4);
            int choice = random.nextInt(100);
            if (choice < 12) {
                board.allowReadOnly(app, 0, payloads[random.nextInt(payloads.length)]);
            } else if (choice < 22) {
                board.allowReadWrite(app, 0, random.nextInt(600));
            } else if (choice < 30) {
                board.subscribe(app, random.nextInt(3));
            } else if (choice < 32) {
                board.unsubscribe(app, random.nextInt(3));
            } else if (choice < 55) {
                int command = random.nextInt(5);
                long offset = random.nextInt(10) == 0 ? 2048 + random.nextInt(100) : random.nextInt(1500);
                sink += board.command(app, command, offset, 0).errorCode();
            } else {
                sink += board.yieldNoWait(app).map(u -> u.arg1()).orElse(0L);
            }
            board.tick();
        }
        return sink;
    }

    private static void mixedWorkload() {
        Random random = new Random(1);
        Board warm = new Board(fourApps());
        mixedSteps(warm, random, 2_000_000);
        Board board = new Board(fourApps());
        int steps = 3_000_000;
        long start = System.nanoTime();
        long sink = mixedSteps(board, random, steps);
        double seconds = (System.nanoTime() - start) / 1e9;
        BoardStatistics s = board.statistics();
        System.out.printf("mixed workload: %,d syscalls and %,d ticks in %.2f s = %,.0f syscalls/s (%,.0f ticks/s) [%d]%n",
                s.syscalls(), s.ticks(), seconds, s.syscalls() / seconds, s.ticks() / seconds, sink & 1);
        System.out.printf("  its flash cost: %.4f erases and %.2f bytes programmed per byte written (%,d bytes written)%n",
                s.erasesPerWrittenByte(), s.programmedPerWrittenByte(), s.appBytesWritten());
    }

    // ---- flash cost ----------------------------------------------------------------------------

    /** Writes {@code writes} random buffers of {@code length} bytes at random offsets of app 0's region. */
    private static BoardStatistics writes(Board board, int length, int writes, Random random) {
        board.subscribe(0, 2);
        for (int i = 0; i < writes; i++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            board.allowReadOnly(0, 0, data);
            board.command(0, 3, random.nextInt(2048 - length + 1), 0);
            board.drain();
            board.yieldNoWait(0).orElseThrow();
        }
        return board.statistics();
    }

    private static void flashCost() {
        System.out.println("flash cost per byte written (4096-byte pages, 512-byte kernel buffer):");
        Random random = new Random(2);
        {
            Board board = new Board(BoardConfiguration.defaults());
            board.subscribe(0, 2);
            for (int offset = 0; offset < 2048; offset += 256) {
                byte[] data = new byte[256];
                random.nextBytes(data);
                board.allowReadOnly(0, 0, data);
                board.command(0, 3, offset, 0);
                board.drain();
            }
            print("  first writes into a fresh region (in place)", board.statistics());
        }
        for (int length : new int[] {16, 512, 2048}) {
            Board board = new Board(BoardConfiguration.defaults());
            writes(board, 2048, 1, random);
            BoardStatistics before = board.statistics();
            BoardStatistics after = writes(board, length, 200, random);
            print(String.format("  overwrites of %4d bytes with random data", length), difference(before, after));
        }
    }

    private static BoardStatistics difference(BoardStatistics before, BoardStatistics after) {
        List<Long> pages = new ArrayList<>();
        for (int i = 0; i < after.erasesPerPage().size(); i++) {
            pages.add(after.erasesPerPage().get(i) - before.erasesPerPage().get(i));
        }
        return new BoardStatistics(pages, after.erases() - before.erases(), after.bytesProgrammed() - before.bytesProgrammed(),
                after.bytesRead() - before.bytesRead(), after.flashOperations() - before.flashOperations(),
                after.flashFaults() - before.flashFaults(), after.appBytesWritten() - before.appBytesWritten(),
                after.ticks() - before.ticks(), after.syscalls() - before.syscalls());
    }

    private static void print(String what, BoardStatistics s) {
        System.out.printf("%s: %.4f erases/byte, %.2f bytes programmed/byte, erases per page %s%n",
                what, s.erasesPerWrittenByte(), s.programmedPerWrittenByte(), s.erasesPerPage());
    }

    // ---- boot time -----------------------------------------------------------------------------

    private static void bootTime() {
        System.out.println("boot time: first use after a reboot (journal recovery + header scan), 2048-byte regions:");
        for (int regions : new int[] {255, 16, 1}) {
            measureBoot(regions, false); // warm-up
        }
        for (int regions : new int[] {1, 16, 255}) {
            measureBoot(regions, true);
        }
    }

    private static void measureBoot(int regions, boolean print) {
        {
            List<ProcessConfiguration> apps = new ArrayList<>();
            for (int i = 0; i < regions; i++) {
                apps.add(ProcessConfiguration.selfOnly(i + 1));
            }
            int storage = ((regions * 2060 + 4095) / 4096) * 4096;
            Board board = new Board(BoardConfiguration.defaults().withStorageLength(storage).withApps(apps));
            for (int i = 0; i < regions; i++) {
                board.command(i, 1, 0, 0);
            }
            board.drain();
            int last = regions - 1;
            board.subscribe(last, 0);
            long[] nanos = new long[201];
            long ticks = 0;
            long operations = 0;
            for (int run = 0; run < nanos.length; run++) {
                board.reboot(0);
                board.subscribe(last, 0);
                long ticksBefore = board.statistics().ticks();
                long operationsBefore = board.statistics().flashOperations();
                long start = System.nanoTime();
                board.command(last, 1, 0, 0);
                board.drain();
                nanos[run] = System.nanoTime() - start;
                if (board.yieldNoWait(last).orElseThrow().arg1() != 2048) {
                    throw new AssertionError("wrong size");
                }
                ticks = board.statistics().ticks() - ticksBefore;
                operations = board.statistics().flashOperations() - operationsBefore;
            }
            Arrays.sort(nanos);
            if (!print) {
                return;
            }
            System.out.printf("  %3d regions: %4d ticks (%d flash operations), %,.1f us median wall time%n",
                    regions, ticks, operations, nanos[nanos.length / 2] / 1e3);
        }
    }
}
