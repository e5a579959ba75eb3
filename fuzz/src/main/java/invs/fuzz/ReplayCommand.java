package invs.fuzz;

import invs.conformance.replay.Replay;
import invs.conformance.replay.ReplayResult;
import invs.conformance.replay.StepResult;
import invs.conformance.trace.Trace;
import invs.conformance.trace.TraceCodec;
import invs.conformance.trace.TraceFile;
import invs.conformance.trace.TraceHeader;
import invs.conformance.trace.TraceLimits;
import invs.conformance.trace.TraceStep;
import invs.conformance.trace.Utf8Text;
import invs.fuzz.cli.BoardOptions;
import invs.fuzz.cli.OutputLocation;
import invs.fuzz.system.SystemOptions;
import invs.fuzz.cli.TraceFiles;
import invs.fuzz.cli.StepBoundOption;
import invs.fuzz.cli.StepLimitOption;
import invs.fuzz.cli.TraceLimitOptions;
import invs.fuzz.system.OpenSystem;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code invs replay TRACE}: runs a trace file's inputs on a system under test, in lockstep with the
 * specification, and shows every step with its verdict and where the system differs from the recording.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the inputs of a trace file on a system under test (default: the reference implementation),"
                + " check every step against the specification, and show each step.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every step conforms", "1:a rule is broken (the violation is shown)",
                "2:usage or input error (for example a malformed trace: the line and field are named), or a"
                        + " trace the specification cannot follow to its end (too many states left open)",
                "3:a bug of invs, or too little memory"})
final class ReplayCommand implements Callable<Integer> {
    /** The most characters of the recording system's name shown. */
    private static final int SYSTEM_CHARS = 200;

    @Parameters(index = "0", paramLabel = "TRACE", description = "The trace file (JSON lines, see docs/guide.md).")
    private Path file;

    @CommandLine.Option(names = "--record", paramLabel = "FILE",
            description = "Also write the trace with the observations of this run to FILE (a log for check-trace);"
                    + " an existing FILE is replaced, never the trace being replayed.")
    private Path record;

    @Mixin
    private SystemOptions system;

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
        boolean replacing = record != null && Files.exists(OutputLocation.file(record, "--record", List.of(file)));
        TraceFile read = TraceFiles.read(file, limits);
        Trace trace = read.trace();
        if (board.given()) {
            trace = new Trace(trace.header().withConfiguration(board.forTrace(trace.header().configuration(), "replay")),
                    trace.steps());
        }
        TraceFiles.checkRunnable(file, read, trace.header().configuration(), limits);
        try (OpenSystem open = system.spec().open()) {
            TraceFiles.checkBuildable(file, trace.header().configuration(), open.factory(), "the system under test", "");
            ReplayResult result = Replay.replay(trace, open.factory(), bound);
            if (record != null) {
                OutputLocation.write(record, TraceCodec.format(recorded(trace, result, open)));
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("replaying %s (%d step%s%s) on %s%n", file, trace.length(), trace.length() == 1 ? "" : "s",
                    trace.header().property().map(property -> (property.matches("[aeiou].*") ? ", an " : ", a ") + property
                            + " finding").getOrElse(""),
                    open.description());
            if (!trace.header().system().isEmpty()) {
                out.println("recorded on " + Utf8Text.printable(trace.header().system(), SYSTEM_CHARS));
            }
            result.printReport(out);
            if (result.conforms()) {
                out.printf("conforms: %s with the specification%n", trace.length() == 1 ? "the one step agrees" : "all " + trace.length() + " steps agree");
            } else if (result.violation().isDefined()) {
                out.printf("violation at step %d: %s%n", result.violation().get().step() + 1,
                        result.violation().get().summary());
            }
            if (!result.matchesRecording()) {
                Vector<Integer> differing = result.steps().filter(StepResult::differsFromRecording).map(step -> step.index() + 1);
                out.println("differs from the recording at step" + (differing.size() == 1 ? " " : "s ") + differing.mkString(", "));
            }
            if (record != null) {
                out.println("recorded the observations in " + record + (replacing ? " (it replaces the file that was there)" : ""));
            }
            out.flush();
            TraceFiles.requireDecided(file, result, trace.length());
            return result.conforms() ? 0 : Main.FINDING;
        }
    }

    /** The trace's inputs with what the system showed this time, its header naming the system. */
    private static Trace recorded(Trace trace, ReplayResult result, OpenSystem open) {
        Vector<TraceStep> steps = result.steps().map(step -> new TraceStep(step.input(), step.observed(), Option.none()));
        TraceHeader header = new TraceHeader(TraceCodec.VERSION, trace.header().configuration(), trace.header().seed(),
                open.label(), Option.none(), Option.none(), trace.header().description());
        return new Trace(header, steps);
    }
}
