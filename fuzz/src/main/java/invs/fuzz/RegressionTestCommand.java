package invs.fuzz;

import invs.conformance.reference.ReferenceProvider;
import invs.conformance.replay.JavaSyntax;
import invs.conformance.replay.RegressionTestSource;
import invs.conformance.trace.Trace;
import invs.conformance.trace.TraceFile;
import invs.conformance.trace.TraceLimits;
import invs.fuzz.cli.OutputLocation;
import invs.fuzz.cli.TraceFiles;
import invs.fuzz.cli.TraceLimitOptions;
import invs.fuzz.cli.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code invs regression-test TRACE}: prints a JUnit 5 test class that replays a finding's trace. The trace
 * is read and checked as {@code replay} reads it, the names and the factory expression are checked, and a
 * trace too large for one class is refused, so that the class it prints compiles.
 */
@Command(name = "regression-test", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print a JUnit 5 test class that runs the trace's inputs and asserts the system conforms: it"
                + " fails while the bug is there and passes once it is fixed.",
                "The trace is checked as replay checks it (with the default --factory, the reference implementation"
                        + " must be able to run its configuration). A long trace's inputs are built in private"
                        + " methods of " + RegressionTestSource.STEPS_PER_METHOD + " steps each; a trace too large for one"
                        + " Java class is refused: more than " + RegressionTestSource.MAX_STEPS + " steps, 4 MiB of allow-ro data"
                        + " in all, " + RegressionTestSource.MAX_APPS + " apps or " + RegressionTestSource.MAX_IDS
                        + " read and modify ids. Text from the trace lands only in string literals and the Javadoc"
                        + " comment, escaped so that javac reads it as text."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the class was printed or written",
                "2:usage or input error (a malformed or too large trace, a name or expression that cannot be used)",
                "3:a bug of invs, or too little memory"})
final class RegressionTestCommand implements Callable<Integer> {
    private static final String REFERENCE = "new invs.conformance.reference.ReferenceProvider()";

    @Parameters(index = "0", paramLabel = "TRACE", description = "The trace file of a finding.")
    private java.nio.file.Path file;

    @Option(names = "--package", paramLabel = "NAME", description = "The test's package, not java.* (default: none).")
    private String packageName = "";

    @Option(names = "--class", paramLabel = "NAME",
            description = "The test class's name, a Java identifier that is not a keyword (default: FindingRegressionTest).")
    private String className = "FindingRegressionTest";

    @Option(names = "--method", paramLabel = "NAME", description = "The test method's name (default: reproducesTheFinding).")
    private String methodName = "reproducesTheFinding";

    @Option(names = "--factory", paramLabel = "JAVA",
            description = "Java expression of the SystemUnderTestFactory to test (default: " + REFERENCE + "). It is"
                    + " checked only roughly: not blank, on one line, its quotes closed and brackets balanced, with no"
                    + " ';' outside braces, no ',' outside brackets, and no comment or backslash outside literals.")
    private String factory = REFERENCE;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the test class to FILE instead of standard output (an existing FILE is replaced).")
    private java.nio.file.Path out;

    @Mixin
    private TraceLimitOptions limitOptions;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RegressionTestSource.classNameProblem(className).forEach(why -> {
            throw new UserError("--class: '" + className + "' " + why);
        });
        RegressionTestSource.methodNameProblem(methodName).forEach(why -> {
            throw new UserError("--method: '" + methodName + "' " + why);
        });
        if (!packageName.isEmpty() && !JavaSyntax.isPackageName(packageName)) {
            throw new UserError("--package: '" + packageName + "' is not a Java package name a test can be in"
                    + " (names separated by dots, none a keyword, not java.*, which the JVM keeps for itself)");
        }
        JavaSyntax.expressionProblem(factory).forEach(why -> {
            throw new UserError("--factory: not a Java expression: " + why);
        });
        TraceLimits limits = limitOptions.limits();
        if (out != null) {
            OutputLocation.file(out, "--out", List.of(file));
        }
        TraceFile read = TraceFiles.read(file, limits);
        Trace trace = read.trace();
        TraceFiles.checkRunnable(file, read, trace.header().configuration(), limits);
        if (factory.equals(REFERENCE)) {
            TraceFiles.checkBuildable(file, trace.header().configuration(), new ReferenceProvider(),
                    "the reference implementation", " (name a system that can with --factory)");
        }
        RegressionTestSource.tooLarge(trace).forEach(why -> {
            throw new UserError(file + ": too large for a regression test: " + why);
        });
        String test = RegressionTestSource.testClass(trace, packageName, className, methodName, factory);
        if (out != null) {
            OutputLocation.write(out, test);
            spec.commandLine().getOut().println("wrote " + out);
        } else {
            spec.commandLine().getOut().print(test);
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
