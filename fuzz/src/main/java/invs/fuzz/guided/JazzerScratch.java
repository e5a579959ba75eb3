package invs.fuzz.guided;

import invs.conformance.report.IoProblem;
import invs.fuzz.cli.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where Jazzer's JVM ({@code java.io.tmpdir}: its agent jar, 3 MB a run) and libFuzzer ({@code TMPDIR}: its fork
 * mode's directories) keep their temporary files: {@code guided/tmp} under {@code --out}, emptied before a run
 * and removed after it. In the system's temporary directory, a run that Jazzer ended abnormally or a signal
 * interrupted left them behind there, run after run; here what one leaves is inside {@code --out}, and the next
 * run removes it.
 */
final class JazzerScratch {
    private final Path directory;

    /** The scratch directory under {@code guided}. */
    JazzerScratch(Path guided) {
        this.directory = guided.resolve("tmp");
    }

    /** The directory, emptied and made. @throws UserError when it cannot be made */
    Path prepare() {
        remove();
        try {
            return Files.createDirectories(directory).toAbsolutePath();
        } catch (IOException e) {
            throw new UserError("cannot create " + directory + ": " + IoProblem.reason(e));
        }
    }

    /** Removes the directory and all it holds, as far as it can (what cannot be removed is left). */
    void remove() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // left for the next run
                }
            });
        } catch (IOException | RuntimeException e) {
            // left for the next run
        }
    }
}
