package invs.fuzz.cli;

import invs.conformance.trace.Utf8Text;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the command line says about a bug of invs itself (an exception that is not a {@link UserError}):
 * one line for the terminal, and the whole stack trace in a file of the temporary directory for the bug
 * report.
 */
public final class InternalErrorReport {
    private InternalErrorReport() {
    }

    /**
     * The one-line message for {@code error}, raised while running {@code arguments}, after saving the stack
     * trace: {@code internal error: java.lang.IllegalStateException: … (stack trace in /tmp/invs-internal-error-….txt)}.
     */
    public static String of(Throwable error, List<String> arguments) {
        String what = error instanceof OutOfMemoryError
                ? "out of memory (" + error + "); give Java more memory, for example INVS_JAVA_OPTS=-Xmx4g ./invs …"
                : "internal error: " + error;
        return Utf8Text.printable(what, 1000) + " (" + save(error, arguments) + ")";
    }

    /** Writes the stack trace to a new file and says where, or why it could not. */
    private static String save(Throwable error, List<String> arguments) {
        StringWriter text = new StringWriter();
        try (PrintWriter writer = new PrintWriter(text)) {
            writer.println("invs internal error");
            writer.println("arguments: " + arguments);
            writer.println("java: " + System.getProperty("java.version") + " " + System.getProperty("java.vendor")
                    + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            writer.println();
            error.printStackTrace(writer);
        }
        try {
            Path file = Files.createTempFile("invs-internal-error-", ".txt");
            Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
            return "stack trace in " + file;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            return "the stack trace could not be saved: " + e.getMessage();
        }
    }
}
