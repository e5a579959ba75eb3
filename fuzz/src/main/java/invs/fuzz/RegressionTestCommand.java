package invs.fuzz;

import invs.conformance.replay.RegressionTestSource;
import invs.conformance.trace.Trace;
import invs.fuzz.cli.OutputLocation;
import invs.fuzz.cli.TraceFiles;
import invs.fuzz.cli.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code invs regression-test TRACE}: prints a JUnit 5 test class that replays a finding's trace. */
@Command(name = "regression-test", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Print a JUnit 5 test class that runs the trace's inputs and asserts the system conforms: it"
                + " fails while the bug is there and passes once it is fixed.")
final class RegressionTestCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TRACE", description = "The trace file of a finding.")
    private java.nio.file.Path file;

    @Option(names = "--package", paramLabel = "NAME", description = "The test's package (default: none).")
    private String packageName = "";

    @Option(names = "--class", paramLabel = "NAME", description = "The test class's name (default: FindingRegressionTest).")
    private String className = "FindingRegressionTest";

    @Option(names = "--method", paramLabel = "NAME", description = "The test method's name (default: reproducesTheFinding).")
    private String methodName = "reproducesTheFinding";

    @Option(names = "--factory", paramLabel = "JAVA",
            description = "Java expression of the SystemUnderTestFactory to test (default: new invs.conformance.reference.ReferenceProvider()).")
    private String factory = "new invs.conformance.reference.ReferenceProvider()";

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the test class to FILE instead of standard output (an existing FILE is replaced).")
    private java.nio.file.Path out;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        for (String name : new String[] {className, methodName}) {
            if (!name.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
                throw new UserError("'" + name + "' is not a Java identifier");
            }
        }
        if (!packageName.isEmpty() && !packageName.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*")) {
            throw new UserError("'" + packageName + "' is not a Java package name");
        }
        if (out != null) {
            OutputLocation.file(out, "--out", List.of(file));
        }
        Trace trace = TraceFiles.read(file);
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
