package invs.conformance.engine;

import invs.conformance.trace.Trace;
import invs.spec.Clause;
import io.vavr.control.Option;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A property broken by a system under test, shrunk and ready to replay.
 *
 * @param property          the property broken
 * @param clause            the clause behind it, if one applies
 * @param seed              the seed of the try that found it: a campaign with this seed, the same
 *                          configuration first and the same steps per try reproduces it as its first try
 * @param configurationName the name of the configuration it was found on
 * @param originalLength    how many inputs the failing try had run when it failed
 * @param trace             the shrunk sequence with observations, its header naming the property
 * @param description       the violation at the last step of the shrunk sequence
 * @param foundAfter        time from the start of the campaign to the failing step
 * @param shrinkTime        time spent shrinking
 * @param occurrences       how many tries failed the same way (same property and clause)
 * @param traceFile         where the trace was written, if the campaign writes traces
 */
public record Finding(Property property, Option<Clause> clause, long seed, String configurationName,
                      int originalLength, Trace trace, String description, Duration foundAfter, Duration shrinkTime,
                      int occurrences, Option<Path> traceFile) {

    /** What findings are deduplicated by: the property and the clause. */
    public String key() {
        return property.label() + clause.map(c -> ":" + c.name()).getOrElse("");
    }

    /** How many steps the shrunk counterexample has. */
    public int shrunkLength() {
        return trace.length();
    }

    /** This finding seen once more. */
    Finding seenAgain() {
        return new Finding(property, clause, seed, configurationName, originalLength, trace, description, foundAfter,
                shrinkTime, occurrences + 1, traceFile);
    }

    /** A report: the seed, the lengths, the divergence and the shrunk steps. */
    public String report() {
        StringBuilder text = new StringBuilder()
                .append(property.label()).append(" broken (").append(property.statement()).append(")\n")
                .append("seed ").append(String.format("0x%016x", seed)).append(" on ").append(configurationName)
                .append(", found after ").append(originalLength).append(" steps, shrunk to ").append(shrunkLength())
                .append(" steps").append(occurrences > 1 ? " (" + occurrences + " tries failed this way)" : "").append('\n')
                .append(description).append('\n')
                .append("shrunk sequence:\n");
        int number = 1;
        for (var step : trace.steps()) {
            text.append(String.format("  %2d. %-44s -> %s%n", number++, step.input(),
                    step.observation().map(Object::toString).getOrElse("(no answer)")));
        }
        traceFile.forEach(file -> text.append("trace: ").append(file).append('\n'));
        return text.toString();
    }
}
