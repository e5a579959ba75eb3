package invs.fuzz.progress;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Shows a long task's progress on standard error while it runs, polling a snapshot supplier from a
 * background thread; {@link #close()} shows the last state and stops.
 */
public interface ProgressDisplay extends AutoCloseable {

    /** Stops the display after showing the final state. */
    @Override
    void close();

    /**
     * A display in {@code mode} for task {@code task}: a bar on {@code terminal} (the process's standard
     * error) counting to {@code total} {@code unit}, or lines on {@code lines} every {@code interval}.
     */
    static ProgressDisplay start(ProgressMode mode, String task, long total, String unit,
                                 Supplier<ProgressSnapshot> source, PrintStream terminal, PrintWriter lines,
                                 Duration interval) {
        ProgressMode chosen = mode == ProgressMode.AUTO ? (interactive() ? ProgressMode.BAR : ProgressMode.LINES) : mode;
        return switch (chosen) {
            case BAR -> new BarDisplay(task, total, unit, source, terminal);
            case LINES -> new LineDisplay(task, source, lines, interval);
            default -> () -> {
            };
        };
    }

    /** Whether the process talks to a terminal (on JDK 22+, {@code Console.isTerminal()}). */
    static boolean interactive() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console exists only for a terminal
        }
    }
}
