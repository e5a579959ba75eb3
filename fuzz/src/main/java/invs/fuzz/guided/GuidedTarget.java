package invs.fuzz.guided;

import invs.conformance.check.Property;
import invs.fuzz.system.OpenSystem;
import invs.fuzz.system.SystemChoice;
import io.vavr.collection.Vector;

import java.nio.file.Path;

/**
 * The Jazzer fuzz target of {@code invs fuzz --guided}, run in a child JVM: each input is decoded by the
 * {@link SequenceDecoder} and run in lockstep; a broken rule is thrown as {@link RuleBroken} so that Jazzer
 * keeps the input. The system, configurations and properties come from system properties the guided
 * campaign sets ({@value #SYSTEM}, {@value #CONFIGURATIONS}, {@value #PROPERTIES}).
 */
public final class GuidedTarget {
    /** System property: the system under test, as {@link SystemChoice#encode()} writes it. */
    public static final String SYSTEM = "invs.guided.system";
    /** System property: the file of named configurations ({@link ConfigurationList}). */
    public static final String CONFIGURATIONS = "invs.guided.configurations";
    /** System property: the properties to check, comma-separated labels. */
    public static final String PROPERTIES = "invs.guided.properties";

    private static SequenceCheck check;

    private GuidedTarget() {
    }

    /** Called once by Jazzer before the first input. */
    public static void fuzzerInitialize() {
        OpenSystem system = SystemChoice.decode(System.getProperty(SYSTEM, "reference")).open();
        Vector<Property> properties = Vector.of(System.getProperty(PROPERTIES, "lockstep,liveness,durability,robustness")
                .split(",")).flatMap(Property::ofLabel);
        check = new SequenceCheck(system.factory(), ConfigurationList.read(Path.of(System.getProperty(CONFIGURATIONS))),
                properties);
    }

    /** Called by Jazzer for every input. */
    public static void fuzzerTestOneInput(byte[] data) {
        var violation = check.check(data);
        if (violation.isDefined()) {
            throw new RuleBroken(violation.get());
        }
    }
}
