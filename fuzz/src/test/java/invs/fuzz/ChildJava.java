package invs.fuzz;

import java.nio.file.Path;
import java.util.List;

/** Shell commands that start a class of the test class path in a child JVM (the same JDK as the tests). */
public final class ChildJava {
    private ChildJava() {
    }

    /** The shell command running {@code mainClass} with {@code args}. */
    public static String command(String mainClass, String... args) {
        return command(List.of(), mainClass, args);
    }

    /** The shell command running {@code mainClass} with {@code args}, Java given {@code javaOptions} first. */
    public static String command(List<String> javaOptions, String mainClass, String... args) {
        StringBuilder text = new StringBuilder()
                .append(quoted(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String option : javaOptions) {
            text.append(' ').append(quoted(option));
        }
        text.append(" -cp ").append(quoted(System.getProperty("java.class.path")))
                .append(' ').append(mainClass);
        for (String arg : args) {
            text.append(' ').append(quoted(arg));
        }
        return text.toString();
    }

    /** {@code invs serve} with {@code args}, in a child JVM. */
    public static String serve(String... args) {
        return serve(List.of(), args);
    }

    /** {@code invs serve} with {@code args}, in a child JVM given {@code javaOptions}. */
    public static String serve(List<String> javaOptions, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        return command(javaOptions, Main.class.getName(), all);
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
