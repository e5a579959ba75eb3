package invs.conformance.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class JavaSyntaxTest {
    @Test
    void aStringLiteralEscapesWhatJavacWouldReadOtherwise() {
        assertEquals("\"a\\\"\\\\u0022\\r\\n\\t\\001\\177\u2028\\ud800b\"",
                JavaSyntax.stringLiteral("a\"\\u0022\r\n\t\u0001\u007f\u2028\ud800b"));
        assertEquals("\"\uD83D\uDE00\"", JavaSyntax.stringLiteral("\uD83D\uDE00"));
    }

    @Test
    void aLongStringIsJoinedFromPiecesBelowTheConstantLimit() {
        String hex = "ab".repeat(JavaSyntax.STRING_PIECE);
        String piece = "\"" + "ab".repeat(JavaSyntax.STRING_PIECE / 2) + "\"";
        assertEquals("String.join(\"\",\n                        " + piece + ",\n                        " + piece + ")",
                JavaSyntax.longStringLiteral(hex));
        assertEquals("\"ab\"", JavaSyntax.longStringLiteral("ab"));
    }

    @Test
    void javadocTextHasNoBackslashNoCommentEndAndNoControlCharacter() {
        assertEquals("*&#47; &#92;u002a&#92;u002f &#64;see &lt;b&gt; &amp; &#xd;&#x0;\t/x **&#47;",
                JavaSyntax.javadoc("*/ \\u002a\\u002f @see <b> & \r\u0000\t/x **/"));
        assertEquals("x *&#47;", JavaSyntax.javadoc("x */"));
        assertArrayEquals(new String[] {"a", "b", "c", "d", ""}, JavaSyntax.lines("a\r\nb\rc\nd\n"));
    }

    @Test
    void anExpressionThatIsObviouslyNotOneIsNamed() {
        assertEquals(Option.some("it is empty"), JavaSyntax.expressionProblem(""));
        assertEquals(Option.some("it is empty"), JavaSyntax.expressionProblem("  "));
        assertEquals(Option.some("its string literal is not closed"), JavaSyntax.expressionProblem("\"unterminated"));
        assertEquals(Option.some("its character literal is not closed"), JavaSyntax.expressionProblem("f('x)"));
        assertEquals(Option.some("its '(' is never closed"), JavaSyntax.expressionProblem("new X("));
        assertEquals(Option.some("its ')' closes no '('"), JavaSyntax.expressionProblem("new X())"));
        assertEquals(Option.some("its ']' closes no '['"), JavaSyntax.expressionProblem("a(]"));
        assertEquals(Option.some("it has a ';' outside braces"), JavaSyntax.expressionProblem("x(); y()"));
        assertEquals(Option.some("it has a ',' outside brackets"), JavaSyntax.expressionProblem("x, y"));
        assertEquals(Option.some("it has a comment"), JavaSyntax.expressionProblem("x() // y"));
        assertEquals(Option.some("it has a backslash outside a literal"), JavaSyntax.expressionProblem("x\\u0029"));
        assertEquals(Option.some("it is on more than one line"), JavaSyntax.expressionProblem("x(\n)"));
        for (String good : new String[] {"new invs.conformance.reference.ReferenceProvider()",
                "Zoo.named(\"a;b,c)\\\"//\").get()", "f(',', ')', '\\'')", "new X() { int f() { return 1; } }",
                "factory()", "a / b"}) {
            assertEquals(Option.none(), JavaSyntax.expressionProblem(good), good);
        }
    }

    @Test
    void namesFollowTheLanguage() {
        assertTrue(JavaSyntax.isClassName("Émis$_1"));
        assertFalse(JavaSyntax.isClassName("record"));
        assertTrue(JavaSyntax.isMethodName("record"));
        assertFalse(JavaSyntax.isMethodName("goto"));
        assertFalse(JavaSyntax.isMethodName("true"));
        assertTrue(JavaSyntax.isPackageName("my.tests"));
        assertFalse(JavaSyntax.isPackageName("my.int"));
        assertFalse(JavaSyntax.isPackageName("my..tests"));
        assertFalse(JavaSyntax.isPackageName("java"));
        assertFalse(JavaSyntax.isPackageName("java.tests"));
        assertTrue(JavaSyntax.isPackageName("javatests"));
        assertTrue(JavaSyntax.isPackageName("my.java"));
    }
}
