package invs.conformance.campaign;

import invs.conformance.trace.Trace;
import invs.conformance.trace.TraceCodec;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a campaign keeps its findings' trace files. A finding's trace is written as soon as it is found
 * (unshrunk) and rewritten in place once shrunk, so that a crash, a kill or a full disk never loses what
 * was found. Each finding gets a file of its own: a name already taken (by an earlier campaign, or another
 * shard) gets a numbered suffix instead of being overwritten. Writing never throws: what could not be
 * written is listed in {@link #problems()}, and a trace not written is no file of its finding's.
 */
final class TraceDirectory {
    /** How many names a finding's trace may take ({@code base.jsonl}, {@code base-2.jsonl}, …). */
    private static final int NAMES = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Option<Path> directory;
    private final String system;
    private final List<String> problems = new ArrayList<>();

    TraceDirectory(Option<Path> directory, String system) {
        this.directory = directory;
        // a leading dot would hide the file (a server called '.' or '../x')
        this.system = system.replaceAll("[^A-Za-z0-9_.-]", "_").replaceFirst("^\\.", "_");
    }

    /**
     * Writes {@code trace}, the finding of {@code rule} from the try with {@code seed}, into a new file: whole
     * under a temporary name, then linked under the first free name, so that a file under a trace's name is
     * never empty or cut, even when the process is killed while writing it. Where the file system has no
     * links, the name is reserved first and the trace written into it.
     */
    synchronized Option<Path> create(String rule, long seed, Trace trace) {
        return createNamed(String.format("%s-%016x", rule.replace(':', '-').toLowerCase(Locale.ROOT), seed), trace);
    }

    /**
     * Writes {@code trace} into a new file named after the system and {@code name} (lower case, each run of
     * characters other than letters, digits, {@code _} and {@code .} made one {@code -}), as
     * {@link #create(String, long, Trace)} does: for a sequence no seed made.
     */
    synchronized Option<Path> create(String name, Trace trace) {
        return createNamed(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.]+", "-").replaceAll("^-|-$", ""), trace);
    }

    private Option<Path> createNamed(String name, Trace trace) {
        if (directory.isEmpty()) {
            return Option.none();
        }
        String base = system.isEmpty() ? name : system + "-" + name;
        try {
            Files.createDirectories(directory.get());
            Path whole = temporary(directory.get());
            try {
                Files.writeString(whole, TraceCodec.format(trace), StandardCharsets.UTF_8);
                for (int attempt = 1; attempt < NAMES; attempt++) {
                    Path file = named(base, attempt);
                    try {
                        Files.createLink(file, whole); // fails if the name is taken: nothing is overwritten
                        return Option.some(file);
                    } catch (FileAlreadyExistsException taken) {
                        // the next name
                    } catch (IOException | UnsupportedOperationException noLinks) {
                        return reserveAndWrite(base, trace);
                    }
                }
            } finally {
                Files.deleteIfExists(whole);
            }
            problems.add("no free file name for " + base + " in " + directory.get());
        } catch (IOException | RuntimeException e) {
            problems.add("cannot write a trace into " + directory.get() + ": " + reason(e));
        }
        return Option.none();
    }

    /**
     * A new empty hidden file in {@code directory}, made as any new file is (its permissions follow the umask:
     * it becomes the trace, which others may need to read, where a temporary file of the JDK is its owner's
     * alone).
     */
    private static Path temporary(Path directory) throws IOException {
        while (true) {
            try {
                return Files.createFile(directory.resolve(".invs-trace-" + Long.toHexString(RANDOM.nextLong()) + ".tmp"));
            } catch (FileAlreadyExistsException taken) {
                // another name
            }
        }
    }

    /** Reserves the first free name for {@code base} and writes {@code trace} into it. */
    private Option<Path> reserveAndWrite(String base, Trace trace) throws IOException {
        for (int attempt = 1; attempt < NAMES; attempt++) {
            Path file = named(base, attempt);
            try {
                Files.createFile(file);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            return write(file, trace) ? Option.some(file) : Option.none();
        }
        problems.add("no free file name for " + base + " in " + directory.get());
        return Option.none();
    }

    private Path named(String base, int attempt) {
        return directory.get().resolve(attempt == 1 ? base + ".jsonl" : base + "-" + attempt + ".jsonl");
    }

    /** Writes {@code trace} into {@code file}, a name just reserved: whether it could. */
    private boolean write(Path file, Trace trace) {
        Option<String> failed = replace(file, trace);
        failed.forEach(reason -> problems.add("cannot write trace " + file + ": " + reason));
        return failed.isEmpty();
    }

    /**
     * Replaces the trace in {@code file}, written when its failure was found, by {@code trace}, the failure
     * shrunk: whether it could. If not, the file keeps the trace as found, and the problem says so.
     */
    synchronized boolean rewrite(Path file, Trace trace) {
        Option<String> failed = replace(file, trace);
        failed.forEach(reason -> problems.add("cannot write the shrunk trace into " + file
                + " (it keeps the trace as found, not shrunk): " + reason));
        return failed.isEmpty();
    }

    /** Replaces the contents of {@code file} by {@code trace}, atomically where the file system allows: why not, if not. */
    private static Option<String> replace(Path file, Trace trace) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, TraceCodec.format(trace), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return Option.none();
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // Nothing more can be done; the problem is listed.
            }
            return Option.some(reason(e));
        }
    }

    /** Removes {@code file}, an unshrunk trace superseded by another try's (a stale one is harmless). */
    synchronized void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            problems.add("cannot remove superseded trace " + file + ": " + reason(e));
        }
    }

    /** What could not be written, one line each. */
    synchronized Vector<String> problems() {
        return Vector.ofAll(problems);
    }

    private static String reason(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
