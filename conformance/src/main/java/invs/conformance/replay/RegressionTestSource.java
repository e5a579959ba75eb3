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
import io.vavr.collection.Vector;

import java.util.Locale;

/**
 * Turns a trace (usually a shrunk finding) into a JUnit 5 test: a method to paste into a test class, or
 * a whole class. The test builds the configuration and the inputs in Java and asserts with
 * {@code invs.conformance.junit.ConformanceAssertions} that the system conforms, so it fails while the
 * bug is there and passes once it is fixed.
 */
public final class RegressionTestSource {
    /** The imports an emitted method needs. */
    public static final Vector<String> IMPORTS = Vector.of(
            "invs.conformance.junit.ConformanceAssertions",
            "invs.spec.*",
            "io.vavr.collection.Vector",
            "io.vavr.control.Option",
            "org.junit.jupiter.api.Test");

    private RegressionTestSource() {
    }

    /**
     * A test method named {@code name} that replays {@code trace} on the systems made by
     * {@code factoryExpression} (Java source of a {@code SystemUnderTestFactory}, for example
     * {@code new invs.conformance.reference.ReferenceProvider()}).
     */
    public static String method(Trace trace, String name, String factoryExpression) {
        var header = trace.header();
        StringBuilder text = new StringBuilder();
        text.append("    /**\n     * Regression test emitted by invs");
        header.property().forEach(property -> text.append(" for a ").append(property).append(" finding"));
        text.append(String.format(" (seed 0x%016x", header.seed()));
        if (!header.system().isEmpty()) {
            text.append(", system ").append(javadoc(header.system()));
        }
        text.append(").\n");
        header.description().forEach(description -> {
            text.append("     * <pre>\n");
            for (String line : description.split("\n")) {
                text.append("     * ").append(javadoc(line)).append('\n');
            }
            text.append("     * </pre>\n");
        });
        text.append("     */\n");
        text.append("    @Test\n    void ").append(name).append("() {\n");
        text.append("        Configuration configuration = ").append(configuration(header.configuration())).append(";\n");
        text.append("        Vector<Input> inputs = Vector.of(");
        Vector<Input> inputs = trace.inputs();
        for (int index = 0; index < inputs.size(); index++) {
            text.append("\n                ").append(input(inputs.get(index))).append(index + 1 < inputs.size() ? "," : "");
        }
        text.append(");\n");
        boolean isolation = header.property().contains(Property.ISOLATION.label()) && header.subject().isDefined();
        if (isolation) {
            text.append("        ConformanceAssertions.assertIsolated(configuration, inputs, AppId.of(")
                    .append(header.subject().get()).append("), ").append(factoryExpression).append(");\n");
        } else {
            text.append("        ConformanceAssertions.assertConforms(configuration, inputs, ").append(factoryExpression)
                    .append(");\n");
        }
        text.append("    }\n");
        return text.toString();
    }

    /** A whole test class {@code packageName.className} holding {@link #method} for {@code trace}. */
    public static String testClass(Trace trace, String packageName, String className, String methodName,
                                   String factoryExpression) {
        StringBuilder text = new StringBuilder();
        if (!packageName.isEmpty()) {
            text.append("package ").append(packageName).append(";\n\n");
        }
        IMPORTS.forEach(name -> text.append("import ").append(name).append(";\n"));
        text.append("\n/** Regression tests emitted by invs. */\nclass ").append(className).append(" {\n");
        text.append(method(trace, methodName, factoryExpression));
        text.append("}\n");
        return text.toString();
    }

    /** A method name for a finding: its property, clause and seed, for example {@code lockstepSubscribe1Inval1a2b3c4d}. */
    public static String methodName(Finding finding) {
        String clause = finding.clause().map(c -> camel(c.name())).getOrElse("");
        return finding.property().label() + clause + String.format("%08x", (int) finding.seed());
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
        return "new App(" + string(app.name()) + ", "
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
                    + "Bytes.fromHex(\"" + a.data().toHex() + "\"))";
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

    private static String string(String value) {
        StringBuilder text = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                default -> text.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return text.append('"').toString();
    }

    private static String javadoc(String line) {
        return line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;")
                .replace("@", "&#64;");
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
