package invs.conformance.report;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Why a file could not be read or written, in a few words fit for a one-line message. */
public final class IoProblem {
    private IoProblem() {
    }

    /** The reason of {@code e}, an I/O problem (or a runtime one met on the way), in a few words. */
    public static String reason(Exception e) {
        return switch (e) {
            case DirectoryNotEmptyException directory -> "a directory is in the way";
            case AccessDeniedException denied -> "permission denied";
            case NoSuchFileException missing -> "no such file or directory: " + missing.getFile();
            case FileAlreadyExistsException exists -> "a file is in the way: " + exists.getFile();
            case FileSystemException system when system.getReason() != null -> system.getReason();
            default -> String.valueOf(e.getMessage());
        };
    }
}
