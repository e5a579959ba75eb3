package invs.fuzz;

import invs.conformance.board.NamedConfiguration;
import invs.conformance.replay.Replay;
import invs.conformance.replay.ReplayResult;
import invs.conformance.check.Violation;
import invs.conformance.trace.Trace;
import invs.conformance.trace.TraceFile;
import invs.conformance.trace.TraceLimits;
import invs.fuzz.cli.BoardOptions;
import invs.fuzz.cli.StepBoundOption;
import invs.fuzz.cli.StepLimitOption;
import invs.fuzz.cli.TraceFiles;
import invs.fuzz.cli.TraceLimitOptions;
import invs.fuzz.cli.UserError;
import io.vavr.collection.Vector;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code invs check-trace LOG}: checks a recorded trace of observations (for example captured from an app on
 * a real board) against the specification alone, offline, and says where it first diverges.
 */
@Command(name = "check-trace", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check a recorded trace (every step with its observation, for example captured on a real"
                + " board) against the specification, without running any implementation, and say where it first"
                + " diverges.",
                "The configuration is the trace header's, unless board options replace it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the trace conforms", "1:the trace diverges (the first divergence is shown)",
                "2:usage or input error (for example a malformed trace: the line and field are named), or a"
                        + " trace the specification cannot follow to its end (too many states left open)",
                "3:a bug of invs, or too little memory"})
final class CheckTraceCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "LOG", description = "The recorded trace (JSON lines, every step with its observation).")
    private Path file;

    @Mixin
    private BoardOptions board;

    @Mixin
    private TraceLimitOptions limitOptions;

    @Mixin
    private StepLimitOption stepLimit;

    @Mixin
    private StepBoundOption stepBound;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        TraceLimits limits = stepLimit.applyTo(limitOptions.limits());
        int bound = stepBound.bound();
        TraceFile read = TraceFiles.read(file, limits);
        Trace trace = read.trace();
        if (board.given()) {
            trace = new Trace(trace.header().withConfiguration(board.forTrace(trace.header().configuration(),
                    "check-trace")), trace.steps());
        }
        TraceFiles.checkSteps(file, read, trace.header().configuration(), limits);
        ReplayResult result;
        try {
            result = Replay.checkTrace(trace, bound);
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("checking %s (%d recorded steps) against the specification%n", file, trace.length());
        result.printReport(out);
        out.flush();
        TraceFiles.requireDecided(file, result, trace.length());
        if (result.conforms()) {
            out.printf("conforms: %s allowed by the specification%n", trace.length() == 1 ? "the one step is" : "all " + trace.length() + " steps are");
        } else {
            Violation violation = result.violation().get();
            out.printf("first divergence at step %d (line %d of %s): %s%n", violation.step() + 1,
                    read.lineOf(violation.step()), file, violation.summary());
        }
        out.flush();
        return result.conforms() ? 0 : Main.FINDING;
    }
}
