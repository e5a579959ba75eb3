package invs.fuzz.campaign;

import invs.conformance.campaign.Finding;
import invs.conformance.check.Property;
import invs.spec.AppId;
import invs.spec.Configuration;
import invs.spec.Input;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.time.Duration;

/**
 * A failing sequence before shrinking: what a try (or a guided-fuzzing input) ran up to the step where a
 * property broke, the rule it broke ({@link #key()}: property and clause, by which findings are
 * deduplicated), and how often that rule was broken in the campaign.
 *
 * @param key               the property and clause broken, as {@link Finding#key()} writes them
 * @param property          the property broken
 * @param origin            where it came from, for example {@code try 17} or a guided input's file name
 * @param order             the campaign's try index (or another order); of equal keys the lowest is kept
 * @param seed              the seed of the try that found it (0 when there is none)
 * @param configurationName the name of the configuration it ran on
 * @param configuration     that configuration
 * @param inputs            the inputs up to and including the failing step
 * @param subject           for an isolation failure, the app whose observations changed
 * @param foundAfter        time from the start of the campaign to the failure
 * @param occurrences       how many tries broke the same rule
 */
public record Counterexample(String key, Property property, String origin, long order, long seed,
                             String configurationName, Configuration configuration, Vector<Input> inputs,
                             Option<AppId> subject, Duration foundAfter, int occurrences) {

    /** The unshrunk finding of a single-try campaign as a counterexample of try {@code tryIndex}. */
    static Counterexample of(Finding finding, long tryIndex, Duration foundAfter) {
        var header = finding.trace().header();
        return new Counterexample(finding.key(), finding.property(), "try " + tryIndex, tryIndex, finding.seed(),
                finding.configurationName(), header.configuration(), finding.trace().inputs(),
                header.subject().map(AppId::of), foundAfter, 1);
    }

    /** Of this and {@code other}, which break the same rule, the earlier one, counting both occurrences. */
    public Counterexample mergedWith(Counterexample other) {
        Counterexample first = order <= other.order ? this : other;
        return new Counterexample(first.key, first.property, first.origin, first.order, first.seed,
                first.configurationName, first.configuration, first.inputs, first.subject,
                foundAfter.compareTo(other.foundAfter) <= 0 ? foundAfter : other.foundAfter,
                occurrences + other.occurrences);
    }
}
