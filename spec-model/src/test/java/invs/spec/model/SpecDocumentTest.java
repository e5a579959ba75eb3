package invs.spec.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every test docs/spec.md names as a witness exists, and every clause test is named there. */
class SpecDocumentTest {
    private static final Pattern WITNESS = Pattern.compile("`(\\w+Test)#(\\w+)`");

    private static String document() throws IOException {
        return Files.readString(Path.of("..", "docs", "spec.md"));
    }

    @Test
    void everyWitnessNamedInTheDocumentExists() throws IOException {
        Matcher matcher = WITNESS.matcher(document());
        List<String> missing = new ArrayList<>();
        int found = 0;
        while (matcher.find()) {
            found++;
            Class<?> type;
            try {
                type = Class.forName("invs.spec.model." + matcher.group(1));
            } catch (ClassNotFoundException e) {
                missing.add(matcher.group(0));
                continue;
            }
            if (Arrays.stream(type.getDeclaredMethods()).map(Method::getName).noneMatch(matcher.group(2)::equals)) {
                missing.add(matcher.group(0));
            }
        }
        assertTrue(found > 40, "docs/spec.md names only " + found + " witnesses");
        assertTrue(missing.isEmpty(), "docs/spec.md names tests that do not exist: " + missing);
    }

    @Test
    void everyDecisionTestIsNamedInTheDocument() throws Exception {
        String text = document();
        for (Method method : DecisionsTest.class.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Test.class)) {
                assertTrue(text.contains("`DecisionsTest#" + method.getName() + "`"),
                        "docs/spec.md does not name DecisionsTest#" + method.getName());
            }
        }
    }
}
