package invs.conformance.trace;

import invs.spec.Configuration;
import io.vavr.control.Option;

/**
 * The first line of a trace file: the format version and what the trace needs to be replayed exactly.
 *
 * @param version       the format version ({@link TraceCodec#VERSION})
 * @param configuration the board and apps the steps ran on
 * @param seed          the seed of the run that produced the trace (0 for a hand-written trace)
 * @param system        the name of the system under test that produced it ({@code reference}, …), or empty
 * @param property      the property the trace breaks, if it records a finding ({@code lockstep}, …)
 * @param subject       for an isolation finding, the process slot of the app whose observations changed
 * @param description   free text for people: the divergence, where the trace came from
 */
public record TraceHeader(int version, Configuration configuration, long seed, String system,
                          Option<String> property, Option<Integer> subject, Option<String> description) {

    /** Checks the fields. */
    public TraceHeader {
        if (configuration == null || system == null || property == null || subject == null || description == null) {
            throw new IllegalArgumentException("a trace header has no null fields");
        }
    }

    /** A header of the current version with no property, subject or description. */
    public static TraceHeader of(Configuration configuration, long seed, String system) {
        return new TraceHeader(TraceCodec.VERSION, configuration, seed, system, Option.none(), Option.none(),
                Option.none());
    }

    /** This header naming the property the trace breaks. */
    public TraceHeader withProperty(String name) {
        return new TraceHeader(version, configuration, seed, system, Option.some(name), subject, description);
    }

    /** This header naming the subject app of an isolation finding. */
    public TraceHeader withSubject(int slot) {
        return new TraceHeader(version, configuration, seed, system, property, Option.some(slot), description);
    }

    /** This header with a description. */
    public TraceHeader withDescription(String text) {
        return new TraceHeader(version, configuration, seed, system, property, subject, Option.some(text));
    }

    /** This header with another configuration. */
    public TraceHeader withConfiguration(Configuration other) {
        return new TraceHeader(version, other, seed, system, property, subject, description);
    }
}
