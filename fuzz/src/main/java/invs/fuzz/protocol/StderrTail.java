package invs.fuzz.protocol;

import invs.conformance.trace.Utf8Text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The last lines a server wrote on its standard error, for the report when it fails: read by a thread of
 * its own, so that the server never blocks on a full pipe, and kept in a ring of {@value #LINES} lines of
 * at most {@value #LINE_CHARS} bytes each (the rest of a longer line is dropped as it is read), so that a
 * server writing gigabytes costs no memory. Control characters are escaped when the lines are shown.
 *
 * <p>Lines of a stack trace that name a frame ({@link #FRAME}: Java's {@code at …} and {@code ... 12 more},
 * a Rust backtrace's numbered frames and {@code at file:line} lines) are counted, not kept: a panic or an
 * exception says what went wrong before its frames, and a backtrace of a dozen frames would otherwise push
 * that line out of the ring.
 */
final class StderrTail {
    /** How many lines are kept. */
    static final int LINES = 12;
    /** How many bytes of each line are kept. */
    static final int LINE_CHARS = 300;
    /**
     * A line of a stack trace that names a frame, in the forms Java, Rust and Node print: Java's {@code at
     * pkg.Class.method(File.java:12)} (with what a logger adds after it) and {@code ... 3 more}; Node's
     * {@code at fn (file.js:10:5)}; a Rust backtrace's numbered frames, short
     * ({@code 1: core::panicking::panic_fmt}) or full ({@code 0:     0x55d5c3b2e0c3 - std::…}), and their
     * {@code at src/main.rs:10:5}. A log line that merely begins with {@code at} or a number is kept.
     */
    static final Pattern FRAME = Pattern.compile(String.join("|",
            "\\s+at [\\w$.<>/]+\\(.*\\).*",
            "\\s*\\.\\.\\. \\d+ (more|common frames omitted)",
            "\\s+at \\S.*:\\d+(:\\d+)?\\)?",
            "\\s+\\d+: +(0x[0-9a-fA-F]+ - .*|<.*|\\S*::\\S*.*|rust_\\S*|__\\S*.*|_start\\S*|main)"));

    private final ArrayDeque<String> lines = new ArrayDeque<>();
    /** How many frame lines were left out (guarded by {@link #lines}). */
    private long frames;
    private final Thread drain;

    /** Starts draining {@code in} in a daemon thread called {@code name}. */
    StderrTail(InputStream in, String name) {
        this.drain = new Thread(() -> drain(in), name);
        drain.setDaemon(true);
        drain.start();
    }

    /** Waits at most {@code millis} for the end of the stream, so that the last lines are in. */
    void awaitEnd(long millis) {
        try {
            drain.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The kept lines, oldest first, with control characters escaped. */
    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The kept lines as a problem's message ends with them, or says there were none. */
    String shown() {
        List<String> kept;
        long left;
        synchronized (lines) { // one snapshot: the lines and the frames left out among them
            kept = List.copyOf(lines);
            left = frames;
        }
        String leftOut = left == 0 ? "" : " (" + left + " stack frame line" + (left == 1 ? "" : "s") + " left out)";
        if (kept.isEmpty()) {
            return left == 0 ? " (nothing on its standard error)" : " (only stack frames on its standard error" + leftOut + ")";
        }
        return "; the last lines on its standard error" + leftOut + ":\n    " + String.join("\n    ", kept);
    }

    private void drain(InputStream in) {
        byte[] chunk = new byte[8192];
        ByteArrayOutputStream line = new ByteArrayOutputStream(LINE_CHARS);
        boolean cut = false;
        try (in) {
            for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                for (int index = 0; index < read; index++) {
                    byte b = chunk[index];
                    if (b == '\n') {
                        keep(line, cut);
                        line.reset();
                        cut = false;
                    } else if (line.size() < LINE_CHARS) {
                        line.write(b);
                    } else {
                        cut = true;
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        if (line.size() > 0) {
            keep(line, cut);
        }
    }

    private void keep(ByteArrayOutputStream line, boolean cut) {
        String raw = line.toString(StandardCharsets.UTF_8).stripTrailing();
        if (FRAME.matcher(raw).matches()) {
            synchronized (lines) {
                frames++;
            }
            return;
        }
        String text = Utf8Text.printable(raw, LINE_CHARS) + (cut ? "…" : "");
        synchronized (lines) {
            if (lines.size() == LINES) {
                lines.removeFirst();
            }
            lines.addLast(text);
        }
    }
}
