package invs.conformance.junit;

import java.util.Properties;
import invs.conformance.campaign.Budget;

import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * The budget and seed of a contract run: from {@link ConformanceBudget} on the test class (or its
 * defaults), overridden by the system properties {@code invs.tries}, {@code invs.steps},
 * {@code invs.seconds}, {@code invs.seed}; traces of findings go to {@code invs.traces} (default
 * {@code target/invs-findings}).
 *
 * <p>The traces directory holds a class's traces of its latest run only: a contract class lists the trace
 * files it writes there in {@code .written-by-CLASS} (its binary name), and before its first test removes
 * the files its last run listed. Nothing else is removed: traces of other classes, of {@code invs fuzz} and
 * any other file stay. A run of some of the classes leaves the others' traces of their own last run.
 *
 * @param budget the budget per configuration
 * @param seed   the seed
 * @param traces where to write the traces of findings
 */
record ContractSettings(Budget budget, long seed, Path traces) {

    static ContractSettings of(Class<?> testClass) {
        return of(testClass, System.getProperties());
    }

    /** The settings of {@code testClass}, with {@code properties} in the role of the system properties. */
    static ContractSettings of(Class<?> testClass, Properties properties) {
        ConformanceBudget annotation = testClass.getAnnotation(ConformanceBudget.class);
        int tries = annotation == null ? 60 : annotation.tries();
        int steps = annotation == null ? 150 : annotation.steps();
        long seconds = annotation == null ? 30 : annotation.seconds();
        String seed = annotation == null ? "0x50004" : annotation.seed();
        tries = Integer.parseInt(properties.getProperty("invs.tries", String.valueOf(tries)));
        steps = Integer.parseInt(properties.getProperty("invs.steps", String.valueOf(steps)));
        seconds = Long.parseLong(properties.getProperty("invs.seconds", String.valueOf(seconds)));
        seed = properties.getProperty("invs.seed", seed);
        Path traces = Path.of(properties.getProperty("invs.traces", "target/invs-findings"));
        return new ContractSettings(new Budget(tries, steps, Duration.ofSeconds(seconds)), parseSeed(seed), traces);
    }

    /** A seed from text: decimal, {@code 0x}-hexadecimal, or {@code random}. */
    static long parseSeed(String text) {
        String value = text.trim();
        if (value.equalsIgnoreCase("random")) {
            return new SplittableRandom().nextLong();
        }
        if (value.startsWith("0x") || value.startsWith("0X")) {
            return Long.parseUnsignedLong(value.substring(2), 16);
        }
        return Long.parseLong(value);
    }
}
