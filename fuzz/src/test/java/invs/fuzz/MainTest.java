package invs.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
    private static String captureOut(Runnable action) {
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(saved);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static String captureErr(Runnable action) {
        PrintStream saved = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(saved);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsTheSubcommandsAndExitCodes() {
        int[] code = new int[1];
        String out = captureOut(() -> code[0] = Main.run("--help"));
        assertEquals(0, code[0]);
        for (String command : new String[] {"fuzz", "replay", "check-trace", "serve", "systems", "regression-test", "clauses"}) {
            assertTrue(out.contains("\n  " + command + " "), command + " in " + out);
        }
        assertTrue(out.contains("Exit codes"), out);
    }

    @Test
    void clausesListsEveryDocumentClause() {
        String out = captureOut(() -> Main.run("clauses", "--source", "DOCUMENT"));
        assertTrue(out.contains("COMMAND_2_OFFSET [driver document, Command 2, Arguments]"), out);
        assertTrue(!out.contains("TRD104_"), out);
    }

    @Test
    void everySubcommandHasHelp() {
        for (String command : new String[] {"fuzz", "replay", "check-trace", "serve", "systems", "regression-test", "clauses"}) {
            int[] code = new int[1];
            String out = captureOut(() -> code[0] = Main.run(command, "--help"));
            assertEquals(0, code[0], command);
            assertTrue(out.startsWith("Usage: invs " + command), out);
        }
    }

    @Test
    void anUnknownOptionIsAOneLineUsageError() {
        int[] code = new int[1];
        String err = captureErr(() -> code[0] = Main.run("clauses", "--bogus"));
        assertEquals(Main.USAGE, code[0]);
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.startsWith("invs: Unknown option: '--bogus'"), err);
    }
}
