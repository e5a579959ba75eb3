package invs.conformance.replay;

import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.control.Option;

import javax.lang.model.SourceVersion;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * The Java that {@link RegressionTestSource} writes text from a trace into, and the checks on the names and
 * the expression it is given. Text from a trace (an app's name, a description that may hold a tested
 * server's standard error) can hold anything, so it only ever lands in a string literal or a Javadoc
 * comment, written so that javac reads back exactly that text and nothing else. javac turns a Unicode
 * escape into its character before it reads comments and literals (a backslash, {@code u002a}, a
 * backslash and {@code u002f} close a comment), so no backslash of the text reaches a comment, and each
 * one in a string literal is doubled, which keeps it from starting an escape (JLS 3.3).
 */
public final class JavaSyntax {
    /** Words that are identifiers but cannot name a class (JLS 3.9, 8.1). */
    private static final Set<String> RESTRICTED_TYPE_NAMES = HashSet.of("var", "yield", "record", "sealed", "permits");
    /**
     * The largest piece of a string constant, in characters: at most three bytes each in a class file, well
     * below the 65,535 bytes javac allows a constant.
     */
    static final int STRING_PIECE = 1 << 14;

    private JavaSyntax() {
    }

    /**
     * A string literal that javac reads as {@code value}: quotes and backslashes escaped, line terminators
     * and other control characters as escapes, a lone surrogate as a Unicode escape; nothing else changed.
     */
    public static String stringLiteral(String value) {
        StringBuilder text = new StringBuilder("\"");
        for (int index = 0; index < value.length(); index++) {
            char c = value.charAt(index);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        text.append(String.format("\\%03o", (int) c));
                    } else if (Character.isSurrogate(c) && !paired(value, index)) {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        return text.append('"').toString();
    }

    /**
     * Java that evaluates to {@code value}, a long string: one literal, or {@code String.join("", …)} of
     * literals of at most {@value #STRING_PIECE} characters, since javac refuses a constant over 65,535
     * bytes (and would fold a {@code +} of literals into one constant).
     */
    public static String longStringLiteral(String value) {
        if (value.length() <= STRING_PIECE) {
            return stringLiteral(value);
        }
        StringBuilder text = new StringBuilder("String.join(\"\"");
        int from = 0;
        while (from < value.length()) {
            int to = Math.min(value.length(), from + STRING_PIECE);
            if (to < value.length() && Character.isHighSurrogate(value.charAt(to - 1))) {
                to--;
            }
            text.append(",\n                        ").append(stringLiteral(value.substring(from, to)));
            from = to;
        }
        return text.append(')').toString();
    }

    /**
     * {@code line} as text in a Javadoc comment: HTML's special characters, {@code @}, the {@code /} of a
     * {@code *}{@code /}, every backslash and every control character as HTML character references. The
     * caller splits the text into lines first; a line terminator left in it becomes a reference too.
     */
    public static String javadoc(String line) {
        StringBuilder text = new StringBuilder();
        for (int index = 0; index < line.length(); index++) {
            char c = line.charAt(index);
            switch (c) {
                case '&' -> text.append("&amp;");
                case '<' -> text.append("&lt;");
                case '>' -> text.append("&gt;");
                case '@' -> text.append("&#64;");
                case '\\' -> text.append("&#92;");
                case '/' -> text.append(index > 0 && line.charAt(index - 1) == '*' ? "&#47;" : "/");
                default -> {
                    if (Character.isISOControl(c) && c != '\t') {
                        text.append("&#x").append(Integer.toHexString(c)).append(';');
                    } else if (Character.isSurrogate(c) && !paired(line, index)) {
                        text.append('?');
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        return text.toString();
    }

    /** The lines of {@code text}, split at Java's line terminators: CR, LF and CR LF. */
    public static String[] lines(String text) {
        return text.split("\r\n|\r|\n", -1);
    }

    /** Whether {@code name} can name a method: an identifier, not a keyword or literal. */
    public static boolean isMethodName(String name) {
        return SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name) && !name.equals("_");
    }

    /** Whether {@code name} can name a class: a method name that is not {@code var}, {@code record}, … either. */
    public static boolean isClassName(String name) {
        return isMethodName(name) && !RESTRICTED_TYPE_NAMES.contains(name);
    }

    /**
     * Whether {@code name} can name a package a class of ours is in: method names separated by dots, and not
     * {@code java} or below it (javac compiles such a class, but the JVM refuses to load it).
     */
    public static boolean isPackageName(String name) {
        return SourceVersion.isName(name) && Arrays.stream(name.split("\\.", -1)).allMatch(JavaSyntax::isMethodName)
                && !name.equals("java") && !name.startsWith("java.");
    }

    /**
     * What is obviously wrong with {@code expression} as one Java expression to put in an argument list; none
     * when nothing is. The check is rough, not a parser: the text must not be blank and must be on one line,
     * its string and character literals closed, its brackets balanced, with no {@code ;} outside braces, no
     * {@code ,} outside brackets, and no comment or backslash outside literals (a Unicode escape could hide
     * any of these).
     */
    public static Option<String> expressionProblem(String expression) {
        if (expression.isBlank()) {
            return Option.some("it is empty");
        }
        Deque<Character> open = new ArrayDeque<>();
        char quote = 0;
        for (int index = 0; index < expression.length(); index++) {
            char c = expression.charAt(index);
            if (c == '\n' || c == '\r') {
                return Option.some("it is on more than one line");
            }
            if (quote != 0) {
                if (c == '\\') {
                    index++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '"', '\'' -> quote = c;
                case '(', '[', '{' -> open.push(c);
                case ')', ']', '}' -> {
                    char opening = c == ')' ? '(' : c == ']' ? '[' : '{';
                    if (open.isEmpty() || open.pop() != opening) {
                        return Option.some("its '" + c + "' closes no '" + opening + "'");
                    }
                }
                case ';' -> {
                    if (!open.contains('{')) {
                        return Option.some("it has a ';' outside braces");
                    }
                }
                case ',' -> {
                    if (open.isEmpty()) {
                        return Option.some("it has a ',' outside brackets");
                    }
                }
                case '\\' -> {
                    return Option.some("it has a backslash outside a literal");
                }
                case '/' -> {
                    if (index + 1 < expression.length() && "/*".indexOf(expression.charAt(index + 1)) >= 0) {
                        return Option.some("it has a comment");
                    }
                }
                default -> {
                }
            }
        }
        if (quote != 0) {
            return Option.some("its " + (quote == '"' ? "string" : "character") + " literal is not closed");
        }
        return open.isEmpty() ? Option.none() : Option.some("its '" + open.peek() + "' is never closed");
    }

    private static boolean paired(String text, int index) {
        char c = text.charAt(index);
        return Character.isHighSurrogate(c)
                ? index + 1 < text.length() && Character.isLowSurrogate(text.charAt(index + 1))
                : index > 0 && Character.isHighSurrogate(text.charAt(index - 1));
    }
}
