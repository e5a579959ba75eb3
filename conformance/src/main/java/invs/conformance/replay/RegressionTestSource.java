package invs.conformance.replay;

import invs.conformance.campaign.Finding;
import invs.conformance.check.Property;

import invs.conformance.trace.Trace;
import invs.spec.AddressWidth;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.App;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.ShortId;
import invs.spec.StoragePermissions;
import invs.spec.Subscribe;
import invs.spec.Tick;
import invs.spec.Unsubscribe;
import invs.spec.Yield;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import javax.lang.model.SourceVersion;
import java.util.Locale;

/**
 * Turns a trace (usually a shrunk finding) into a JUnit 5 test: a method to paste into a test class, or
 * a whole class. The test builds the configuration and the inputs in Java and asserts with
 * {@code invs.conformance.junit.ConformanceAssertions} that the system conforms, so it fails while the
 * bug is there and passes once it is fixed. Text from the trace is written as {@link JavaSyntax} says, so
 * javac reads it as that text and nothing else; a trace too large for a class file is refused
 * ({@link #tooLarge}).
 */
public final class RegressionTestSource {
    /** The imports an emitted method needs. */
    public static final Vector<String> IMPORTS = Vector.of(
            "invs.conformance.junit.ConformanceAssertions",
            "invs.spec.*",
            "io.vavr.collection.Vector",
            "io.vavr.control.Option",
            "org.junit.jupiter.api.Test");
    /**
     * The most steps a test holds. With at most {@value #STEPS_PER_METHOD} inputs a method, its code stays
     * far below the 64 KiB a Java method may have, and with at most six constants a step (fewer for all but a
     * command), the class's constants stay below the 65,535 a class file may have.
     */
    public static final int MAX_STEPS = 5_000;
    /** The most bytes of {@code allow-ro} data a test holds, in all: 4 MiB. */
    public static final int MAX_DATA = 4 << 20;
    /** The most apps the configuration of a test may have. */
    public static final int MAX_APPS = 256;
    /** The most ids the read and modify permissions of the configuration of a test may list, in all. */
    public static final int MAX_IDS = 1_024;
    /** The most inputs one emitted method builds. */
    public static final int STEPS_PER_METHOD = 500;
    /** The simple names the emitted class uses: a class with one of them would hide the type it means. */
    private static final Set<String> USED_NAMES = HashSet.of("ConformanceAssertions", "Vector", "Option", "Test",
            "String", "Configuration", "Input", "AppId", "App", "ShortId", "StoragePermissions", "AddressWidth",
            "Profile", "Bytes", "Command", "AllowReadOnly", "AllowReadWrite", "Subscribe", "Unsubscribe", "Yield",
            "Tick", "Drain", "Reboot", "Restart", "FlashFault");
    /** The methods of {@code Object} without parameters, which a {@code void} test method cannot declare. */
    private static final Set<String> OBJECT_METHODS = HashSet.of("getClass", "hashCode", "toString", "clone",
            "finalize", "notify", "notifyAll", "wait");

    private RegressionTestSource() {
    }

    /**
     * A test method named {@code name} that replays {@code trace} on the systems made by
     * {@code factoryExpression} (Java source of a {@code SystemUnderTestFactory}, for example
     * {@code new invs.conformance.reference.ReferenceProvider()}). A trace of more than
     * {@value #STEPS_PER_METHOD} steps also gets private methods named {@code nameInputs1}, … that build
     * its inputs.
     *
     * @throws IllegalArgumentException when {@code name} cannot name the method
     *                                  ({@link #methodNameProblem}), {@code factoryExpression} is obviously
     *                                  not an expression ({@link JavaSyntax#expressionProblem}) or the trace
     *                                  is {@link #tooLarge}
     */
    public static String method(Trace trace, String name, String factoryExpression) {
        require(methodNameProblem(name).map(why -> "the method name '" + name + "' " + why));
        require(JavaSyntax.expressionProblem(factoryExpression).map(why -> "the factory expression: " + why));
        require(tooLarge(trace).map(why -> "the trace is too large for a test: " + why));
        var header = trace.header();
        StringBuilder text = new StringBuilder();
        text.append("    /**\n     * Regression test emitted by invs");
        header.property().forEach(property -> text.append(property.matches("[aeiou].*") ? " for an " : " for a ")
                .append(JavaSyntax.javadoc(property)).append(" finding"));
        text.append(String.format(" (seed 0x%016x", header.seed()));
        if (!header.system().isEmpty()) {
            text.append(", system ").append(JavaSyntax.javadoc(header.system()));
        }
        text.append(").\n");
        header.description().forEach(description -> {
            text.append("     * <pre>\n");
            for (String line : JavaSyntax.lines(description)) {
                text.append("     * ").append(JavaSyntax.javadoc(line)).append('\n');
            }
            text.append("     * </pre>\n");
        });
        text.append("     */\n");
        text.append("    @Test\n    void ").append(name).append("() {\n");
        text.append("        Configuration configuration = ").append(configuration(header.configuration())).append(";\n");
        Vector<Vector<Input>> parts = trace.inputs().grouped(STEPS_PER_METHOD).toVector();
        if (parts.size() <= 1) {
            text.append("        Vector<Input> inputs = ").append(inputs(trace.inputs())).append(";\n");
        } else {
            text.append("        Vector<Input> inputs = ").append(name).append("Inputs1()");
            for (int part = 2; part <= parts.size(); part++) {
                text.append("\n                .appendAll(").append(name).append("Inputs").append(part).append("())");
            }
            text.append(";\n");
        }
        boolean isolation = header.property().contains(Property.ISOLATION.label()) && header.subject().isDefined();
        if (isolation) {
            text.append("        ConformanceAssertions.assertIsolated(configuration, inputs, AppId.of(")
                    .append(header.subject().get()).append("), ").append(factoryExpression).append(");\n");
        } else {
            text.append("        ConformanceAssertions.assertConforms(configuration, inputs, ").append(factoryExpression)
                    .append(");\n");
        }
        text.append("    }\n");
        for (int part = 1; parts.size() > 1 && part <= parts.size(); part++) {
            text.append("\n    /** Steps ").append((part - 1) * STEPS_PER_METHOD + 1).append(" to ")
                    .append((part - 1) * STEPS_PER_METHOD + parts.get(part - 1).size()).append(" of ").append(name)
                    .append(". */\n    private static Vector<Input> ").append(name).append("Inputs").append(part)
                    .append("() {\n        return ").append(inputs(parts.get(part - 1))).append(";\n    }\n");
        }
        return text.toString();
    }

    /**
     * A whole test class {@code packageName.className} holding {@link #method} for {@code trace}.
     *
     * @throws IllegalArgumentException when a name cannot be used ({@link #classNameProblem},
     *                                  {@link JavaSyntax#isPackageName}), or as {@link #method} does
     */
    public static String testClass(Trace trace, String packageName, String className, String methodName,
                                   String factoryExpression) {
        require(classNameProblem(className).map(why -> "the class name '" + className + "' " + why));
        if (!packageName.isEmpty() && !JavaSyntax.isPackageName(packageName)) {
            throw new IllegalArgumentException("'" + packageName + "' is not a Java package name");
        }
        String method = method(trace, methodName, factoryExpression);
        StringBuilder text = new StringBuilder();
        if (!packageName.isEmpty()) {
            text.append("package ").append(packageName).append(";\n\n");
        }
        IMPORTS.forEach(name -> text.append("import ").append(name).append(";\n"));
        text.append("\n/** Regression tests emitted by invs. */\nclass ").append(className).append(" {\n");
        text.append(method);
        text.append("}\n");
        return text.toString();
    }

    /**
     * Why {@code trace} is too large for one test class, for example {@code 6000 steps, more than the 5000 a
     * test holds}; none if it fits: at most {@value #MAX_STEPS} steps, {@value #MAX_DATA} bytes of
     * {@code allow-ro} data, {@value #MAX_APPS} apps and {@value #MAX_IDS} read and modify ids.
     */
    public static Option<String> tooLarge(Trace trace) {
        long data = trace.inputs().map(input -> input instanceof AllowReadOnly allow ? (long) allow.data().length() : 0L)
                .sum().longValue();
        Vector<App> apps = trace.header().configuration().apps();
        int ids = apps.map(App::permissions).map(permissions -> permissions instanceof StoragePermissions.FixedSize fixed
                ? fixed.readIds().size() + fixed.modifyIds().size() : 0).sum().intValue();
        if (trace.length() > MAX_STEPS) {
            return Option.some(trace.length() + " steps, more than the " + MAX_STEPS + " a test holds");
        }
        if (data > MAX_DATA) {
            return Option.some(data + " bytes of allow-ro data, more than the 4 MiB a test holds");
        }
        if (apps.size() > MAX_APPS) {
            return Option.some(apps.size() + " apps, more than the " + MAX_APPS + " a test holds");
        }
        return ids > MAX_IDS ? Option.some(ids + " read and modify ids, more than the " + MAX_IDS + " a test holds")
                : Option.none();
    }

    /** Why {@code name} cannot name the emitted test class, for example {@code is a Java keyword}; none if it can. */
    public static Option<String> classNameProblem(String name) {
        if (USED_NAMES.contains(name)) {
            return Option.some("is a type the test uses");
        }
        return JavaSyntax.isClassName(name) ? Option.none() : Option.some(notAnIdentifier(name));
    }

    /** Why {@code name} cannot name the emitted test method; none if it can. */
    public static Option<String> methodNameProblem(String name) {
        if (OBJECT_METHODS.contains(name)) {
            return Option.some("is a method of Object");
        }
        return JavaSyntax.isMethodName(name) ? Option.none() : Option.some(notAnIdentifier(name));
    }

    private static String notAnIdentifier(String name) {
        return SourceVersion.isKeyword(name) || name.equals("_") ? "is a Java keyword"
                : SourceVersion.isIdentifier(name) ? "cannot name a class" : "is not a Java identifier";
    }

    private static void require(Option<String> problem) {
        problem.forEach(why -> {
            throw new IllegalArgumentException(why);
        });
    }

    private static String inputs(Vector<Input> inputs) {
        StringBuilder text = new StringBuilder("Vector.of(");
        for (int index = 0; index < inputs.size(); index++) {
            text.append("\n                ").append(input(inputs.get(index))).append(index + 1 < inputs.size() ? "," : "");
        }
        return text.append(')').toString();
    }

    /** A method name for a finding: its property, clause and seed, for example {@code lockstepSubscribe1Inval1a2b3c4d}. */
    public static String methodName(Finding finding) {
        String clause = finding.clause().map(c -> camel(c.name())).getOrElse("");
        return finding.property().label() + clause + String.format("%08x", (int) finding.seed());
    }

    /**
     * A method name for a finding of a scenario no seed made: the words of {@code scenario}, the property and
     * the clause, for example {@code invsSingleOnDocDefaultLockstepSubscribe0Success}.
     */
    public static String methodName(String scenario, Finding finding) {
        String words = camel(scenario.replaceAll("[^A-Za-z0-9]+", "_"));
        String name = (words.isEmpty() || !Character.isLetter(words.charAt(0)) ? "scenario" + words
                : Character.toLowerCase(words.charAt(0)) + words.substring(1))
                + camel(finding.property().label()) + finding.clause().map(c -> camel(c.name())).getOrElse("");
        return methodNameProblem(name).isEmpty() ? name : "scenario" + camel(name);
    }

    /** Java source that builds {@code configuration}. */
    public static String configuration(Configuration configuration) {
        StringBuilder text = new StringBuilder("new Configuration(").append(configuration.storageLength()).append("L, ")
                .append(configuration.regionSize()).append(", ")
                .append(configuration.transferLimit().map(limit -> "Option.some(" + limit + ")").getOrElse("Option.none()"))
                .append(", AddressWidth.").append(configuration.addressWidth() == AddressWidth.BITS_64 ? "BITS_64" : "BITS_32")
                .append(", Vector.of(");
        Vector<App> apps = configuration.apps();
        for (int index = 0; index < apps.size(); index++) {
            text.append("\n                ").append(app(apps.get(index))).append(index + 1 < apps.size() ? "," : "");
        }
        return text.append("), Profile.").append(configuration.profile().name()).append(')').toString();
    }

    private static String app(App app) {
        return "new App(" + JavaSyntax.stringLiteral(app.name()) + ", "
                + app.shortId().map(id -> "Option.some(" + shortId(id) + ")").getOrElse("Option.none()") + ", "
                + permissions(app.permissions()) + ")";
    }

    private static String permissions(StoragePermissions permissions) {
        return switch (permissions) {
            case StoragePermissions.SelfOnly(ShortId id) -> "new StoragePermissions.SelfOnly(" + shortId(id) + ")";
            case StoragePermissions.FixedSize fixed -> "new StoragePermissions.FixedSize(" + shortId(fixed.appId()) + ", "
                    + fixed.writePermission() + ", " + fixed.readModifySelf() + ", " + ids(fixed.readIds()) + ", "
                    + ids(fixed.modifyIds()) + ")";
            case StoragePermissions.NullPermissions none -> "new StoragePermissions.NullPermissions()";
            case StoragePermissions.KernelPermissions kernel -> "new StoragePermissions.KernelPermissions()";
        };
    }

    private static String ids(Vector<ShortId> ids) {
        return ids.isEmpty() ? "Vector.empty()" : "Vector.of(" + ids.map(RegressionTestSource::shortId).mkString(", ") + ")";
    }

    private static String shortId(ShortId id) {
        return String.format("ShortId.of(0x%xL)", id.unsigned());
    }

    /** Java source that builds {@code input}. */
    public static String input(Input input) {
        return switch (input) {
            case Command c -> String.format("new Command(AppId.of(%d), %d, 0x%xL, 0x%xL)", c.app().slot(), c.number(),
                    c.arg1(), c.arg2());
            case AllowReadOnly a -> "new AllowReadOnly(AppId.of(" + a.app().slot() + "), " + a.number() + ", "
                    + "Bytes.fromHex(" + JavaSyntax.longStringLiteral(a.data().toHex()) + "))";
            case AllowReadWrite a -> "new AllowReadWrite(AppId.of(" + a.app().slot() + "), " + a.number() + ", "
                    + a.length() + ")";
            case Subscribe s -> "new Subscribe(AppId.of(" + s.app().slot() + "), " + s.number() + ")";
            case Unsubscribe u -> "new Unsubscribe(AppId.of(" + u.app().slot() + "), " + u.number() + ")";
            case Yield y -> "new Yield(AppId.of(" + y.app().slot() + "))";
            case Tick t -> "new Tick()";
            case Drain d -> "new Drain()";
            case Reboot r -> "new Reboot(" + r.tornBytes() + ")";
            case Restart r -> "new Restart(AppId.of(" + r.app().slot() + "))";
            case FlashFault f -> "new FlashFault()";
        };
    }

    private static String camel(String name) {
        StringBuilder text = new StringBuilder();
        for (String part : name.toLowerCase(Locale.ROOT).split("_")) {
            if (!part.isEmpty()) {
                text.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return text.toString();
    }
}
