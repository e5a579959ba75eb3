package invs.conformance.replay;

import invs.conformance.board.NamedConfiguration;
import invs.conformance.board.StandardConfigurations;
import invs.conformance.campaign.Finding;
import invs.conformance.check.Property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.trace.Trace;
import invs.conformance.trace.TraceCodec;
import invs.conformance.trace.TraceHeader;
import invs.spec.AllowReadOnly;
import invs.spec.App;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.Input;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

class RegressionTestSourceTest {
    private static final String MUTANT = "invs.conformance.zoo.Zoo.named(\"size-counts-header\").get()";
    private static final String REFERENCE = "new invs.conformance.reference.ReferenceProvider()";

    /** Compiles the emitted class and runs its test method; returns what it threw, or null. */
    private static Throwable compileAndRun(String source, Path directory) throws Exception {
        return compileAndRun(source, directory, "EmittedRegressionTest", "sizeCountsHeader");
    }

    /** Compiles the class {@code emitted.className} and runs its method {@code methodName}; returns what it threw, or null. */
    private static Throwable compileAndRun(String source, Path directory, String className, String methodName)
            throws Exception {
        return run(compile(source, directory, "emitted." + className), methodName);
    }

    /** Runs the test method {@code methodName} of {@code emitted}; returns what it threw, or null. */
    private static Throwable run(Class<?> emitted, String methodName) throws Exception {
        var constructor = emitted.getDeclaredConstructor();
        constructor.setAccessible(true);
        Object instance = constructor.newInstance();
        Method method = emitted.getDeclaredMethod(methodName);
        method.setAccessible(true);
        assertTrue(method.isAnnotationPresent(org.junit.jupiter.api.Test.class));
        try {
            method.invoke(instance);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
    }

    /** Compiles {@code source}, the class {@code name}, with javac, asserting it compiles, and loads it. */
    static Class<?> compile(String source, Path directory, String name) throws Exception {
        Path file = directory.resolve(name.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = compiler.run(null, null, errors, "-encoding", "UTF-8", "-classpath",
                System.getProperty("java.class.path"), "-d", directory.toString(), file.toString());
        String shown = source.length() > 4000 ? source.substring(0, 4000) + "…" : source;
        assertEquals(0, status, errors + "\n" + shown);
        URLClassLoader loader = new URLClassLoader(new URL[] {directory.toUri().toURL()},
                RegressionTestSourceTest.class.getClassLoader());
        return loader.loadClass(name);
    }

    @Test
    void anEmittedTestFailsOnTheBugAndPassesOnTheReference(@TempDir Path directory) throws Exception {
        Trace trace = ReplayTest.resource("size-counts-header.jsonl");
        Throwable failure = compileAndRun(RegressionTestSource.testClass(trace, "emitted", "EmittedRegressionTest",
                "sizeCountsHeader", MUTANT), directory.resolve("mutant"));
        assertInstanceOf(AssertionFailedError.class, failure);
        assertTrue(failure.getMessage().contains("SUBSCRIBE_0_SUCCESS"), failure.getMessage());
        assertEquals(null, compileAndRun(RegressionTestSource.testClass(trace, "emitted", "EmittedRegressionTest",
                "sizeCountsHeader", REFERENCE), directory.resolve("reference")));
    }

    @Test
    void everyInputAndConfigurationIsWrittenAsJava() {
        var trace = ReplayTest.resource("write-then-read.jsonl");
        String method = RegressionTestSource.method(trace, "writeThenRead", REFERENCE);
        assertTrue(method.contains("@Test\n    void writeThenRead() {"), method);
        assertTrue(method.contains("new AllowReadOnly(AppId.of(0), 0, Bytes.fromHex(\"c0ffee00\"))"), method);
        assertTrue(method.contains("new Command(AppId.of(0), 2, 0x64L, 0x0L)"), method);
        assertTrue(method.contains("ConformanceAssertions.assertConforms(configuration, inputs, " + REFERENCE + ");"));
        Configuration permissions = StandardConfigurations.docPermissions().configuration();
        assertTrue(RegressionTestSource.configuration(permissions).contains(
                "new StoragePermissions.FixedSize(ShortId.of(0x2002L), true, false, Vector.of(ShortId.of(0x2002L)), Vector.empty())"));
    }

    @Test
    void methodNamesComeFromTheFinding() {
        Trace trace = ReplayTest.resource("size-counts-header.jsonl");
        var violation = new invs.conformance.check.Violation(Property.LOCKSTEP,
                Option.some(invs.spec.Clause.SUBSCRIBE_0_SUCCESS), 0, trace.inputs().head(),
                Option.none(), "", Option.none());
        Finding finding = new Finding(violation, invs.conformance.check.Checks.online(), 0x1234_5678_9abc_def0L,
                "doc-default", 10, trace, java.time.Duration.ZERO, java.time.Duration.ZERO, 1,
                Option.none(), "try 0", invs.conformance.generation.Swarm.everything());
        assertEquals("lockstepSubscribe0Success9abcdef0", RegressionTestSource.methodName(finding));
        assertThrows(IllegalArgumentException.class, () -> new NamedConfiguration(" ", trace.header().configuration()));
    }

    /** What javac would read as code or comment in {@code source}: everything but string and character literals. */
    private static String outsideLiterals(String source) {
        StringBuilder text = new StringBuilder();
        char state = 'c';
        for (int index = 0; index < source.length(); index++) {
            char c = source.charAt(index);
            String rest = source.substring(index, Math.min(source.length(), index + 2));
            if (state == 'c' && (c == '"' || c == '\'')) {
                state = c;
            } else if (state == '"' || state == '\'') {
                index += c == '\\' ? 1 : 0;
                state = c == state ? 'c' : state;
            } else {
                text.append(c);
                if (state == 'c' && rest.equals("/*")) {
                    state = '*';
                    text.append(source.charAt(++index));
                } else if (state == '*' && rest.equals("*/")) {
                    state = 'c';
                    text.append(source.charAt(++index));
                }
            }
        }
        return text.toString();
    }

    /** {@code text} without its control characters, which an app's name may not hold. */
    private static String nameOf(String text) {
        StringBuilder name = new StringBuilder();
        text.chars().filter(c -> !Character.isISOControl(c)).forEach(c -> name.append((char) c));
        return name.toString();
    }

    @Test
    void textFromTheTraceStaysTextWhateverItHolds(@TempDir Path directory) throws Exception {
        String close = "\\u002a\\u002f";
        String hostile = "x " + close + " int injected; /* */ \\ \\\\u002a \" \r\n\u0000\u0001\u007f\u0085\u2028 \ud800 " + close;
        Trace base = ReplayTest.resource("write-then-read.jsonl");
        Configuration board = base.header().configuration();
        Configuration renamed = new Configuration(board.storageLength(), board.regionSize(), board.transferLimit(),
                board.addressWidth(), board.apps().map(app -> new App(nameOf(hostile) + app.name(), app.shortId(),
                app.permissions())), board.profile());
        Trace trace = new Trace(new TraceHeader(TraceCodec.VERSION, renamed, 7, hostile, Option.some(hostile),
                Option.none(), Option.some(hostile + "\n" + hostile)), base.steps());
        String source = RegressionTestSource.testClass(trace, "emitted", "HostileTest", "hostile", REFERENCE);
        assertFalse(outsideLiterals(source).contains("\\"), source);
        assertTrue(source.contains("x &#92;u002a&#92;u002f int injected; /* *&#47; &#92; &#92;&#92;u002a"), source);
        Class<?> emitted = compile(source, directory, "emitted.HostileTest");
        assertEquals(null, run(emitted, "hostile"));
        assertEquals(0, emitted.getDeclaredFields().length);
        assertEquals(List.of("hostile"), Arrays.stream(emitted.getDeclaredMethods()).map(Method::getName).toList());
        String board2 = "package emitted;\nimport invs.spec.*;\nimport io.vavr.collection.Vector;\nimport io.vavr.control.Option;\n"
                + "public class Board {\n    public static Configuration get() {\n        return "
                + RegressionTestSource.configuration(renamed) + ";\n    }\n}\n";
        assertEquals(renamed, compile(board2, directory.resolve("board"), "emitted.Board").getMethod("get").invoke(null));
    }

    @Test
    void largeDataAndLongTracesStillCompile(@TempDir Path directory) throws Exception {
        Trace base = ReplayTest.resource("write-then-read.jsonl");
        Vector<Input> inputs = Vector.<Input>of(new AllowReadOnly(AppId.of(0), 0, Bytes.filled(40 << 10, 0xab)))
                .appendAll(Vector.range(1, RegressionTestSource.MAX_STEPS).map(step -> new Command(AppId.of(0), 0,
                        step * 7919L, 0x8000_0000L + step)));
        Trace trace = Trace.ofInputs(base.header(), inputs);
        String source = RegressionTestSource.testClass(trace, "emitted", "LongTest", "longTrace", REFERENCE);
        assertEquals(null, compileAndRun(source, directory, "LongTest", "longTrace"));
        assertTrue(source.contains("Bytes.fromHex(String.join(\"\",\n"), source.substring(0, 3000));
        assertTrue(source.contains("longTraceInputs1()\n                .appendAll(longTraceInputs2())"));
        assertTrue(source.contains("private static Vector<Input> longTraceInputs10() {"));
        Trace tooLong = Trace.ofInputs(base.header(), inputs.append(new Drain()));
        assertEquals(Option.some("5001 steps, more than the 5000 a test holds"), RegressionTestSource.tooLarge(tooLong));
        assertThrows(IllegalArgumentException.class, () -> RegressionTestSource.method(tooLong, "longTrace", REFERENCE));
        Trace tooMuchData = Trace.ofInputs(base.header(), Vector.fill(5, new AllowReadOnly(AppId.of(0), 0,
                Bytes.filled(1 << 20, 1))));
        assertEquals(Option.some("5242880 bytes of allow-ro data, more than the 4 MiB a test holds"),
                RegressionTestSource.tooLarge(tooMuchData));
    }

    @Test
    void namesThatCannotCompileAreRefused() {
        assertEquals(Option.some("is a Java keyword"), RegressionTestSource.classNameProblem("class"));
        assertEquals(Option.some("cannot name a class"), RegressionTestSource.classNameProblem("var"));
        assertEquals(Option.some("is a type the test uses"), RegressionTestSource.classNameProblem("Test"));
        assertEquals(Option.some("is not a Java identifier"), RegressionTestSource.classNameProblem("2bad"));
        assertEquals(Option.none(), RegressionTestSource.classNameProblem("FindingRegressionTest"));
        assertEquals(Option.some("is a method of Object"), RegressionTestSource.methodNameProblem("wait"));
        assertEquals(Option.some("is a Java keyword"), RegressionTestSource.methodNameProblem("_"));
        assertEquals(Option.none(), RegressionTestSource.methodNameProblem("record"));
        Trace trace = ReplayTest.resource("write-then-read.jsonl");
        assertThrows(IllegalArgumentException.class, () -> RegressionTestSource.testClass(trace, "", "class", "m", REFERENCE));
        assertThrows(IllegalArgumentException.class, () -> RegressionTestSource.testClass(trace, "a.if", "C", "m", REFERENCE));
        assertThrows(IllegalArgumentException.class, () -> RegressionTestSource.method(trace, "m", "\"unterminated"));
    }
}
