package invs.conformance.junit;

import io.vavr.collection.Vector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The trace files one contract class wrote into its traces directory, listed there in a file of its own,
 * {@code .written-by-CLASS} (the class's binary name), so that the class's next run removes them before its
 * first test: the directory then holds this run's traces of the class, never an earlier run's beside them.
 * Only the files listed are removed, and of those only plain {@code .jsonl} files directly in the directory:
 * traces written by {@code invs fuzz}, by other classes, or by anyone else stay. A file that cannot be removed
 * stays listed for the next run; a list that cannot be written leaves its traces for good, as before the list
 * existed. Neither fails a test: the traces are what the tests report, not what they check.
 */
final class WrittenTraces {
    /** One lock for every list: the tests of one class may run on several threads. */
    private static final Object LOCK = new Object();

    private final Path directory;
    private final Path list;

    /** The traces {@code contract} wrote into {@code directory}. */
    WrittenTraces(Path directory, Class<?> contract) {
        this.directory = directory;
        this.list = directory.resolve(".written-by-" + contract.getName());
    }

    /** The traces directory. */
    Path directory() {
        return directory;
    }

    /** Removes the traces listed, an earlier run's, and the list (keeping the names of those it could not remove). */
    void removeEarlier() {
        synchronized (LOCK) {
            if (!Files.isRegularFile(list, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            try {
                Vector<String> left = Vector.ofAll(Files.readAllLines(list, StandardCharsets.UTF_8))
                        .filter(name -> !name.isBlank())
                        .filter(name -> !removed(name));
                if (left.isEmpty()) {
                    Files.delete(list);
                } else {
                    Files.write(list, left, StandardCharsets.UTF_8);
                }
            } catch (IOException | RuntimeException unreadable) {
                // the traces stay: removing nothing is always safe
            }
        }
    }

    /** Whether the trace {@code name} is gone: removed now, or never there, or not a name this list holds. */
    private boolean removed(String name) {
        Path file = directory.resolve(name);
        if (!name.endsWith(".jsonl") || !directory.equals(file.getParent())
                || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        try {
            Files.delete(file);
            return true;
        } catch (IOException stillThere) {
            return false;
        }
    }

    /** Lists {@code file}, a trace written into the directory by this run. */
    void add(Path file) {
        if (!directory.equals(file.getParent())) {
            return;
        }
        synchronized (LOCK) {
            try {
                Files.writeString(list, file.getFileName() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException unwritable) {
                // the trace stays after the next run too
            }
        }
    }
}
