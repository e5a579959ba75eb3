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

    /** Each standard board in full, as a reset request carries it (docs/protocol.md, "The standard boards"). */
    @Test
    void systemsPrintsTheStandardBoardsInFull() {
        String out = captureOut(() -> Main.run("systems"));
        for (String board : new String[] {"doc-default", "doc-permissions", "doc-exhaustion", "doc-64bit", "tock-default",
                "tock-permissions", "tock-exhaustion", "tock-64bit"}) {
            assertTrue(out.contains("\n  " + board + " {\"storageLength\":"), board + " in " + out);
        }
        assertTrue(out.contains("\n  doc-exhaustion {\"storageLength\":266,\"regionSize\":96,"), out);
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

    /** A command that fails the way a bug of invs would. */
    @picocli.CommandLine.Command(name = "broken")
    static final class Broken implements java.util.concurrent.Callable<Integer> {
        private final Throwable failure;

        @picocli.CommandLine.Parameters(arity = "0..*")
        private java.util.List<String> ignored;

        Broken(Throwable failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            if (failure instanceof Error error) {
                throw error;
            }
            throw (Exception) failure;
        }
    }

    @Test
    void anInternalErrorHasItsOwnExitCodeAndOneLineNamingTheStackTraceFile() throws java.io.IOException {
        int[] code = new int[1];
        String err = captureErr(() -> code[0] = Main.run(new Broken(new IllegalStateException("the impossible")), "x"));
        assertEquals(Main.INTERNAL, code[0]);
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.startsWith("invs: internal error: java.lang.IllegalStateException: the impossible (stack trace in "),
                err);
        java.nio.file.Path file = java.nio.file.Path.of(err.strip().replaceFirst("^.*\\(stack trace in ", "")
                .replaceFirst("\\)$", ""));
        String trace = java.nio.file.Files.readString(file);
        assertTrue(trace.contains("arguments: [x]") && trace.contains("IllegalStateException: the impossible\n\tat "), trace);
        java.nio.file.Files.delete(file);
    }

    @Test
    void runningOutOfMemoryIsAnInternalErrorThatSaysWhatToDo() throws java.io.IOException {
        int[] code = new int[1];
        String err = captureErr(() -> code[0] = Main.run(new Broken(new OutOfMemoryError("Java heap space"))));
        assertEquals(Main.INTERNAL, code[0]);
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.startsWith("invs: out of memory (java.lang.OutOfMemoryError: Java heap space); give Java more"
                + " memory, for example INVS_JAVA_OPTS=-Xmx4g"), err);
        assertTrue(err.contains("(stack trace in "), err);
        java.nio.file.Path file = java.nio.file.Path.of(err.strip().replaceFirst("^.*\\(stack trace in ", "")
                .replaceFirst("\\)$", ""));
        assertTrue(java.nio.file.Files.deleteIfExists(file), "the stack trace was saved in " + file);
    }

    @Test
    void controlCharactersInAUserErrorAreEscaped() {
        int[] code = new int[1];
        String err = captureErr(() -> code[0] = Main.run("replay", "no\u001b[2Jsuch\nfile"));
        assertEquals(Main.USAGE, code[0]);
        assertEquals("invs: no\\u001b[2Jsuch\\nfile: no such file", err.strip());
    }

    @Test
    void replayNamesTheFindingsPropertyWithItsArticle() throws java.io.IOException {
        java.nio.file.Path trace = java.nio.file.Files.createTempFile("invs-isolation", ".jsonl");
        try {
            java.nio.file.Files.writeString(trace, invs.conformance.trace.TraceCodec.format(invs.conformance.trace.Trace.ofInputs(
                    invs.conformance.trace.TraceHeader.of(invs.spec.Configuration.defaults(invs.spec.Profile.DOC), 0, "hand")
                            .withProperty("isolation").withSubject(1), io.vavr.collection.Vector.of(new invs.spec.Tick()))));
            int[] code = new int[1];
            String out = captureOut(() -> code[0] = Main.run("replay", trace.toString()));
            assertEquals(0, code[0], out);
            assertTrue(out.startsWith("replaying " + trace + " (1 step, an isolation finding) on "), out);
        } finally {
            java.nio.file.Files.deleteIfExists(trace);
        }
    }

    @Test
    void serverOptionsWithoutAServerAreAUsageError() {
        for (String[] args : new String[][] {{"--sut-fresh"}, {"--sut-no-pipelining"}, {"--sut-no-extensions"}, {"--sut-timeout", "1s"}, {"--sut-start-timeout", "1s"}}) {
            int[] code = new int[1];
            String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("fuzz", "--tries", "1"),
                    java.util.Arrays.stream(args)).toArray(String[]::new);
            String err = captureErr(() -> code[0] = Main.run(all));
            assertEquals(Main.USAGE, code[0], err);
            assertEquals("invs: " + args[0] + " applies to a server: it needs --sut-command", err.strip());
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

    @Test
    void anArgumentAfterTheEndOfOptionsIsNotCalledAnUnknownOption() {
        int[] code = new int[1];
        String err = captureErr(() -> code[0] = Main.run("fuzz", "--tries", "1", "--", "--time", "3s"));
        assertEquals(Main.USAGE, code[0]);
        assertEquals("invs: unexpected arguments after '--' (the end of options): '--time', '3s' (see 'invs fuzz --help')",
                err.strip());
        String before = captureErr(() -> code[0] = Main.run("fuzz", "--bogus", "--", "x"));
        assertTrue(before.startsWith("invs: Unknown options: '--bogus'"), before);
        String repeated = captureErr(() -> code[0] = Main.run("fuzz", "--bogus", "--", "--bogus"));
        assertTrue(repeated.startsWith("invs: Unknown options: '--bogus', '--bogus'"), "one before '--': " + repeated);
        String value = captureErr(() -> code[0] = Main.run("fuzz", "--jazzer-arg", "--", "--bogus"));
        assertTrue(value.startsWith("invs: Unknown option: '--bogus'"), "'--' as an option's value ends nothing: " + value);
    }

    @Test
    void outputThatCannotBeWrittenIsAUsageErrorNotASuccess() throws Exception {
        Process full = new ProcessBuilder("bash", "-c", ChildJava.command(Main.class.getName(), "systems") + " > /dev/full")
                .redirectErrorStream(true).start();
        String said = new String(full.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(Main.USAGE, full.waitFor(), said);
        assertEquals("invs: the standard output could not be written (a full disk or a closed pipe): what the command"
                + " showed there is lost", said.strip());
    }
}
