package invs.fuzz.cli;


import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command line that runs exactly the same tries again: the original arguments with the budget and seed
 * options replaced by the seed used and the tries that ran.
 */
public final class RerunCommand {
    private static final Set<String> REPLACED = Set.of("--seed", "--tries", "--time", "--progress");

    private RerunCommand() {
    }

    /**
     * {@code ./invs} and {@code arguments} without the seed, tries, time and progress options, followed by
     * {@code --seed seed --tries tries}, and {@code --time 1h} when {@code timeBound} (the original run was cut
     * short by its time budget, so the same time might not suffice).
     */
    public static String of(List<String> arguments, long seed, long tries, boolean timeBound) {
        return of(arguments, seed, tries, timeBound, 0);
    }

    /**
     * {@link #of(List, long, long, boolean)} for a run of which {@code cut} tries were cut short at its
     * deadline: the command runs them whole, so it ends with a shell comment saying that their findings
     * may differ (a try is not cut at the same input twice).
     */
    public static String of(List<String> arguments, long seed, long tries, boolean timeBound, long cut) {
        String command = command(arguments, seed, tries, timeBound);
        return cut == 0 ? command : command + "  # runs to its end " + (cut == 1 ? "the try" : "each of the " + cut + " tries")
                + " this run cut at its deadline: " + (cut == 1 ? "its" : "their") + " findings may differ";
    }

    private static String command(List<String> arguments, long seed, long tries, boolean timeBound) {
        List<String> kept = new ArrayList<>();
        for (int index = 0; index < arguments.size(); index++) {
            String argument = arguments.get(index);
            String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            if (REPLACED.contains(name)) {
                if (!argument.contains("=")) {
                    index++;
                }
                continue;
            }
            kept.add(argument);
        }
        kept.addAll(List.of("--seed", String.format("0x%x", seed), "--tries", String.valueOf(tries)));
        if (timeBound) {
            kept.addAll(List.of("--time", "1h"));
        }
        return "./invs" + ShellWords.flags(kept);
    }
}
