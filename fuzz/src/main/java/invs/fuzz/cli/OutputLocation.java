package invs.fuzz.cli;

import invs.conformance.report.IoProblem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Collection;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where a command writes its files, checked before any work starts so that a long run never ends in an
 * error about its output: {@link #directory} creates an output directory and proves it writable by writing
 * and deleting a probe file; {@link #reserve} then claims a new file in it that clashes with nothing
 * there ({@code name.jsonl}, {@code name-2.jsonl}, …), and {@link #write} replaces a file's contents
 * atomically, so that a file rewritten in place (a finding shrunk after it was first saved) is always whole.
 * {@link #file} checks a single output file named on the command line, which is never one of the inputs
 * nor anything but a regular file (a device, a pipe or a socket is refused: replacing one would destroy
 * it). A file reached through a symbolic link is written where the link points, the link left in place.
 * A new file gets the permissions any new file gets (the umask's), a replaced one keeps its own. Every
 * problem is a one-line {@link UserError} naming the option.
 */
public final class OutputLocation {
    private final Path directory;
    private final String option;

    private OutputLocation(Path directory, String option) {
        this.directory = directory;
        this.option = option;
    }

    /**
     * The output directory {@code directory} given with {@code option} (for example {@code --out}), created
     * with its parents if missing and proven writable.
     *
     * @throws UserError when it is empty (which would mean the working directory), a file, or cannot be
     *                    created or written in
     */
    public static OutputLocation directory(Path directory, String option) {
        if (directory.toString().isEmpty()) {
            throw new UserError(option + ": an empty path; name a directory (. for the working directory)");
        }
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new UserError(option + ": " + directory + " is a file, not a directory");
        }
        try {
            Files.createDirectories(directory);
            Files.delete(Files.createTempFile(directory, ".invs-probe-", ".tmp"));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            throw new UserError(option + ": cannot write in " + directory + ": " + IoProblem.reason(e));
        }
        return new OutputLocation(directory, option);
    }

    /** The directory. */
    public Path path() {
        return directory;
    }

    /**
     * Creates a new empty file {@code name + extension} in the directory, or {@code name-2 + extension},
     * {@code name-3 + extension}, … when that exists (several processes may share the directory: the file
     * is created only if it does not exist, atomically) and returns it.
     *
     * @param extension the end of the name, for example {@code .jsonl}
     * @throws UserError when no file can be created
     */
    public Path reserve(String name, String extension) {
        for (int copy = 1; ; copy++) {
            Path candidate = directory.resolve(copy == 1 ? name + extension : name + "-" + copy + extension);
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                // taken: try the next name
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                throw new UserError(option + ": cannot create " + candidate + ": " + IoProblem.reason(e));
            }
        }
    }

    /**
     * Checks that {@code file}, named with {@code option}, can be written: it is not a directory, a device,
     * a pipe or a socket, nor one of {@code inputs}, and its directory (created if missing) can be written
     * in. An existing file is replaced when written.
     *
     * @return {@code file}
     * @throws UserError naming the problem
     */
    public static Path file(Path file, String option, Collection<Path> inputs) {
        if (file.toString().isEmpty()) {
            throw new UserError(option + ": an empty path; name a file");
        }
        if (Files.isDirectory(file)) {
            throw new UserError(option + ": " + file + " is a directory; name a file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new UserError(option + ": " + file + " is not a regular file (a device, a pipe or a socket);"
                    + " name a file");
        }
        if (Files.isSymbolicLink(file) && !Files.exists(file)) {
            throw new UserError(option + ": " + file + " is a symbolic link to nothing; name a file");
        }
        for (Path input : inputs) {
            if (sameFile(file, input)) {
                throw new UserError(option + ": " + file + " is also an input of this command; name another file");
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            directory(parent, option);
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new UserError(option + ": cannot write " + file + ": permission denied");
        }
        return file;
    }

    /**
     * Replaces the contents of {@code file} with {@code text} (UTF-8) atomically where the file system
     * allows: the text goes to a temporary file next to it, which then takes its place.
     *
     * @throws UserError when it cannot be written (the old contents are then left as they were)
     */
    public static void write(Path file, String text) {
        Path target = file;
        Path temporary = null;
        try {
            if (Files.isSymbolicLink(file)) {
                target = file.toRealPath();
            }
            if (Files.exists(target) && !Files.isRegularFile(target)) {
                throw new UserError("cannot write " + file + ": not a regular file (a device, a pipe or a socket)");
            }
            temporary = temporaryNextTo(target);
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            keepPermissions(target, temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            throw new UserError("cannot write " + file + ": " + IoProblem.reason(e));
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // nothing more to do: the error above says what went wrong
                }
            }
        }
    }

    /**
     * A new empty file next to {@code file}, hidden and named after it, created as any new file is (with the
     * permissions the umask gives, where {@code Files.createTempFile} would give the owner alone).
     */
    private static Path temporaryNextTo(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        while (true) {
            Path candidate = parent.resolve("." + file.getFileName() + "-"
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                // taken: draw another name
            }
        }
    }

    /** Gives {@code replacement} the permissions of {@code file} when it exists and the file system has them. */
    private static void keepPermissions(Path file, Path replacement) throws IOException {
        if (Files.exists(file) && Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(replacement, Files.getPosixFilePermissions(file));
        }
    }

    /** Whether {@code output} and {@code input} name the same file (as paths, when either does not exist yet). */
    public static boolean sameFile(Path output, Path input) {
        try {
            return Files.exists(output) && Files.exists(input) ? Files.isSameFile(output, input)
                    : output.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize());
        } catch (IOException e) {
            return false;
        }
    }
}
