package invs.fuzz.guided;

import io.vavr.collection.Vector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The failing inputs a guided run's Jazzer saves under {@code guided/crashes/} ({@code crash-} and the SHA-1 of
 * the input, as libFuzzer names them), and those of this run: named in its log, or written since it began.
 */
final class CrashFiles {
    private CrashFiles() {
    }

    /** The files of {@code named} (as Jazzer's log names them, relative to the working directory) that can be read. */
    static Vector<Path> readable(Vector<String> named) {
        return named.map(Path::of).filter(file -> Files.isRegularFile(file) && Files.isReadable(file));
    }

    /**
     * Those of {@code files} written since {@code millis} (System.currentTimeMillis), with two seconds to spare
     * for file systems that keep whole seconds: libFuzzer writes a failing input found again over its file.
     */
    static Vector<Path> writtenSince(Vector<Path> files, long millis) {
        return files.filter(file -> {
            try {
                return Files.getLastModifiedTime(file).toMillis() >= millis - 2_000;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** The failing inputs libFuzzer saved in {@code directory} ({@code crash-…} files), in name order. */
    static Vector<Path> saved(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return Vector.ofAll(files.filter(file -> file.getFileName().toString().startsWith("crash-")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A seed for the try a failing input stands for: the first 16 hexadecimal digits of its name. */
    static long seedOf(Path file) {
        String name = file.getFileName().toString().replaceFirst("^crash-", "");
        try {
            return Long.parseUnsignedLong(name.substring(0, Math.min(16, name.length())), 16);
        } catch (NumberFormatException e) {
            return name.hashCode();
        }
    }
}
