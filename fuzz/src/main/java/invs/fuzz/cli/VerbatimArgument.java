package invs.fuzz.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Stack;

/**
 * Takes the next command-line argument as an option's value as it is, even one that looks like an option
 * ({@code --jazzer-arg -help=1}, {@code --jazzer-arg=-max_len=64}): the option passes arguments on to
 * another program, whose options are not invs's. An option of invs's own command ({@code --jazzer-arg --time})
 * is refused as a missing value. The option's field is a list of strings, one added per use.
 */
public final class VerbatimArgument implements CommandLine.IParameterConsumer {
    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
        String option = ((CommandLine.Model.OptionSpec) argSpec).longestName();
        if (args.isEmpty()) {
            throw new CommandLine.ParameterException(commandSpec.commandLine(), "Missing required parameter for option '"
                    + option + "' (" + argSpec.paramLabel() + ")");
        }
        String next = args.peek();
        int equals = next.indexOf('=');
        if (commandSpec.optionsMap().containsKey(equals < 0 ? next : next.substring(0, equals))) {
            throw new CommandLine.ParameterException(commandSpec.commandLine(), "Expected parameter for option '" + option
                    + "' but found '" + next + "', an option of invs");
        }
        List<String> values = new ArrayList<>(argSpec.<List<String>>getValue());
        values.add(args.pop());
        argSpec.setValue(values);
    }
}
