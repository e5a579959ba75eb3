package invs.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One in-process run of the command line with its standard streams captured.
 *
 * @param exit the exit code
 * @param out  what it printed on standard output
 * @param err  what it printed on standard error
 */
public record CommandRun(int exit, String out, String err) {

    /** Runs {@code invs args} with an empty standard input. */
    public static CommandRun of(String... args) {
        return withInput("", args);
    }

    /** Runs {@code invs args} with {@code input} on standard input. */
    public static synchronized CommandRun withInput(String input, String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        InputStream savedIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            int exit = Main.run(args);
            System.out.flush();
            System.err.flush();
            return new CommandRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
            System.setIn(savedIn);
        }
    }

    /** Standard error without the blank end, as one line or more. */
    public String errLine() {
        return err.strip();
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
    }
}
