package invs.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The collector the {@code ./invs} launcher gives Java ({@code scripts/find-jdk.sh}): the serial one for
 * {@code invs serve}, and for every command on a machine of at most two processors, else Java's own choice;
 * a collector chosen in {@code INVS_JAVA_OPTS}, {@code JAVA_TOOL_OPTIONS} or {@code JDK_JAVA_OPTIONS} is
 * used instead, and the launcher adds none (Java refuses to start with two). Each run logs the collector
 * Java uses ({@code -Xlog:gc}). Options Java refuses to start with are a usage error of the launcher's. Jars
 * and directories in {@code INVS_CLASSPATH} come after invs's own on the class path.
 */
class LauncherJavaOptionsIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern USING = Pattern.compile("\\[gc *\\] Using (.+)");

    @Test
    void serveRunsWithTheSerialCollector() throws Exception {
        assertEquals("Serial", collector(launched("serve --help", Map.of("INVS_JAVA_OPTS", "-Xlog:gc:stderr"))));
    }

    @Test
    void otherCommandsRunWithTheSerialCollectorOnTwoProcessorsOrFewerElseWithJavasOwn() throws Exception {
        String expected = processors() <= 2 ? "Serial" : collector(javasOwnChoice());
        assertEquals(expected, collector(launched("fuzz --help", Map.of("INVS_JAVA_OPTS", "-Xlog:gc:stderr"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"INVS_JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"})
    void aCollectorChosenInTheEnvironmentIsUsedForServeAndTheRest(String variable) throws Exception {
        Map<String, String> environment = Map.of(variable, "-XX:+UseParallelGC -Xlog:gc:stderr");
        assertEquals("Parallel", collector(launched("serve --help", environment)));
        assertEquals("Parallel", collector(launched("fuzz --help", environment)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"INVS_JAVA_OPTS=-XX:+Bogus", "INVS_JAVA_OPTS=-Xmx1k", "JAVA_TOOL_OPTIONS=-XX:+Bogus",
            "JDK_JAVA_OPTIONS=-XX:+Bogus"})
    void optionsJavaRefusesAreAUsageErrorNotAFinding(String setting) throws Exception {
        // Java's own status for options it refuses is 1, which means a finding to whoever runs invs; and
        // options Java refuses must not hide the JDK from the launcher's search ("no JDK 21 or newer found")
        String options = setting.substring(setting.indexOf('=') + 1);
        Map<String, String> environment = Map.of(setting.substring(0, setting.indexOf('=')), options);
        String output = run(new ProcessBuilder("bash", "-c", "./invs systems"), environment, "./invs systems", 2);
        // (after the launcher's notice when it first builds the command line)
        java.util.List<String> lines = output.strip().lines()
                .filter(line -> !line.startsWith("invs: building the command line")).toList();
        assertEquals(1, lines.size(), output);
        assertTrue(lines.get(0).startsWith("invs: Java does not start with the options INVS_JAVA_OPTS, JAVA_TOOL_OPTIONS and"
                + " JDK_JAVA_OPTIONS give it: "), output);
        assertTrue(output.contains(options.equals("-Xmx1k") ? "Too small maximum heap" : "Unrecognized VM option 'Bogus'"),
                output);
    }

    @Test
    void jarsInInvsClasspathAreOnTheClassPathOfWhatInvsRuns() throws Exception {
        Path extra = Files.createTempDirectory("invs-classpath");
        try {
            Path services = Files.createDirectories(extra.resolve("META-INF").resolve("services"));
            Files.writeString(services.resolve("invs.conformance.sut.SystemUnderTestProvider"), RenamedReference.class.getName());
            String classPath = extra + ":" + ROOT.resolve("fuzz").resolve("target").resolve("test-classes");
            assertTrue(launched("systems", Map.of("INVS_CLASSPATH", classPath)).contains("renamed-reference"));
            String replayed = launched("replay fuzz/examples/write-read.jsonl --sut renamed-reference",
                    Map.of("INVS_CLASSPATH", classPath));
            assertTrue(replayed.contains("conforms"), replayed);
            String without = run(new ProcessBuilder("bash", "-c", "./invs replay fuzz/examples/write-read.jsonl --sut"
                    + " renamed-reference"), Map.of(), "./invs replay --sut renamed-reference", 2);
            assertTrue(without.contains("no system under test called 'renamed-reference' on the class path; 'invs systems'"
                    + " lists them (INVS_CLASSPATH=your.jar ./invs … adds yours)"), without);
        } finally {
            try (var files = Files.walk(extra)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    /** The output of {@code ./invs ARGUMENTS} with {@code environment} added, which must exit 0. */
    private static String launched(String arguments, Map<String, String> environment) throws Exception {
        return run(new ProcessBuilder("bash", "-c", "./invs " + arguments), environment, "./invs " + arguments);
    }

    /** What Java logs choosing its collector on this machine, given no option. */
    private static String javasOwnChoice() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return run(new ProcessBuilder(java, "-Xlog:gc:stderr", "-version"), Map.of(), "java -version");
    }

    private static int processors() throws Exception {
        return Integer.parseInt(run(new ProcessBuilder("getconf", "_NPROCESSORS_ONLN"), Map.of(), "getconf").strip());
    }

    private static String run(ProcessBuilder builder, Map<String, String> environment, String shown) throws Exception {
        return run(builder, environment, shown, 0);
    }

    /** The output of {@code builder}'s process with {@code environment} added, which must exit with {@code status}. */
    private static String run(ProcessBuilder builder, Map<String, String> environment, String shown, int status)
            throws Exception {
        Path log = Files.createTempFile("invs-launcher", ".log");
        try {
            builder.environment().remove("INVS_JAVA_OPTS");
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            builder.environment().remove("JDK_JAVA_OPTIONS");
            builder.environment().remove("INVS_CLASSPATH");
            builder.environment().putAll(environment);
            Process process = builder.directory(ROOT.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            boolean finished = process.waitFor(240, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(finished, shown + " did not finish in 240 s:\n" + output);
            assertEquals(status, process.exitValue(), shown + " with " + environment + ":\n" + output);
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The collector a run's log names (Serial, Parallel, G1, ...). */
    private static String collector(String output) {
        Matcher using = USING.matcher(output);
        assertTrue(using.find(), "no collector logged:\n" + output);
        String name = using.group(1).strip();
        return name.startsWith("The Z") ? "ZGC" : name;
    }
}
