package invs.fuzz;

import invs.spec.Clause;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code invs clauses}: lists the clauses the specification implements, with their sources. */
@Command(name = "clauses", mixinStandardHelpOptions = true,
        description = "List the clauses of the driver document (and of TRD104 and docs/spec.md) the specification implements.")
final class ClausesCommand implements Callable<Integer> {
    @Option(names = "--source", paramLabel = "SOURCE",
            description = "Only clauses from this source: ${COMPLETION-CANDIDATES} (in any case).")
    private Clause.Source source;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        for (Clause clause : Clause.values()) {
            if (source == null || clause.source() == source) {
                spec.commandLine().getOut().println(clause.citation());
            }
        }
        return 0;
    }
}
