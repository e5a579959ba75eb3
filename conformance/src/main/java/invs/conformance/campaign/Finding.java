package invs.conformance.campaign;

import invs.conformance.board.BoardLine;
import invs.conformance.check.Checks;
import invs.conformance.check.Property;
import invs.conformance.check.Violation;
import invs.conformance.generation.Swarm;
import invs.conformance.trace.Trace;
import invs.spec.Clause;
import io.vavr.control.Option;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One rule (property and clause) broken by a system under test, shrunk and ready to replay.
 *
 * @param violation         the violation at the last step of the shrunk sequence
 * @param checks            what was checked when it broke (isolation names its subject)
 * @param seed              the seed of the try that found it: a campaign with this seed, the same board
 *                          first and the same steps per try reproduces it as its first try
 * @param configurationName the name of the board it was found on
 * @param originalLength    how many inputs the failing try had run when it failed
 * @param trace             the shrunk sequence with observations, its header naming the property
 * @param foundAfter        time from the start of the campaign to the failing step
 * @param shrinkTime        time spent shrinking
 * @param occurrences       how many tries broke the same rule
 * @param traceFile         the file that holds the trace, if the campaign writes traces and could write it
 * @param origin            which try (or input) found it
 * @param swarm             the features that try could use
 */
public record Finding(Violation violation, Checks checks, long seed, String configurationName, int originalLength,
                      Trace trace, Duration foundAfter, Duration shrinkTime, int occurrences, Option<Path> traceFile,
                      String origin, Swarm swarm) {

    /** The property broken. */
    public Property property() {
        return violation.property();
    }

    /** The clause behind it, if one applies. */
    public Option<Clause> clause() {
        return violation.clause();
    }

    /** The rule broken, what findings are told apart by: {@code property:CLAUSE}. */
    public String key() {
        return violation.key();
    }

    /** The divergence at the last step: what was observed and what was expected. */
    public String description() {
        return violation.description();
    }

    /** {@code count} steps in words: {@code 1 step}, {@code 4 steps}. */
    public static String steps(int count) {
        return count + (count == 1 ? " step" : " steps");
    }

    /** How many steps the shrunk counterexample has. */
    public int shrunkLength() {
        return trace.length();
    }

    /** This finding with its trace saved in {@code file}. */
    public Finding savedIn(Option<Path> file) {
        return new Finding(violation, checks, seed, configurationName, originalLength, trace, foundAfter, shrinkTime,
                occurrences, file, origin, swarm);
    }

    /**
     * The divergence for a reader: what was observed and allowed, then, for a lockstep divergence, the
     * fields that differ, the clause and decisions that govern each, and the steps that decided it.
     */
    public String explained() {
        if (!trace.recordsObservations()) {
            return description();
        }
        return violation.explained(trace.header().configuration(), trace.steps());
    }

    /** A report: the seed, the lengths, the board the shrunk sequence runs on, the divergence explained and the shrunk steps. */
    public String report() {
        return property().label() + " broken (" + property().statement() + ")\n"
                + "seed " + String.format("0x%016x", seed) + " on " + configurationName
                + ", found after " + steps(originalLength) + ", shrunk to " + steps(shrunkLength())
                + (occurrences > 1 ? " (" + occurrences + " tries failed this way)" : "") + '\n'
                + details();
    }

    /**
     * The lines of a {@linkplain #report() report} after the seed and the lengths: the board the shrunk sequence
     * runs on, the divergence explained, the shrunk steps and the trace file.
     */
    public String details() {
        StringBuilder text = new StringBuilder()
                .append("board: ").append(BoardLine.of(trace.header().configuration())).append('\n')
                .append(explained()).append('\n')
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
