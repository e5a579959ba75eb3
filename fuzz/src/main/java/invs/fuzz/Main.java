package invs.fuzz;

import invs.conformance.trace.Utf8Text;
import invs.fuzz.cli.InternalErrorReport;
import invs.fuzz.cli.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;

/**
 * The {@code invs} command line. Exit codes: 0 success, 1 a finding (the implementation diverged from
 * the specification), 2 a usage or input error, 3 an internal error (a bug of invs, or too little
 * memory). Every error is reported on one line starting with {@code invs: }, without a stack trace; for an
 * internal error the line names the file that holds the stack trace.
 */
@Command(name = "invs", mixinStandardHelpOptions = true, version = "invs 0.1.0",
        description = "Executable reference for Tock's Isolated Nonvolatile Storage driver (0x50004).",
        subcommands = {FuzzCommand.class, MergeCommand.class, ReplayCommand.class, CheckTraceCommand.class, ExploreCommand.class,
                ServeCommand.class,
                SystemsCommand.class, RegressionTestCommand.class, ClausesCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a finding: the system under test diverged from the specification",
                "2:usage or input error", "3:a bug of invs, or too little memory (the one-line message says where the stack trace is)"})
public final class Main implements Runnable {
    /** Exit code for a finding. */
    public static final int FINDING = 1;
    /** Exit code for a usage or input error. */
    public static final int USAGE = 2;
    /** Exit code for an internal error: a bug of invs, or too little memory. */
    public static final int INTERNAL = 3;

    private static final int MESSAGE_CHARS = 4000;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            System.err.println("invs: in thread " + thread.getName() + ": " + InternalErrorReport.of(error, List.of(args)));
            System.err.flush();
        });
        System.exit(unlessOutputLost(run(args)));
    }

    /**
     * {@code code}, or {@link #USAGE} with a one-line error when a command that succeeded could not write
     * its standard output ({@code > /dev/full}, a full disk, a closed pipe): Java's standard output only
     * records such a failure, and the command would otherwise exit 0 with its results lost. A finding's
     * exit code is kept (its traces and reports are files of their own).
     */
    static int unlessOutputLost(int code) {
        if (code == 0 && System.out.checkError()) {
            System.err.println("invs: the standard output could not be written (a full disk or a closed pipe):"
                    + " what the command showed there is lost");
            System.err.flush();
            return USAGE;
        }
        return code;
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        return run(new Main(), args);
    }

    /** Runs {@code command} as the command line and returns its exit code (for tests of the error handling). */
    static int run(Object command, String... args) {
        CommandLine line = new CommandLine(command);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        // As in most command lines, an option given twice takes its last value (so a script can override).
        line.setOverwrittenOptionsAllowed(true);
        line.setExitCodeExceptionMapper(error -> USAGE);
        line.setParameterExceptionHandler((error, arguments) -> {
            error.getCommandLine().getErr().println("invs: " + Utf8Text.printable(problem(error, arguments), MESSAGE_CHARS)
                    + " (see 'invs " + commandPath(error.getCommandLine()) + "--help')");
            return USAGE;
        });
        line.setExecutionExceptionHandler((error, commandLine, parsed) -> {
            if (error instanceof UserError) {
                commandLine.getErr().println("invs: " + Utf8Text.printable(error.getMessage(), MESSAGE_CHARS));
                commandLine.getErr().flush();
                return USAGE;
            }
            return internalError(error, commandLine, args);
        });
        try {
            return line.execute(args);
        } catch (RuntimeException | Error error) {
            return internalError(error, line, args);
        }
    }

    private static int internalError(Throwable error, CommandLine commandLine, String... args) {
        commandLine.getErr().println("invs: " + InternalErrorReport.of(error, List.of(args)));
        if (System.getenv("INVS_DEBUG") != null) {
            error.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().flush();
        return INTERNAL;
    }

    /**
     * What was wrong with the command line: picocli's message, except for arguments left over after {@code --}
     * (the end of options), which picocli calls unknown options when they begin with a dash.
     */
    private static String problem(CommandLine.ParameterException error, String... arguments) {
        int end = endOfOptions(error.getCommandLine(), arguments);
        List<String> after = end < 0 ? List.of() : List.of(arguments).subList(end + 1, arguments.length);
        // the arguments picocli left over are the last ones after '--', and only those: none came before it
        if (error instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()
                && unmatched.getUnmatched().size() <= after.size()
                && after.subList(after.size() - unmatched.getUnmatched().size(), after.size()).equals(unmatched.getUnmatched())) {
            return "unexpected argument" + (unmatched.getUnmatched().size() == 1 ? "" : "s") + " after '--' (the end of"
                    + " options): " + unmatched.getUnmatched().stream().map(argument -> "'" + argument + "'")
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        return error.getMessage();
    }

    /**
     * Where {@code --} ends the options of {@code line}'s command in {@code arguments}: the first {@code --} that
     * is not the value of the option before it ({@code --jazzer-arg --}); -1 when there is none.
     */
    private static int endOfOptions(CommandLine line, String... arguments) {
        for (int index = 0; index < arguments.length; index++) {
            if (arguments[index].equals("--")) {
                CommandLine.Model.OptionSpec option = index == 0 ? null : line.getCommandSpec().findOption(arguments[index - 1]);
                if (option == null || option.arity().max() == 0) {
                    return index;
                }
            }
        }
        return -1;
    }

    private static String commandPath(CommandLine line) {
        String path = line.getCommandSpec().qualifiedName(" ");
        return path.equals("invs") ? "" : path.substring("invs ".length()) + " ";
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
