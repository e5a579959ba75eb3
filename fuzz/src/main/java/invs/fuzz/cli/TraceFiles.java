package invs.fuzz.cli;

import invs.conformance.trace.Trace;
import invs.conformance.trace.TraceCodec;
import invs.conformance.trace.TraceFormatException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads trace files for the command line: every problem becomes a one-line {@link UserError} naming the file. */
public final class TraceFiles {
    private TraceFiles() {
    }

    /** The trace in {@code file}. @throws UserError naming the file, and the line and field when it is malformed */
    public static Trace read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read it: " + e.getMessage());
        }
        try {
            return TraceCodec.parse(text);
        } catch (TraceFormatException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
    }

    /** The 1-based line of {@code file} that holds step {@code step} (1-based): blank lines are skipped. */
    public static int lineOfStep(Path file, int step) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            int seen = -1;
            for (int index = 0; index < lines.size(); index++) {
                if (!lines.get(index).isBlank() && ++seen == step) {
                    return index + 1;
                }
            }
        } catch (IOException e) {
            // fall through: the file was read once already
        }
        return step + 1;
    }
}
