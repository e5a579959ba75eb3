package invs.fuzz.guided;

import invs.conformance.trace.Utf8Text;
import invs.fuzz.system.FileTail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What Jazzer's log ({@code guided/jazzer.log}) says last, for a one-line message when Jazzer did not start:
 * its reason is most often its last error line ({@code ERROR: The required directory "/x" does not exist},
 * {@code ParseDictionaryFile: file does not exist or is empty}).
 */
final class JazzerLog {
    /** The most characters of a line quoted. */
    private static final int SHOWN_CHARS = 300;

    private JazzerLog() {
    }

    /**
     * {@code ": "} and the last line of {@code log} that names an error (the deepest {@code Caused by:} of a Java
     * exception's, else its {@code == Java Exception} line), else its last line that is neither an {@code INFO:}
     * line nor a stack frame, made printable and cut; empty when there is none or the log cannot be read.
     */
    static String lastWords(Path log) {
        List<String> lines = tail(log);
        String chosen = null;
        for (String line : lines) {
            String text = line.strip();
            if (text.contains("ERROR") || text.contains("does not exist") || text.startsWith("Exception")
                    || text.startsWith("== Java Exception") || text.startsWith("Caused by:")) {
                chosen = text;
            }
        }
        for (int index = lines.size() - 1; chosen == null && index >= 0; index--) {
            String text = lines.get(index).strip();
            boolean frame = text.startsWith("at ") || text.matches("\\.\\.\\. \\d+ more");
            if (!text.isEmpty() && !text.startsWith("INFO:") && !frame) {
                chosen = text;
            }
        }
        return chosen == null ? "" : ": " + Utf8Text.printable(chosen, SHOWN_CHARS);
    }

    private static List<String> tail(Path log) {
        try {
            return FileTail.of(log).lines().toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
