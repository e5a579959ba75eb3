package invs.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code ./invs} command shown in a code block of README.md or docs/*.md runs from the repository
 * root through the real launcher and exits 0 (success) or 1 (a finding), never 2 (a usage error) and
 * never with an internal error. Long runs are capped by appending options that take the last value
 * ({@code --time 2s} for campaigns, {@code --depth 3} for explore); commands that need input are given
 * none. Commands with placeholders (a word in capitals such as {@code TRACE}, or {@code my-server}) are
 * templates, not commands: they are listed, counted and must stay few.
 */
class DocumentedCommandsIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern PLACEHOLDER = Pattern.compile("(^|[\\s'\"/])([A-Z][A-Z_]{2,}(\\.[a-z]+)?|my-server|server\\.py)($|[\\s'\"])");

    record Documented(Path file, int line, String command) {
        @Override
        public String toString() {
            return ROOT.relativize(file) + ":" + line + ": " + command;
        }
    }

    static List<Documented> documentedCommands() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<Documented> commands = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            boolean inBlock = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("```")) {
                    inBlock = !inBlock;
                    continue;
                }
                if (inBlock && line.startsWith("./invs")) {
                    String command = line.replaceAll("\\s+#.*$", "").strip();
                    commands.add(new Documented(file, i + 1, command));
                }
            }
        }
        return commands;
    }

    static boolean isTemplate(Documented documented) {
        return PLACEHOLDER.matcher(documented.command()).find();
    }

    @Test
    void theDocumentsShowManyCommandsAndFewTemplates() throws IOException {
        List<Documented> all = documentedCommands();
        List<Documented> templates = all.stream().filter(DocumentedCommandsIT::isTemplate).toList();
        System.out.println("templates, not run: " + templates);
        assertTrue(all.size() >= 20, "only " + all.size() + " documented commands found");
        assertTrue(templates.size() <= 6, "too many templates: " + templates);
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedCommandRuns() throws IOException {
        return documentedCommands().stream().filter(documented -> !isTemplate(documented))
                .map(documented -> DynamicTest.dynamicTest(documented.toString(), () -> run(documented)));
    }

    private static void run(Documented documented) throws Exception {
        String command = documented.command();
        if (command.startsWith("./invs fuzz") && !command.contains("--help")) {
            command += command.contains("--guided") ? " --time 8s" : " --time 2s";
        }
        if (command.startsWith("./invs explore") && !command.contains("--help")) {
            command += " --depth 3";
        }
        Path log = Files.createTempFile("invs-doc-command", ".log");
        Process process = new ProcessBuilder("bash", "-c", command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        boolean finished = process.waitFor(240, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        Files.deleteIfExists(log);
        assertTrue(finished, documented + " did not finish in 240 s:\n" + output);
        int code = process.exitValue();
        assertTrue(code == 0 || code == Main.FINDING, documented + " exited " + code + ":\n" + output);
        assertFalse(output.contains("internal error"), documented + " hit an internal error:\n" + output);
    }
}
