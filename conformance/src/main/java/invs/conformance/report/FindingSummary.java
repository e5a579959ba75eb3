package invs.conformance.report;

import invs.conformance.campaign.Finding;
import invs.conformance.campaign.Signature;
import invs.conformance.trace.Utf8Text;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.nio.file.Path;

/**
 * One rule broken, as a report lists it: what it is, how often, and where its shrunk trace is.
 *
 * @param rule          the rule, {@code property:CLAUSE}
 * @param property      the property broken ({@code lockstep}, …)
 * @param clause        the clause behind it, if one applies
 * @param signature     what its first divergence shows ({@link Signature}); causes are merged across shards by it
 * @param steps         how many steps the shrunk counterexample has
 * @param occurrences   how many tries broke the rule
 * @param trace         the trace file, if one was written
 * @param seed          the seed of the try that found it
 * @param configuration the board it was found on
 * @param foundBy       which try (or input) found it
 * @param swarm         what the finding try's swarm left out ({@code no-reboot}, …)
 */
public record FindingSummary(String rule, String property, Option<String> clause, String signature, int steps,
                             int occurrences, Option<String> trace, long seed, String configuration, String foundBy,
                             Vector<String> swarm) {

    /** The summary of {@code finding}. */
    public static FindingSummary of(Finding finding) {
        return new FindingSummary(finding.key(), finding.property().label(), finding.clause().map(Enum::name),
                Signature.of(finding.violation()), finding.shrunkLength(), finding.occurrences(),
                finding.traceFile().map(Path::toString), finding.seed(), finding.configurationName(), finding.origin(),
                finding.swarm().omitted());
    }

    /**
     * The command that replays its trace, if it has one: {@code ./invs replay FILE} and {@code replayFlags}, the
     * file shell-quoted when it needs to be. Both may come from a {@code report.json}: the command is made
     * {@link Utf8Text#printable printable}, one line with control characters as escapes ({@code \u001b},
     * {@code \n}), for a path that holds them cannot be replayed by copying the line anyway.
     */
    public Option<String> replayCommand(String replayFlags) {
        return trace.map(file -> Utf8Text.printable("./invs replay " + (file.matches("[A-Za-z0-9_./:=@%+,-]+") ? file
                : "'" + file.replace("'", "'\\''") + "'") + replayFlags, Integer.MAX_VALUE));
    }

    /** Its trace file, if it has one, as a report shows it: {@link Utf8Text#printable printable}, in one line. */
    public Option<String> shownTrace() {
        return trace.map(file -> Utf8Text.printable(file, Integer.MAX_VALUE));
    }

    /** This finding with its trace file at {@code file}. */
    FindingSummary withTrace(Option<String> file) {
        return new FindingSummary(rule, property, clause, signature, steps, occurrences, file, seed, configuration, foundBy,
                swarm);
    }
}
