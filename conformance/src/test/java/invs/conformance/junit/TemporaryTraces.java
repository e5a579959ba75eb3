package invs.conformance.junit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Has the contract suite write its traces into a new temporary directory during each test (through the system
 * property {@code invs.traces}, which the test class's tests must not share with tests running at the same
 * time), and removes it afterwards, setting the property back.
 */
final class TemporaryTraces implements BeforeEachCallback, AfterEachCallback {
    private Path directory;
    private String before;

    /** The directory of the test running. */
    Path directory() {
        return directory;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        directory = Files.createTempDirectory("invs-traces");
        before = System.getProperty("invs.traces");
        System.setProperty("invs.traces", directory.toString());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (before == null) {
            System.clearProperty("invs.traces");
        } else {
            System.setProperty("invs.traces", before);
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
