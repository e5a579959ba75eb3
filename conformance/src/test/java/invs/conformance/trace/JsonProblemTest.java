package invs.conformance.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import invs.spec.Configuration;
import invs.spec.Profile;
import io.vavr.collection.Vector;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A trace line holds one JSON object with each field once, and JSON problems read without Jackson's internals. */
class JsonProblemTest {
    private static final String HEADER = TraceCodec.format(Trace.ofInputs(
            TraceHeader.of(Configuration.defaults(Profile.DOC), 0, "hand"), Vector.empty())).strip();
    private static final String DRAIN = "{\"step\":1,\"input\":{\"kind\":\"drain\"},\"observation\":{\"kind\":\"quiet\"}}";
    private static final String FAIL = "{\"step\":2,\"input\":{\"kind\":\"command\",\"app\":0,\"number\":0,\"arg1\":0,\"arg2\":0},"
            + "\"observation\":{\"kind\":\"failure\",\"code\":\"FAIL\"}}";

    private static String problem(String text) {
        return assertThrows(TraceFormatException.class, () -> TraceReader.read(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), TraceLimits.standard())).getMessage();
    }

    @ParameterizedTest(name = "separated by [{0}]")
    @ValueSource(strings = {"\r", " ", "\t", ""})
    void aSecondObjectOnAStepLineIsRefusedNotSkipped(String separator) {
        assertEquals("line 2: not valid JSON: more after the JSON object, at column " + (DRAIN.length() + 1 + separator.length())
                + ": a line holds one object", problem(HEADER + "\n" + DRAIN + separator + FAIL + "\n"));
    }

    @Test
    void garbageAfterAnObjectIsRefused() {
        assertTrue(problem(HEADER + "\n" + DRAIN + " garbage\n").startsWith("line 2: not valid JSON: Unrecognized token 'garbage'"));
        assertTrue(problem(HEADER + " garbage\n" + DRAIN + "\n").startsWith("line 1: not valid JSON: Unrecognized token 'garbage'"));
        assertTrue(problem(HEADER + "\n" + DRAIN + " 7\n").startsWith("line 2: not valid JSON: more after the JSON object"));
        assertTrue(problem(HEADER + "\n" + DRAIN + "}\n").startsWith("line 2: not valid JSON: Unexpected close marker '}'"));
    }

    @Test
    void whitespaceAfterAnObjectIsAccepted() throws Exception {
        Trace trace = TraceReader.read(new ByteArrayInputStream((HEADER + " \t\n" + DRAIN + "  \r\n").getBytes(
                StandardCharsets.UTF_8)), TraceLimits.standard()).trace();
        assertEquals(1, trace.length());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"step\":1,\"input\":{\"kind\":\"yield\",\"app\":7},\"input\":{\"kind\":\"drain\"}} | line 2, field input",
            "{\"step\":1,\"step\":1,\"input\":{\"kind\":\"drain\"}} | line 2, field step",
            "{\"step\":1,\"input\":{\"kind\":\"yield\",\"kind\":\"drain\",\"app\":0}} | line 2, field input.kind",
            "{\"step\":1,\"input\":{\"kind\":\"tick\"},\"note\":{\"a\":[{\"b\":1,\"b\":2}]}} | line 2, field note.a[0].b",
    })
    void aFieldGivenTwiceIsRefusedByName(String line, String where) {
        assertEquals(where + ": given twice (a field may appear once in an object)", problem(HEADER + "\n" + line + "\n"));
    }

    @Test
    void aFieldGivenTwiceInTheHeaderIsRefusedByName() {
        String header = HEADER.replace("\"apps\":[{\"name\":\"alpha\",", "\"apps\":[{\"name\":\"alpha\",\"name\":\"omega\",");
        assertFalse(header.equals(HEADER));
        assertEquals("line 1, field configuration.apps[0].name: given twice (a field may appear once in an object)",
                problem(header + "\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"step\":1,\"input\":{\"kind\":\"drain\"", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
            "{\"step\":1,\"input\":{\"kind\":\"drain\"},\"note\":\"x", "{\"step\":1,}", "{\"step\":\"\u0001\"}",
            "{\"step\":12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"
                    + "123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"
                    + "123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"
                    + "123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"
                    + "123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"
                    + "123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"
                    + "123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"
                    + "123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"
                    + "123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"
                    + "123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"
                    + "123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"
                    + "123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890}"})
    void problemsAreOneLineWithoutJacksonInternals(String line) {
        String nested = line.startsWith("[") ? "[".repeat(1001) : line;
        String message = problem(HEADER + "\n" + nested + "\n");
        assertTrue(message.startsWith("line 2: not valid JSON: "), message);
        for (String internal : new String[] {"[Source", "REDACTED", "StreamRead", "`", "com.fasterxml", "\n", "\r"}) {
            assertFalse(message.contains(internal), message);
        }
        assertTrue(message.length() < 300, message);
    }

    @Test
    void nestingAndEndOfInputAreToldPlainly() {
        assertEquals("line 2: not valid JSON: Document nesting depth (1001) exceeds the maximum allowed (1000)",
                problem(HEADER + "\n" + "[".repeat(1001) + "\n"));
        assertEquals("line 2: not valid JSON: Unexpected end-of-input: expected close marker for Object (start marker at"
                + " column 19)", problem(HEADER + "\n{\"step\":1,\"input\":{\"kind\":\"drain\"\n"));
    }

    @Test
    void aTextOfManyLinesNamesTheLineAndColumn() {
        assertEquals("not valid JSON at line 4, column 1: more after the JSON value: a file holds one value",
                JsonProblem.inFile(thrown("{\n\"a\": 1\n}\n{}")).describe());
        assertEquals("field b.c: given twice (a field may appear once in an object)",
                JsonProblem.inFile(thrown("{\"b\":\n{\"c\": 1,\n\"c\": 2}}")).describe());
        assertEquals("not valid JSON at line 2, column 7: Unexpected end-of-input: expected close marker for Object"
                + " (start marker at line 1, column 1)", JsonProblem.inFile(thrown("{\n\"a\": 1")).describe());
    }

    private static JsonProcessingException thrown(String text) {
        return assertThrows(JsonProcessingException.class, () -> TraceCodec.objectMapper().readTree(text));
    }
}
