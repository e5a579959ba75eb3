package invs.conformance.report;

import invs.conformance.campaign.CampaignResult;
import io.vavr.collection.Vector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a campaign's machine-readable reports into its output directory. */
public final class ReportFiles {
    /** The JSON report's file name. */
    public static final String JSON = "report.json";

    private ReportFiles() {
    }

    /**
     * Writes {@code report.json} and the JUnit XML of {@code result} into {@code directory} (replacing the
     * previous campaign's): what could not be written, one line each (nothing when both were).
     */
    public static Vector<String> write(CampaignResult result, Path directory) {
        Vector<String> problems = Vector.empty();
        problems = problems.appendAll(write(directory.resolve(JSON), JsonReport.format(result)));
        problems = problems.appendAll(write(directory.resolve(JunitReport.FILE_NAME), JunitReport.format(result)));
        return problems;
    }

    private static Vector<String> write(Path file, String text) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            return Vector.empty();
        } catch (IOException | RuntimeException e) {
            return Vector.of("cannot write " + file + ": " + e.getMessage());
        }
    }
}
