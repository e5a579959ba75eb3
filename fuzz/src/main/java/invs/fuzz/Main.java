package invs.fuzz;

import invs.fuzz.cli.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code invs} command line. Exit codes: 0 success, 1 a finding (the implementation diverged from
 * the specification), 2 a usage or input error. User mistakes are reported on one line starting with
 * {@code invs: }, without a stack trace.
 */
@Command(name = "invs", mixinStandardHelpOptions = true, version = "invs 0.1.0",
        description = "Executable reference for Tock's Isolated Nonvolatile Storage driver (0x50004).",
        subcommands = {FuzzCommand.class, ReplayCommand.class, CheckTraceCommand.class, ExploreCommand.class, ServeCommand.class,
                SystemsCommand.class, RegressionTestCommand.class, ClausesCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a finding: the system under test diverged from the specification",
                "2:usage or input error"})
public final class Main implements Runnable {
    /** Exit code for a finding. */
    public static final int FINDING = 1;
    /** Exit code for a usage or input error. */
    public static final int USAGE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        CommandLine line = new CommandLine(new Main());
        line.setCaseInsensitiveEnumValuesAllowed(true);
        // As in most command lines, an option given twice takes its last value (so a script can override).
        line.setOverwrittenOptionsAllowed(true);
        line.setExitCodeExceptionMapper(error -> USAGE);
        line.setParameterExceptionHandler((error, arguments) -> {
            error.getCommandLine().getErr().println("invs: " + error.getMessage()
                    + " (see 'invs " + commandPath(error.getCommandLine()) + "--help')");
            return USAGE;
        });
        line.setExecutionExceptionHandler((error, commandLine, parsed) -> {
            if (error instanceof UserError) {
                commandLine.getErr().println("invs: " + error.getMessage());
            } else {
                commandLine.getErr().println("invs: internal error: " + error
                        + (System.getenv("INVS_DEBUG") == null ? " (run with INVS_DEBUG=1 for the stack trace)" : ""));
                if (System.getenv("INVS_DEBUG") != null) {
                    error.printStackTrace(commandLine.getErr());
                }
            }
            commandLine.getErr().flush();
            return USAGE;
        });
        return line.execute(args);
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
