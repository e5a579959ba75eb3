package invs.conformance.replay;

import invs.conformance.board.NamedConfiguration;
import invs.conformance.board.StandardConfigurations;
import invs.conformance.campaign.Finding;
import invs.conformance.check.Property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.trace.Trace;
import invs.spec.Configuration;
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

class RegressionTestSourceTest {
    private static final String MUTANT = "invs.conformance.zoo.Zoo.named(\"size-counts-header\").get()";
    private static final String REFERENCE = "new invs.conformance.reference.ReferenceProvider()";

    /** Compiles the emitted class and runs its test method; returns what it threw, or null. */
    private static Throwable compileAndRun(String source, Path directory) throws Exception {
        Path file = directory.resolve("emitted/EmittedRegressionTest.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = compiler.run(null, null, errors, "-classpath", System.getProperty("java.class.path"),
                "-d", directory.toString(), file.toString());
        assertEquals(0, status, errors + "\n" + source);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {directory.toUri().toURL()},
                RegressionTestSourceTest.class.getClassLoader())) {
            Class<?> emitted = loader.loadClass("emitted.EmittedRegressionTest");
            var constructor = emitted.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object instance = constructor.newInstance();
            Method method = emitted.getDeclaredMethod("sizeCountsHeader");
            method.setAccessible(true);
            assertTrue(method.isAnnotationPresent(org.junit.jupiter.api.Test.class));
            try {
                method.invoke(instance);
                return null;
            } catch (InvocationTargetException e) {
                return e.getCause();
            }
        }
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
                io.vavr.control.Option.some(invs.spec.Clause.SUBSCRIBE_0_SUCCESS), 0, trace.inputs().head(),
                io.vavr.control.Option.none(), "", io.vavr.control.Option.none());
        Finding finding = new Finding(violation, invs.conformance.check.Checks.online(), 0x1234_5678_9abc_def0L,
                "doc-default", 10, trace, java.time.Duration.ZERO, java.time.Duration.ZERO, 1,
                io.vavr.control.Option.none(), "try 0", invs.conformance.generation.Swarm.everything());
        assertEquals("lockstepSubscribe0Success9abcdef0", RegressionTestSource.methodName(finding));
        assertThrows(IllegalArgumentException.class, () -> new NamedConfiguration(" ", trace.header().configuration()));
    }
}
