package invs.fuzz;

import invs.conformance.board.NamedConfiguration;
import invs.conformance.board.StandardConfigurations;
import invs.conformance.sut.SystemUnderTestProvider;
import invs.conformance.trace.ConfigurationCodec;
import invs.conformance.zoo.Mutant;
import invs.conformance.zoo.Zoo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code invs systems}: the systems under test a command can use, with the flags that choose them. */
@Command(name = "systems", mixinStandardHelpOptions = true,
        description = "List the systems under test: the providers on the class path (--sut NAME) and the"
                + " bug-zoo mutants (--mutant NAME); --sut-command runs any other implementation. Then the"
                + " standard boards (--standard NAME), each in full as a reset request carries it.")
final class SystemsCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int width = Math.max(SystemUnderTestProvider.all().map(provider -> provider.name().length()).max().getOrElse(0),
                Zoo.all().map(mutant -> mutant.name().length()).max().getOrElse(0));
        String row = "  %-" + width + "s  %s%n";
        out.println("providers (--sut NAME; reference is the default):");
        for (SystemUnderTestProvider provider : SystemUnderTestProvider.all()) {
            out.printf(row, provider.name(), provider.description());
        }
        out.println("bug-zoo mutants of the reference (--mutant NAME), by bug class:");
        for (Mutant mutant : Zoo.all()) {
            String only = mutant.bugIn().size() == 1
                    ? " (a bug under the " + mutant.bugIn().head().name().toLowerCase(Locale.ROOT) + " reading only:"
                    + " --profile " + mutant.bugIn().head().name().toLowerCase(Locale.ROOT) + ")" : "";
            out.printf(row, mutant.name(), "[" + mutant.bugClass().name().toLowerCase(Locale.ROOT) + "] "
                    + mutant.description() + only);
        }
        out.println("other implementations: --sut-command 'COMMAND' (a server speaking docs/protocol.md)");
        out.println("standard boards (--standard NAME), each as the configuration a reset request carries:");
        for (NamedConfiguration board : StandardConfigurations.all()) {
            out.println("  " + board.name() + " " + ConfigurationCodec.encode(board.configuration()));
        }
        out.flush();
        return 0;
    }
}
