package invs.conformance.report;

import io.vavr.collection.Vector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a campaign's reports into its output directory: {@code report.json}, JUnit XML and {@code report.html}. */
public final class ReportFiles {
    /** The JSON report's file name. */
    public static final String JSON = "report.json";
    /** The HTML report's file name. */
    public static final String HTML = "report.html";

    private ReportFiles() {
    }

    /**
     * Writes {@code report.json}, the JUnit XML and {@code report.html} of {@code summary} into {@code directory}
     * (replacing the previous campaign's): what could not be written, one line each (nothing when all were).
     * A file that cannot be written leaves no temporary file behind.
     */
    public static Vector<String> write(CampaignSummary summary, Path directory) {
        Vector<String> problems = Vector.empty();
        problems = problems.appendAll(write(directory.resolve(JSON), JsonReport.format(summary)));
        problems = problems.appendAll(write(directory.resolve(JunitReport.FILE_NAME), JunitReport.format(summary)));
        problems = problems.appendAll(write(directory.resolve(HTML), HtmlReport.render(summary)));
        return problems;
    }

    /**
     * Removes the reports an earlier campaign left in {@code directory}, as a campaign begins: they would
     * be replaced at its end, and a campaign that never reaches its end (interrupted, killed) would
     * otherwise leave them beside its own traces, where {@code invs merge} would read them as its shard's.
     * A directory under a report's name is no report and is left alone (writing the report at the end says
     * it is in the way). What could not be removed, one line each (nothing when all were, or none was there).
     */
    public static Vector<String> removeEarlier(Path directory) {
        Vector<String> problems = Vector.empty();
        for (String name : Vector.of(JSON, JunitReport.FILE_NAME, HTML)) {
            Path file = directory.resolve(name);
            try {
                if (!Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException | RuntimeException e) {
                problems = problems.append("cannot remove the earlier campaign's " + file + ": " + IoProblem.reason(e));
            }
        }
        return problems;
    }

    /** The report files of {@code directory}, as a line lists them. */
    public static String names(Path directory) {
        return Vector.of(JSON, JunitReport.FILE_NAME, HTML).map(name -> directory.resolve(name).toString()).mkString(", ");
    }

    private static Vector<String> write(Path file, String text) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            return Vector.empty();
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException | RuntimeException ignored) {
                // the problem returned below is what matters
            }
            return Vector.of("cannot write " + file + ": " + IoProblem.reason(e));
        }
    }
}
