package invs.fuzz;

import invs.conformance.report.CampaignSummary;
import invs.conformance.report.JsonReportReader;
import invs.conformance.report.ReportFiles;
import invs.conformance.report.ReportFormatException;
import invs.conformance.report.ShardMerge;
import invs.conformance.trace.Utf8Text;
import invs.fuzz.campaign.CampaignReport;
import invs.fuzz.cli.OutputLocation;
import invs.fuzz.cli.UserError;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code invs merge DIR…}: one report from the output directories of a campaign's shards ({@code invs fuzz
 * --shard i/N --out DIR}): totals and coverage added up, causes of different shards merged by signature, every
 * trace kept where it is; printed like a campaign's report and written as {@code report.json}, JUnit XML and
 * {@code report.html}.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Merge the reports of a campaign's shards (the --out directories of 'invs fuzz --shard i/N', each"
                + " holding its report.json) into one report: tries, system calls and coverage added up, causes found in"
                + " several shards merged by signature, every trace kept where it is.",
                "Prints the merged report and writes report.json, TEST-invs-fuzz.xml and report.html into --out."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no finding in any shard", "1:findings (listed, with the trace files of every shard)",
                "2:usage or input error (a missing or malformed report.json, reports that are not shards of one campaign)",
                "3:a bug of invs, or too little memory"})
final class MergeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR",
            description = "A shard's output directory (or its report.json file).")
    private List<Path> inputs;

    @CommandLine.Option(names = "--out", paramLabel = "DIR",
            description = "Where the merged reports go (default: invs-findings/merged); never one of the shard directories.")
    private Path out = Path.of("invs-findings", "merged");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Vector<Tuple2<Path, Path>> reports = Vector.ofAll(inputs).map(MergeCommand::report);
        for (Tuple2<Path, Path> report : reports) {
            if (OutputLocation.sameFile(out, report._1)) {
                throw new UserError("--out: " + out + " is one of the shard directories; its report.json would be replaced."
                        + " Name another directory");
            }
        }
        OutputLocation.directory(out, "--out");
        refuseCampaignDirectory(out);
        CampaignSummary merged;
        try {
            merged = ShardMerge.merge(reports.map(report -> Tuple.of(report._1, JsonReportReader.read(report._2))));
        } catch (ReportFormatException | IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        Vector<String> unwritten = ReportFiles.write(merged, out);
        PrintWriter stdout = spec.commandLine().getOut();
        // Every text of the report came from files: control characters are shown as escapes, never sent to the terminal.
        CampaignReport.render(merged).lines().forEach(line -> stdout.println(Utf8Text.printable(line, Integer.MAX_VALUE)));
        stdout.flush(); // the report is shown even when its files could not be written
        stdout.println(Utf8Text.printable(CampaignReport.filesLine(out, unwritten), Integer.MAX_VALUE));
        stdout.flush();
        return merged.causes().isEmpty() ? 0 : Main.FINDING;
    }

    /**
     * Refuses {@code out} when it holds a campaign's own {@code report.json} (a shard not given to this merge,
     * or a whole campaign), which the merged report would replace; a report an earlier merge wrote may be.
     */
    private static void refuseCampaignDirectory(Path out) {
        Path existing = out.resolve(ReportFiles.JSON);
        if (!Files.isRegularFile(existing)) {
            return; // nothing there, or something no campaign wrote (a directory in the way is said when writing)
        }
        boolean merged;
        try {
            merged = JsonReportReader.read(existing).merged();
        } catch (ReportFormatException e) {
            throw new UserError("--out: " + out + " holds a report.json that cannot be read (" + e.getMessage() + ");"
                    + " the merged report would replace it. Name another directory");
        }
        if (!merged) {
            throw new UserError("--out: " + out + " holds a report.json that no merge wrote (a shard's or a campaign's);"
                    + " the merged report would replace it. Name another directory");
        }
    }

    /** The shard directory given as {@code input} and its {@code report.json}. */
    private static Tuple2<Path, Path> report(Path input) {
        if (input.toString().isEmpty()) {
            throw new UserError("an empty path; give the --out directory of each shard");
        }
        if (Files.isRegularFile(input)) {
            return Tuple.of(input.getParent() == null ? Path.of(".") : input.getParent(), input);
        }
        if (!Files.isDirectory(input)) {
            throw new UserError(input + ": no such directory (give the --out directory of each shard)");
        }
        return Tuple.of(input, input.resolve(ReportFiles.JSON));
    }
}
