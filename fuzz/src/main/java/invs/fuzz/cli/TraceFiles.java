package invs.fuzz.cli;

import invs.conformance.check.SpecificationMemory;
import invs.conformance.replay.ReplayResult;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.trace.InputBounds;
import invs.conformance.trace.Trace;
import invs.conformance.trace.TraceFile;
import invs.conformance.trace.TraceFormatException;
import invs.conformance.trace.TraceLimits;
import invs.conformance.trace.TraceReader;
import invs.spec.Configuration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads trace files for the command line, within {@link TraceLimits}: every problem becomes a one-line
 * {@link UserError} naming the file, the line and the field.
 */
public final class TraceFiles {
    private TraceFiles() {
    }

    /** The trace in {@code file}, within the standard limits. @throws UserError naming the file, line and field */
    public static Trace read(Path file) {
        return read(file, TraceLimits.standard()).trace();
    }

    /** The trace in {@code file} with the line of each step. @throws UserError naming the file, line and field */
    public static TraceFile read(Path file, TraceLimits limits) {
        if (file.toString().isEmpty()) {
            throw new UserError("an empty path; name a trace file");
        }
        if (Files.isDirectory(file)) {
            throw new UserError(file + ": a directory, not a trace file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return TraceReader.read(in, limits);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new UserError(file + ": cannot read it: permission denied");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read it: " + e.getMessage());
        } catch (TraceFormatException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
    }

    /**
     * Checks that {@code trace} can run on {@code configuration} as {@code replay} runs it: its steps
     * ({@link #checkSteps}) and the buffers its yields show ({@link #checkShown}).
     *
     * @throws UserError naming the file, the line and the field
     */
    public static void checkRunnable(Path file, TraceFile trace, Configuration configuration, TraceLimits limits) {
        checkSteps(file, trace, configuration, limits);
        checkShown(file, trace, limits);
    }

    /**
     * Checks that {@code factory} ({@code system}, for the message) can build {@code configuration}, the board
     * of the trace in {@code file}; {@code advice} ends the message, if any.
     *
     * @throws UserError naming the file and the system's reason
     */
    public static void checkBuildable(Path file, Configuration configuration, SystemUnderTestFactory factory,
                                      String system, String advice) {
        io.vavr.control.Option<String> refusal = factory.refusal(configuration);
        if (refusal.isDefined() || !factory.supports(configuration)) {
            throw new UserError(system + " cannot run the configuration of " + file
                    + refusal.map(reason -> ": " + reason).getOrElse("") + advice);
        }
    }

    /**
     * Checks that the steps of {@code trace} can run on {@code configuration}: every app on the board, every
     * buffer within the limits, the board within what the specification can hold ({@link SpecificationMemory}).
     *
     * @throws UserError naming the file, the line and the field
     */
    public static void checkSteps(Path file, TraceFile trace, Configuration configuration, TraceLimits limits) {
        SpecificationMemory.refusal(configuration).forEach(why -> {
            throw new UserError(file + ": " + why);
        });
        try {
            InputBounds.checkSteps(trace.trace(), configuration, limits, trace::lineOf);
        } catch (TraceFormatException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
    }

    /**
     * Nothing when the replay or check of {@code file} ({@code steps} steps) went to its end or to a violation.
     *
     * @throws UserError when the specification gave up following the observations first
     *                   ({@link ReplayResult#undecided}): the steps from there are not checked
     */
    public static void requireDecided(Path file, ReplayResult result, int steps) {
        result.undecided().forEach(where -> {
            throw new UserError(file + ": not checked to the end (" + steps + " steps; no finding before): the"
                    + " specification gave up following the observations at " + where + "; --max-step-states raises the"
                    + " bound");
        });
    }

    /**
     * Checks that running the inputs of {@code trace} shows at most {@link TraceLimits#maxShown()} bytes of
     * buffers in its yields.
     *
     * @throws UserError naming the file and the line
     */
    public static void checkShown(Path file, TraceFile trace, TraceLimits limits) {
        try {
            InputBounds.checkShown(trace.trace(), limits, trace::lineOf);
        } catch (TraceFormatException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
    }
}
