package invs.fuzz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import invs.fuzz.CommandRun;
import invs.fuzz.Main;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VerbatimArgumentTest {
    /** A command with a verbatim option beside an option of its own, as {@code invs fuzz} has. */
    @CommandLine.Command(name = "passing")
    static final class Passing {
        @CommandLine.Option(names = "--pass", paramLabel = "ARG", parameterConsumer = VerbatimArgument.class)
        List<String> passed = List.of();

        @CommandLine.Option(names = {"-t", "--time"})
        String time;
    }

    private static Passing parsed(String... args) {
        Passing command = new Passing();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void argumentsThatLookLikeOptionsOfAnotherProgramAreTakenAsTheyAreAndInOrder() {
        Passing command = parsed("--pass=-help=1", "--time", "5s", "--pass", "-max_len=64", "--pass", "-tiny=1");
        assertEquals(List.of("-help=1", "-max_len=64", "-tiny=1"), command.passed);
        assertEquals("5s", command.time);
    }

    @Test
    void anOptionOfTheCommandItselfIsAMissingValue() {
        assertEquals("Expected parameter for option '--pass' but found '--time', an option of invs",
                assertThrows(CommandLine.ParameterException.class, () -> parsed("--pass", "--time", "5s")).getMessage());
        assertEquals("Expected parameter for option '--pass' but found '-t=5s', an option of invs",
                assertThrows(CommandLine.ParameterException.class, () -> parsed("--pass=-t=5s")).getMessage());
        assertEquals("Missing required parameter for option '--pass' (ARG)",
                assertThrows(CommandLine.ParameterException.class, () -> parsed("--pass")).getMessage());
    }

    @Test
    void invsFuzzPassesJazzerArgumentsThatLookLikeItsOwnShortOptions() {
        // -help=1 began with -h, invs's help option: it was refused as a missing value
        CommandRun run = CommandRun.of("fuzz", "--jazzer-arg=-help=1", "--jazzer-arg", "-max_len=64");
        assertEquals(Main.USAGE, run.exit());
        assertEquals("invs: --jazzer-arg needs --guided", run.err().strip());
    }
}
