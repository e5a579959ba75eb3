package invs.fuzz.guided;

import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The failing inputs under {@code crashes/} that a guided run has triaged, by file name, one per line in
 * {@code guided/triaged.txt}: a later run triages the others only (its own, and those of a run interrupted
 * before its triage), so that an earlier finding's trace is not written again, under a new numbered name,
 * by every run.
 */
final class TriagedInputs {
    private final Path file;

    /** The record kept in {@code file}. */
    TriagedInputs(Path file) {
        this.file = file;
    }

    /** Those of {@code saved} that no run has triaged. */
    Vector<Path> untriaged(Vector<Path> saved) {
        Set<String> done = names();
        return saved.filter(input -> !done.contains(input.getFileName().toString()));
    }

    /** Records {@code inputs} as triaged (those not recorded yet: an input found again is triaged again). */
    void record(Vector<Path> inputs) {
        Set<String> done = names();
        Vector<String> fresh = inputs.map(input -> input.getFileName().toString()).filter(name -> !done.contains(name))
                .distinct();
        if (fresh.isEmpty()) {
            return;
        }
        String lines = fresh.map(name -> name + "\n").mkString();
        try {
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<String> names() {
        if (!Files.isRegularFile(file)) {
            return HashSet.empty();
        }
        try {
            return HashSet.ofAll(Files.readAllLines(file, StandardCharsets.UTF_8)).filter(line -> !line.isBlank());
        } catch (IOException | UncheckedIOException e) {
            return HashSet.empty(); // unreadable: triage them all again rather than none
        }
    }
}
