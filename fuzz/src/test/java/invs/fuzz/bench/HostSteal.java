package invs.fuzz.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The share of the machine's processor time its host took for other guests (the steal time of a virtual
 * machine, from the first line of {@code /proc/stat}) between two readings: on a shared host a benchmark
 * run during which the host took a tenth or more of the time is not comparable with a run during which it
 * took none. Where there is no {@code /proc/stat}, the share is not known.
 */
record HostSteal(long steal, long total) {
    private static final Path STAT = Path.of("/proc/stat");

    /** The counters now; zeros when they cannot be read. */
    static HostSteal now() {
        try (var lines = Files.lines(STAT)) {
            String[] fields = lines.findFirst().orElse("").trim().split("\\s+");
            if (fields.length < 9 || !fields[0].equals("cpu")) {
                return new HostSteal(0, 0);
            }
            long total = 0;
            for (int field = 1; field <= 8; field++) { // user nice system idle iowait irq softirq steal
                total += Long.parseLong(fields[field]);
            }
            return new HostSteal(Long.parseLong(fields[8]), total);
        } catch (IOException | RuntimeException e) {
            return new HostSteal(0, 0);
        }
    }

    /** "steal N%" for the time since {@code before}, or "steal not known". */
    String since(HostSteal before) {
        long elapsed = total - before.total;
        if (total == 0 || before.total == 0 || elapsed <= 0) {
            return "steal not known";
        }
        return String.format(Locale.ROOT, "steal %.1f%%", 100.0 * (steal - before.steal) / elapsed);
    }
}
