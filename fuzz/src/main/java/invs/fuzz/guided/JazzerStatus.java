package invs.fuzz.guided;

import io.vavr.control.Option;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live figures of a Jazzer (libFuzzer) run, read from its status lines such as
 * {@code #4096 pulse cov: 812 ft: 1630 corp: 57/3107b lim: 43 exec/s: 1365 rss: 612Mb}, its findings
 * ({@code == Java Exception:}), its final statistics, and why it stopped before its time when it did
 * ({@code ==1234== ERROR: libFuzzer: out-of-memory (used: 1215Mb; limit: 1Mb)}, with the input it saved).
 */
final class JazzerStatus {
    private static final Pattern STATUS = Pattern.compile(
            "^#(\\d+)\\s+\\w+\\s+cov: (\\d+) ft: (\\d+) corp: (\\d+)/\\S+.*?exec/s: (\\d+).*");
    private static final Pattern EXECUTED = Pattern.compile("^stat::number_of_executed_units: (\\d+)");
    /**
     * libFuzzer stopping on its own: out of memory, a timeout, a leak, a deadly signal, ...; anywhere in a
     * line, since libFuzzer's memory watch prints it from a thread of its own, which may write it into a
     * status line the fuzzing thread is printing.
     */
    private static final Pattern ERROR = Pattern.compile("==\\d+== ERROR: libFuzzer: (.+)$");
    /** The summary libFuzzer prints when it stops on its own, after the error line. */
    private static final Pattern SUMMARY = Pattern.compile("^SUMMARY: libFuzzer: (.+)$");
    private static final Pattern SAVED = Pattern.compile(".*Test unit written to (.+)$"); // a path may hold spaces

    private volatile long executions;
    private volatile long coverage;
    private volatile long features;
    private volatile long corpus;
    private volatile long executionsPerSecond;
    private volatile int findings;
    private volatile long startedAt;
    private volatile String stopped;
    private volatile String saved;
    /** The files libFuzzer wrote failing inputs to, in order: read by one thread, taken once Jazzer has ended. */
    private final java.util.List<String> written = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Reads one line of Jazzer's output. */
    void read(String line) {
        Matcher error = ERROR.matcher(line);
        if (error.find() && stopped == null) {
            stopped = error.group(1).strip();
        }
        Matcher status = STATUS.matcher(line);
        if (status.matches()) {
            markStarted();
            executions = Long.parseLong(status.group(1));
            coverage = Long.parseLong(status.group(2));
            features = Long.parseLong(status.group(3));
            corpus = Long.parseLong(status.group(4));
            executionsPerSecond = Long.parseLong(status.group(5));
            return;
        }
        Matcher executed = EXECUTED.matcher(line);
        if (executed.matches()) {
            executions = Math.max(executions, Long.parseLong(executed.group(1)));
        } else if (line.startsWith("== Java Exception:")) {
            findings++;
        } else if (line.startsWith("INFO: Seed:")) {
            markStarted();
        } else {
            Matcher summary = SUMMARY.matcher(line);
            Matcher unit = SAVED.matcher(line);
            if (summary.matches() && stopped == null) {
                stopped = summary.group(1).strip();
            } else if (unit.matches()) {
                String file = unit.group(1).strip();
                written.add(file);
                if (stopped != null && saved == null) {
                    saved = file;
                }
            }
        }
    }

    private void markStarted() {
        if (startedAt == 0) {
            startedAt = System.nanoTime();
        }
    }

    /**
     * Why libFuzzer stopped before its time, as its error line says (for example {@code out-of-memory (used:
     * 1215Mb; limit: 1Mb)}), with the input it saved then; none when it ran its time.
     */
    Option<String> stoppedEarly() {
        return Option.of(stopped).map(reason -> saved == null ? reason : reason + "; its input is saved as " + saved);
    }

    /** Whether Jazzer got as far as fuzzing. */
    boolean started() {
        return startedAt != 0;
    }

    /** Seconds of fuzzing so far (Jazzer's time budget starts after its start-up). */
    double fuzzingSeconds() {
        return startedAt == 0 ? 0 : (System.nanoTime() - startedAt) / 1e9;
    }

    long executions() {
        return executions;
    }

    long coverage() {
        return coverage;
    }

    long features() {
        return features;
    }

    long corpus() {
        return corpus;
    }

    long executionsPerSecond() {
        return executionsPerSecond;
    }

    int findings() {
        return findings;
    }

    /**
     * The files this run's failing inputs were written to ({@code crash-…}, as libFuzzer names them), as its log
     * names them: an input found again keeps the name it had, which an earlier run may have triaged.
     */
    io.vavr.collection.Vector<String> crashesWritten() {
        // "crash-" within the name: a user's -artifact_prefix may put a prefix of its own before it
        return io.vavr.collection.Vector.ofAll(written).filter(file -> file.substring(file.lastIndexOf('/') + 1)
                .contains("crash-")).distinct();
    }
}
