package invs.fuzz.guided;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JazzerLogTest {
    @TempDir
    Path directory;

    private Path log(String text) throws IOException {
        return Files.writeString(directory.resolve("jazzer.log"), text);
    }

    @Test
    void theLastErrorLineIsTheReason() throws IOException {
        assertEquals(": ERROR: The required directory \"/no/such/dir\" does not exist", JazzerLog.lastWords(log(
                "INFO: Instrumented invs.impl.kernel.Process (took 2 ms, size +13%)\n"
                        + "ERROR: The required directory \"/no/such/dir\" does not exist\n"
                        + "INFO: exiting\n")));
        assertEquals(": ParseDictionaryFile: file does not exist or is empty", JazzerLog.lastWords(log(
                "INFO: Seed: 327685\nParseDictionaryFile: file does not exist or is empty\n")));
    }

    @Test
    void aJavaExceptionIsSaidByItsDeepestCauseNotByItsLastFrame() throws IOException {
        assertEquals(": Caused by: java.lang.IllegalStateException: no configurations", JazzerLog.lastWords(log(
                "== Java Exception in fuzzerInitialize: java.lang.reflect.InvocationTargetException\n"
                        + "\tat jdk.internal.reflect.Method.invoke(Method.java:580)\n"
                        + "Caused by: java.lang.IllegalStateException: no configurations\n"
                        + "\tat invs.fuzz.guided.GuidedTarget.fuzzerInitialize(GuidedTarget.java:40)\n"
                        + "\t... 5 more\n")));
        assertEquals(": == Java Exception in fuzzerInitialize: java.lang.NoClassDefFoundError", JazzerLog.lastWords(log(
                "== Java Exception in fuzzerInitialize: java.lang.NoClassDefFoundError\n\tat a.b(C.java:1)\n\t... 5 more\n")));
        assertEquals(": Usage: jazzer", JazzerLog.lastWords(log("Usage: jazzer\n\tat a.b(C.java:1)\n\t... 5 more\n")));
    }

    @Test
    void withoutAnErrorTheLastLineThatIsNoInfoLineIsTaken() throws IOException {
        assertEquals(": Usage: jazzer [options]", JazzerLog.lastWords(log("Usage: jazzer [options]\nINFO: done\n\n")));
        assertEquals("", JazzerLog.lastWords(log("INFO: only this\n")));
        assertEquals("", JazzerLog.lastWords(directory.resolve("none.log")));
    }

    @Test
    void whatTheLogSaysIsShownInOnePrintableLine() throws IOException {
        assertEquals(": ERROR: bad \\u001b[31m flag", JazzerLog.lastWords(log("ERROR: bad \u001b[31m flag\n")));
        assertEquals(2 + 300 + 1, JazzerLog.lastWords(log("ERROR: " + "x".repeat(1000) + "\n")).length());
    }
}
