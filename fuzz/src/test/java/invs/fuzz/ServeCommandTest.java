package invs.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServeCommandTest {
    private static final String SESSION = String.join("\n",
            "{\"type\":\"hello\",\"id\":1,\"protocol\":1,\"client\":\"test\"}",
            "{\"type\":\"reset\",\"id\":2,\"configuration\":{\"storageLength\":8192,\"regionSize\":2048,"
                    + "\"transferLimit\":null,\"addressWidth\":32,\"profile\":\"doc\",\"apps\":[{\"name\":\"alpha\","
                    + "\"shortId\":\"0x00001001\",\"permissions\":{\"kind\":\"self-only\",\"id\":\"0x00001001\"}}]}}",
            "{\"type\":\"input\",\"id\":3,\"input\":{\"kind\":\"subscribe\",\"app\":0,\"number\":0}}",
            "{\"type\":\"input\",\"id\":4,\"input\":{\"kind\":\"command\",\"app\":0,\"number\":1,\"arg1\":0,\"arg2\":0}}",
            "{\"type\":\"input\",\"id\":5,\"input\":{\"kind\":\"drain\"}}",
            "{\"type\":\"input\",\"id\":6,\"input\":{\"kind\":\"yield\",\"app\":0}}",
            "{\"type\":\"bye\",\"id\":7}") + "\n";

    @Test
    void serveAnswersEachRequestOnOneLine() {
        CommandRun run = CommandRun.withInput(SESSION, "serve");
        assertEquals(0, run.exit(), run.toString());
        List<String> replies = run.out().lines().toList();
        assertEquals(7, replies.size(), run.out());
        assertEquals("{\"type\":\"hello\",\"id\":1,\"protocol\":1,\"server\":\"invs 0.1.0 serving reference\","
                + "\"capabilities\":[\"tick\",\"drain\",\"reboot\",\"torn-reboot\",\"restart\",\"flash-fault\"],"
                + "\"pipelining\":256}", replies.get(0));
        assertEquals("{\"type\":\"ready\",\"id\":2}", replies.get(1));
        assertEquals("{\"type\":\"observation\",\"id\":4,\"observation\":{\"kind\":\"success\"}}", replies.get(3));
        assertEquals("{\"type\":\"observation\",\"id\":5,\"observation\":{\"kind\":\"quiet\"}}", replies.get(4));
        assertEquals("{\"type\":\"observation\",\"id\":6,\"observation\":{\"kind\":\"yielded\",\"upcall\":{\"number\":0,"
                + "\"status\":0,\"arg1\":2048,\"arg2\":0},\"buffer\":\"\"}}", replies.get(5));
        assertEquals("{\"type\":\"bye\",\"id\":7}", replies.get(6));
        assertEquals("", run.err());
    }

    @Test
    void aClientThatTakesNoRepliesEndsServeWithAOneLineError() throws Exception {
        java.nio.file.Path full = java.nio.file.Path.of("/dev/full");
        assertTrue(java.nio.file.Files.exists(full), "this test needs Linux's /dev/full");
        Process process = new ProcessBuilder("sh", "-c", ChildJava.serve() + " > /dev/full").start();
        try (var requests = process.getOutputStream()) {
            requests.write(SESSION.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException serverGone) {
            // it may have stopped reading already: what it says is the test
        }
        String err = new String(process.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "serve ended");
        assertEquals(Main.USAGE, process.exitValue(), err);
        assertEquals("invs: the conversation with the client broke off: the client no longer takes replies (standard"
                + " output closed, broken or full)", err.strip());
    }

    @Test
    void serveCanServeAMutant() {
        CommandRun run = CommandRun.withInput(SESSION, "serve", "--mutant", "size-counts-header");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("\"arg1\":2060"), run.out());
        assertTrue(run.out().contains("serving mutant-size-counts-header"), run.out());
    }

    @Test
    void serveTakesNoOptionOfAServer() {
        CommandRun run = CommandRun.of("serve", "--sut-command", "cat");
        assertEquals(Main.USAGE, run.exit());
        assertTrue(run.errLine().startsWith("invs: Unknown options: '--sut-command', 'cat'"), run.errLine());
        for (String option : new String[] {"--sut-start-timeout=1s", "--sut-fresh", "--sut-no-pipelining",
                "--sut-no-extensions"}) {
            CommandRun refused = CommandRun.of("serve", option);
            assertEquals(Main.USAGE, refused.exit(), option);
            assertTrue(refused.errLine().startsWith("invs: Unknown option: '" + option + "'"), refused.errLine());
        }
        String help = CommandRun.of("serve", "--help").out();
        assertTrue(help.contains("--mutant=NAME") && help.contains("--sut=NAME") && help.contains("--sut-timeout="), help);
        assertFalse(help.lines().anyMatch(line -> line.strip().matches("--sut-(command|start-timeout|fresh|no-).*")), help);
        // --sut-timeout bounds the Tock capsule's harness, which serve can serve; without it, it is refused
        CommandRun alone = CommandRun.of("serve", "--sut-timeout", "5s");
        assertEquals(Main.USAGE, alone.exit());
        assertEquals("invs: --sut-timeout bounds the answers of the Tock capsule's harness here: it needs --sut"
                + " tock-capsule", alone.errLine());
    }

    @Test
    void systemsListsTheProvidersAndTheZoo() {
        CommandRun run = CommandRun.of("systems");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("\n  reference "), run.out());
        assertTrue(run.out().contains("\n  size-counts-header "), run.out());
        assertTrue(run.out().contains("--sut-command"), run.out());
    }
}
